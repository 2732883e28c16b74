import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { useSubmit } from '../../use-api';
import { DECISION_LABELS, type Decision, type ThemeDetail } from './insights-types';

const AREAS = [
  'payments',
  'checkout',
  'card',
  'fees',
  'refunds_returns',
  'app',
  'account_login',
  'customer_service',
  'other',
];
type Action = 'validate' | 'reject' | 'merge';

/** Reviewer actions: validate (optionally edited), reject or merge, each with a required reason. */
export function ReviewActions({ theme, onDone }: { theme: ThemeDetail; onDone: () => void }) {
  const [action, setAction] = useState<Action>('validate');
  const [reason, setReason] = useState('');
  const [label, setLabel] = useState(theme.label);
  const [summary, setSummary] = useState(theme.summary ?? '');
  const [area, setArea] = useState(theme.productArea ?? '');
  const [into, setInto] = useState('');
  const submit = useSubmit();

  const send = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, string> = { reason: reason.trim() };
    if (action === 'validate') {
      if (label.trim() && label !== theme.label) body.label = label.trim();
      if (summary.trim() && summary !== (theme.summary ?? '')) body.summary = summary.trim();
      if (area && area !== theme.productArea) body.productArea = area;
    }
    if (action === 'merge') {
      if (!into.trim()) return submit.setError('Give the id of the theme to merge into.');
      body.into = into.trim();
    }
    void submit.run(async () => {
      await api(`/api/v1/insights/themes/${theme.id}/${action}`, { method: 'POST', body });
      setReason('');
      onDone();
    });
  };

  return (
    <form className="card form-card" onSubmit={send} aria-labelledby="review-title" data-testid="review-form">
      <h2 id="review-title" className="section-title">
        Review
      </h2>
      <fieldset className="checkbox-group">
        <legend>Action</legend>
        {(['validate', 'reject', 'merge'] as const).map((a) => (
          <label key={a} className="checkbox">
            <input type="radio" name="review-action" checked={action === a} onChange={() => setAction(a)} />{' '}
            {a === 'validate' ? 'Validate' : a === 'reject' ? 'Reject' : 'Merge into another theme'}
          </label>
        ))}
      </fieldset>
      {action === 'validate' ? (
        <>
          <div className="field">
            <label htmlFor="review-label">Label</label>
            <input id="review-label" value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="review-summary">Summary</label>
            <textarea
              id="review-summary"
              rows={2}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="review-area">Product area</label>
            <select id="review-area" value={area} onChange={(e) => setArea(e.target.value)}>
              <option value="">—</option>
              {[...new Set([...AREAS, ...(theme.productArea ? [theme.productArea] : [])])].map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {action === 'merge' ? (
        <div className="field">
          <label htmlFor="review-into">Merge into (theme id)</label>
          <input id="review-into" value={into} onChange={(e) => setInto(e.target.value)} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="review-reason">Reason</label>
        <input
          id="review-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby="review-reason-hint"
        />
        <p id="review-reason-hint" className="hint">
          Required; kept in the audit log with your name.
        </p>
      </div>
      {submit.error ? (
        <p className="alert alert-error" role="alert" data-testid="review-error">
          {submit.error}
        </p>
      ) : null}
      <button
        type="submit"
        className={`btn ${action === 'reject' ? 'btn-danger' : 'btn-primary'}`}
        disabled={submit.busy}
      >
        {action === 'validate' ? 'Validate' : action === 'reject' ? 'Reject' : 'Merge'}
      </button>
    </form>
  );
}

/** Product's decision on a validated insight, with a note. */
export function DecisionForm({ theme, onDone }: { theme: ThemeDetail; onDone: () => void }) {
  const [decision, setDecision] = useState<Decision>('planned');
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(async () => {
      await api(`/api/v1/insights/themes/${theme.id}/decision`, { method: 'POST', body: { decision, note } });
      setNote('');
      onDone();
    });
  };
  return (
    <form
      className="card form-card"
      onSubmit={send}
      aria-labelledby="decision-title"
      data-testid="decision-form"
    >
      <h2 id="decision-title" className="section-title">
        Record a decision
      </h2>
      <div className="field">
        <label htmlFor="decision-value">Decision</label>
        <select
          id="decision-value"
          value={decision}
          onChange={(e) => setDecision(e.target.value as Decision)}
        >
          {(Object.keys(DECISION_LABELS) as Decision[]).map((d) => (
            <option key={d} value={d}>
              {DECISION_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="decision-note">Note</label>
        <textarea id="decision-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {submit.error ? (
        <p className="alert alert-error" role="alert" data-testid="decision-error">
          {submit.error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        Record decision
      </button>
    </form>
  );
}
