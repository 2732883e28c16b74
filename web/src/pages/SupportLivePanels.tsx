import { useState } from 'react';
import { api } from '../api';
import { StatusBadge } from '../components';
import { formatDateTime, formatDuration, formatNumber, humanize, reasonText } from '../format';
import { useSubmit } from '../use-api';
import type { LiveQueue, PendingAgent, Staffing } from './support-types';

/** The conversations waiting for a person, most urgent first. */
export function LiveQueuePanel({ live }: { live: LiveQueue }) {
  const rows = live.queue;
  return (
    <section className="figure-group" aria-labelledby="support-queue">
      <h2 id="support-queue" className="section-title">
        Waiting for a person <span className="count">{rows.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">Nobody is waiting for a person.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-labelledby="support-queue" data-testid="live-queue">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Position
                </th>
                <th scope="col">Waiting</th>
                <th scope="col">Language</th>
                <th scope="col">Queue</th>
                <th scope="col">Priority</th>
                <th scope="col">Reason</th>
                <th scope="col">Offered to an agent</th>
                <th scope="col">Callback requested</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.conversationId} data-conversation-id={r.conversationId}>
                  <td className="num">{r.position}</td>
                  <td className={r.waitingSeconds > live.waitTargetSeconds ? 'text-warning' : undefined}>
                    {formatDuration(r.waitingSeconds)}
                  </td>
                  <td>{r.language}</td>
                  <td>{r.queue ? humanize(r.queue) : '—'}</td>
                  <td>{r.priority ? <StatusBadge status={r.priority} /> : '—'}</td>
                  <td>{reasonText(r.reason) || '—'}</td>
                  <td>{r.pendingOffer ? 'Yes' : 'No'}</td>
                  <td>{r.callbackRequested ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function StaffingTable({
  id,
  title,
  first,
  rows,
}: {
  id: string;
  title: string;
  first: string;
  rows: (Staffing & { key: string; label: string })[];
}) {
  return (
    <div className="table-wrap">
      <table className="table table-compact" aria-label={title} data-testid={id}>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="num">
              Online
            </th>
            <th scope="col" className="num">
              Busy
            </th>
            <th scope="col" className="num">
              Free slots
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{formatNumber(r.online)}</td>
              <td className="num">{formatNumber(r.busy)}</td>
              <td className="num">{formatNumber(r.freeSlots)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Agents online (heartbeating), busy (handling at least one conversation) and free slots. */
export function StaffingPanel({ live }: { live: LiveQueue }) {
  const { total, bySkill, byLanguage } = live.agents;
  return (
    <section className="figure-group" aria-labelledby="support-agents">
      <h2 id="support-agents" className="section-title">
        Agents online <span className="count">{total.online}</span>
      </h2>
      <p className="muted small">
        {formatNumber(total.busy)} busy, {formatNumber(total.freeSlots)} free slots. Everyone takes general
        help; the other queues need the skill.
      </p>
      <div className="side-by-side">
        <StaffingTable
          id="agents-by-skill"
          title="Agents online by skill"
          first="Skill"
          rows={bySkill.map((r) => ({ ...r, key: r.skill, label: humanize(r.skill) }))}
        />
        {byLanguage.length === 0 ? (
          <p className="muted">No agent is online.</p>
        ) : (
          <StaffingTable
            id="agents-by-language"
            title="Agents online by language"
            first="Language"
            rows={byLanguage.map((r) => ({ ...r, key: r.language, label: r.language }))}
          />
        )}
      </div>
    </section>
  );
}

function PendingRow({ agent, onChanged }: { agent: PendingAgent; onChanged(message: string): void }) {
  const { busy, error, run } = useSubmit();
  const decide = (decision: 'approve' | 'suspend') =>
    run(async () => {
      await api(`/api/v1/agents/${agent.id}/${decision}`, { method: 'POST' });
      onChanged(`${agent.displayName} ${decision === 'approve' ? 'approved' : 'suspended'}.`);
    });
  return (
    <tr>
      <th scope="row">{agent.displayName}</th>
      <td>{agent.languages.join(', ')}</td>
      <td>{agent.skills.length ? agent.skills.map(humanize).join(', ') : 'General help'}</td>
      <td>{humanize(agent.certification)}</td>
      <td>{formatDateTime(agent.createdAt)}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            aria-label={`Approve ${agent.displayName}`}
            onClick={() => void decide('approve')}
          >
            Approve
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy}
            aria-label={`Suspend ${agent.displayName}`}
            onClick={() => void decide('suspend')}
          >
            Suspend
          </button>
        </div>
        {error ? (
          <p className="alert alert-error small" role="alert">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** Sign-ups a supervisor must approve before the agent can go online. */
export function PendingAgentsPanel({ agents, onChanged }: { agents: PendingAgent[]; onChanged(): void }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="figure-group" aria-labelledby="support-pending">
      <h2 id="support-pending" className="section-title">
        Agent sign-ups awaiting approval <span className="count">{agents.length}</span>
      </h2>
      <p className="visually-hidden" role="status">
        {notice ?? ''}
      </p>
      {agents.length === 0 ? (
        <p className="muted">No sign-up is waiting.</p>
      ) : (
        <div className="table-wrap">
          <table
            className="table table-compact"
            aria-labelledby="support-pending"
            data-testid="pending-agents"
          >
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Languages</th>
                <th scope="col">Skills</th>
                <th scope="col">Certification</th>
                <th scope="col">Signed up</th>
                <th scope="col">
                  <span className="visually-hidden">Decision</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <PendingRow
                  key={a.id}
                  agent={a}
                  onChanged={(message) => {
                    setNotice(message);
                    onChanged();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
