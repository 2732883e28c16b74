import { type ReactNode, useCallback, useEffect, useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorBanner, Loading, PageHeader } from '../components';
import {
  formatDateTime,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  reasonText,
} from '../format';
import { useApi } from '../use-api';
import { useLiveEvents } from '../use-live-events';
import { OperationsTabs } from './OperationsTabs';
import { LiveQueuePanel, PendingAgentsPanel, StaffingPanel } from './SupportLivePanels';
import type { Csat, LiveQueue, SupportOutcomes } from './support-types';

const PERIODS = [1, 7, 30, 90] as const;
const REFRESH_MS = 5000;
const STAFF_TOPICS = ['staff'];

/**
 * One labelled figure: the group's accessible name is the label, the first `<dd>` the value,
 * the second (if any) the detail. Browser tests read figures by that name.
 */
export function Figure({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: 'warn' | undefined;
}) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: inside <dl> only a <div> may group a dt/dd pair (no fieldset)
    <div className={`figure-card${tone ? ` figure-${tone}` : ''}`} role="group" aria-labelledby={id}>
      <dt id={id}>{label}</dt>
      <dd>{value}</dd>
      {detail ? <dd className="figure-sub">{detail}</dd> : null}
    </div>
  );
}

const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

function csatValue(c: Csat): string {
  return c.meanScore === null ? '—' : c.meanScore.toFixed(1);
}
function csatDetail(c: Csat): string {
  return c.ratings
    ? `${plural(c.ratings, 'rating')}, ${formatPercent(c.satisfiedShare)} rated 4–5`
    : 'No ratings yet';
}

