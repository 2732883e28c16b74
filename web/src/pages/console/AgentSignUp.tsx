import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api';
import { useUser } from '../../auth';
import { ErrorBanner } from '../../components';
import { formatDateTime } from '../../format';
import { useSubmit } from '../../use-api';
import { type AgentProfile, LANGUAGE_NAMES } from './console-types';

const SKILLS: { key: string; label: string }[] = [
  { key: 'disputes', label: 'Disputes' },
  { key: 'hardship', label: 'Hardship' },
  { key: 'fraud', label: 'Fraud' },
  { key: 'complaints', label: 'Complaints' },
];

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** POST /api/v1/agents: the profile then waits for a supervisor's approval. */
export function AgentSignUp({ onSignedUp }: { onSignedUp: () => void }) {
  const user = useUser();
  const [displayName, setDisplayName] = useState(user.name.split(' ')[0] ?? '');
  const [languages, setLanguages] = useState<string[]>(['en']);
  const [skills, setSkills] = useState<string[]>([]);
  const [maxConcurrent, setMaxConcurrent] = useState('3');
  const [certification, setCertification] = useState('trainee');
  const submit = useSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (languages.length === 0) {
      submit.setError('Pick at least one language you can help customers in.');
      return;
    }
    void submit.run(async () => {
      await api('/api/v1/agents', {
        method: 'POST',
        body: {
          displayName: displayName.trim(),
          languages,
          skills,
          certification,
          maxConcurrent: Number(maxConcurrent),
        },
      });
      onSignedUp();
    });
  }

  return (
    <form className="card form-card console-signup" aria-labelledby="signup-title" onSubmit={onSubmit}>
      <h2 id="signup-title">Sign up as an agent</h2>
      <p className="muted">
        You have no agent profile yet. Tell us how you can help; a supervisor approves the profile before you
        can go online.
      </p>
      <div className="field">
        <label htmlFor="agent-display-name">Display name</label>
        <input
          id="agent-display-name"
          type="text"
          required
          maxLength={60}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          aria-describedby="agent-display-name-hint"
        />
        <span id="agent-display-name-hint" className="hint">
          Customers see this name, e.g. “Sam from our team has joined”.
        </span>
      </div>
      <fieldset className="checkbox-group">
        <legend>Languages</legend>
        {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              checked={languages.includes(code)}
              onChange={(e) => setLanguages((l) => toggle(l, code, e.target.checked))}
            />
            {name}
          </label>
        ))}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend>Skills</legend>
        {SKILLS.map((s) => (
          <label key={s.key} className="checkbox">
            <input
              type="checkbox"
              checked={skills.includes(s.key)}
              onChange={(e) => setSkills((l) => toggle(l, s.key, e.target.checked))}
            />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="agent-certification">Certification</label>
        <select
          id="agent-certification"
          value={certification}
          onChange={(e) => setCertification(e.target.value)}
          aria-describedby="agent-certification-help"
        >
          <option value="trainee">Trainee</option>
          <option value="certified">Certified</option>
          <option value="senior">Senior</option>
        </select>
        <p id="agent-certification-help" className="small muted">
          A supervisor checks it when approving you.
        </p>
      </div>
      <div className="field">
        <label htmlFor="agent-max-concurrent">Conversations at a time</label>
        <select
          id="agent-max-concurrent"
          value={maxConcurrent}
          onChange={(e) => setMaxConcurrent(e.target.value)}
        >
          {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      {submit.error ? <ErrorBanner error={submit.error} /> : null}
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {submit.busy ? 'Signing up…' : 'Sign up'}
      </button>
    </form>
  );
}

/** The profile exists but no supervisor has approved it yet; checks again every 30 s. */
export function AwaitingApproval({ agent, onCheck }: { agent: AgentProfile; onCheck: () => void }) {
  useEffect(() => {
    const timer = window.setInterval(onCheck, 30_000);
    return () => window.clearInterval(timer);
  }, [onCheck]);
  return (
    <div className="card" data-testid="agent-pending" role="status">
      <h2>Waiting for approval</h2>
      <p>
        Thanks, {agent.displayName}. A supervisor reviews new agent profiles; once yours is approved you can
        go online here.
      </p>
      <p className="small muted">
        Languages: {agent.languages.map((l) => LANGUAGE_NAMES[l] ?? l).join(', ')}
        {agent.skills.length ? ` · Skills: ${agent.skills.join(', ')}` : ''} · Up to {agent.maxConcurrent} at
        a time
        {agent.lastHeartbeatAt ? ` · Last online ${formatDateTime(agent.lastHeartbeatAt)}` : ''}
      </p>
      <button type="button" className="btn btn-secondary btn-small" onClick={onCheck}>
        Check again
      </button>
    </div>
  );
}