function Outcomes({ s }: { s: SupportOutcomes }) {
  const sl = s.serviceLevel;
  const target = `${formatPercent(sl.targetShare)} within ${formatDuration(sl.targetSeconds)}`;
  return (
    <>
      <section className="figure-group" aria-labelledby="support-outcomes">
        <h2 id="support-outcomes">Outcomes, conversations started in the last {plural(s.days, 'day')}</h2>
        <dl className="figure-grid">
          <Figure label="Conversations" value={formatNumber(s.conversations)} />
          <Figure
            label="Resolved by AI"
            value={formatPercent(s.aiResolved.share)}
            detail={`${formatNumber(s.aiResolved.count)} of ${formatNumber(s.conversations)}`}
          />
          <Figure
            label="Conversations handed to a person"
            value={formatNumber(s.handoff.count)}
            detail={`of ${formatNumber(s.conversations)}`}
          />
          <Figure label="Handoff rate" value={formatPercent(s.handoff.share)} />
          <Figure
            label="Service level"
            value={formatPercent(sl.share)}
            detail={`${formatNumber(sl.answeredWithinTarget)} of ${formatNumber(sl.answered + sl.abandoned)} answered within ${formatDuration(sl.targetSeconds)}`}
            tone={sl.share !== null && sl.share < sl.targetShare ? 'warn' : undefined}
          />
          <Figure label="Service level target" value={target} />
          <Figure
            label="Abandoned in the queue"
            value={formatNumber(s.abandonment.count)}
            detail={`${formatPercent(s.abandonment.share)} of those who waited`}
            tone={s.abandonment.count > 0 ? 'warn' : undefined}
          />
          <Figure label="Mean wait for a person" value={formatDuration(sl.meanWaitSeconds)} />
          <Figure
            label={`Repeat contacts within ${s.repeatContacts.withinDays} days`}
            value={formatPercent(s.repeatContacts.share)}
            detail={`${formatNumber(s.repeatContacts.repeatCustomers)} of ${plural(s.repeatContacts.customers, 'customer')}`}
          />
          <Figure
            label="Cost per conversation"
            value={
              s.cost.byCurrency.length === 0
                ? '—'
                : s.cost.byCurrency.map((c) => formatMoney(c.perConversationMinor, c.currency)).join(' · ')
            }
            detail={s.cost.byCurrency
              .map(
                (c) =>
                  `${c.currency}: people ${formatMoney(c.agentEarningsMinor, c.currency)}, AI ${formatMoney(c.aiCostMinor, c.currency)}`,
              )
              .join('; ')}
          />
        </dl>
      </section>
      <section className="figure-group" aria-labelledby="support-side-by-side">
        <h2 id="support-side-by-side">AI and people, side by side</h2>
        <div className="side-by-side">
          <div>
            <h3 id="support-ai">AI</h3>
            <dl className="figure-grid" aria-labelledby="support-ai">
              <Figure
                label="Time to resolution (AI)"
                value={formatDuration(s.resolutionTime.ai.meanSeconds)}
                detail={plural(s.resolutionTime.ai.conversations, 'conversation')}
              />
              <Figure label="CSAT (AI)" value={csatValue(s.csat.ai)} detail={csatDetail(s.csat.ai)} />
            </dl>
          </div>
          <div>
            <h3 id="support-people">People</h3>
            <dl className="figure-grid" aria-labelledby="support-people">
              <Figure
                label="Time to resolution (human)"
                value={formatDuration(s.resolutionTime.human.meanSeconds)}
                detail={plural(s.resolutionTime.human.conversations, 'conversation')}
              />
              <Figure
                label="CSAT (human)"
                value={csatValue(s.csat.human)}
                detail={csatDetail(s.csat.human)}
              />
            </dl>
          </div>
        </div>
      </section>
      <section className="figure-group" aria-labelledby="support-reasons">
        <h2 id="support-reasons">Handoff reasons</h2>
        {s.handoff.reasons.length === 0 ? (
          <p className="muted">No conversation was handed to a person in this period.</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact" aria-labelledby="support-reasons">
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col" className="num">
                    Conversations
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.handoff.reasons.map((r) => (
                  <tr key={r.reason}>
                    <th scope="row">{reasonText(r.reason)}</th>
                    <td className="num">{formatNumber(r.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The supervisor's support view: live queue and staffing, outcomes, agents to approve. */
export function SupportPage() {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('days'));
  const days = (PERIODS as readonly number[]).includes(asked) ? asked : 7;
  const outcomes = useApi<{ support: SupportOutcomes }>(`/api/v1/ops/support?days=${days}`);
  const live = useApi<{ live: LiveQueue }>('/api/v1/ops/live');
  const { reload: reloadOutcomes } = outcomes;
  const { reload: reloadLive } = live;
  const refresh = useCallback(() => {
    reloadOutcomes();
    reloadLive();
  }, [reloadOutcomes, reloadLive]);

  // Fresh without a click: every few seconds, and at once when the staff topic reports a change.
  useEffect(() => {
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  const liveStatus = useLiveEvents(STAFF_TOPICS, refresh);
  useEffect(() => {
    if (liveStatus === 'open') refresh();
  }, [liveStatus, refresh]);

  const s = outcomes.data?.support;
  const q = live.data?.live;
  return (
    <>
      <PageHeader
        title="Operations"
        description={
          s
            ? `The support operation, as of ${formatDateTime(s.generatedAt)}.`
            : 'The support operation: queue, people online and outcomes.'
        }
        actions={
          <>
            <label className="inline-field">
              Period{' '}
              <select value={days} onChange={(e) => setParams({ days: e.target.value }, { replace: true })}>
                {PERIODS.map((d) => (
                  <option key={d} value={d}>
                    Last {plural(d, 'day')}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn btn-secondary" onClick={refresh}>
              Refresh
            </button>
          </>
        }
      />
      <OperationsTabs />
      <p className="muted small" role="status" data-live-status={liveStatus}>
        {liveStatus === 'open'
          ? 'Live: updates as conversations are handed over, answered and rated.'
          : 'Reconnecting to live updates; refreshing every 5 seconds.'}
      </p>
      {live.error ? <ErrorBanner error={live.error} onRetry={reloadLive} /> : null}
      {outcomes.error ? <ErrorBanner error={outcomes.error} onRetry={reloadOutcomes} /> : null}
      {(!s && outcomes.loading) || (!q && live.loading) ? <Loading /> : null}
      <div data-testid="ops-support">
        {q ? (
          <>
            <LiveQueuePanel live={q} />
            <StaffingPanel live={q} />
          </>
        ) : null}
        {s ? <Outcomes s={s} /> : null}
        {q ? <PendingAgentsPanel agents={q.pendingAgents} onChanged={reloadLive} /> : null}
      </div>
    </>
  );
}
