import { useState } from 'react';
import { api } from '../../api';
import { ErrorBanner } from '../../components';
import { humanize } from '../../format';
import { useSubmit } from '../../use-api';
import { RESOLUTION_CODES, type ResolutionCode } from './console-types';

/** The wrap-up: a resolution code, then hand back to the assistant or close; either ends it for this agent. */
export function WrapUpPanel({
  conversationId,
  onFinished,
}: {
  conversationId: string;
  onFinished: (id: string) => void;
}) {
  const [code, setCode] = useState<ResolutionCode | ''>('');
  const [confirm, setConfirm] = useState<'hand-back' | 'close' | null>(null);
  const submit = useSubmit();

  function finish(verb: 'hand-back' | 'close') {
    void submit.run(async () => {
      await api(`/api/v1/conversations/${conversationId}/${verb}`, {
        method: 'POST',
        body: code ? { resolutionCode: code } : {},
      });
      onFinished(conversationId);
    });
  }

  return (
    <section className="panel wrap-up" aria-labelledby="wrapup-title" data-testid="wrap-up">
      <h3 id="wrapup-title">Wrap-up</h3>
      <div className="field">
        <label htmlFor={`resolution-${conversationId}`}>Resolution code</label>
        <select
          id={`resolution-${conversationId}`}
          value={code}
          onChange={(e) => {
            setCode(e.target.value as ResolutionCode | '');
            submit.setError(null);
          }}
        >
          <option value="">Choose…</option>
          {RESOLUTION_CODES.map((c) => (
            <option key={c} value={c}>
              {humanize(c)}
            </option>
          ))}
        </select>
      </div>
      {confirm ? (
        <fieldset className="confirm-box">
          <legend className="visually-hidden">Confirm</legend>
          <p className="confirm-text">
            {confirm === 'close'
              ? 'Close the conversation? The customer is thanked and asked to rate it.'
              : 'Hand the customer back to the assistant? They are asked to rate your help.'}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={submit.busy}
              onClick={() => finish(confirm)}
            >
              {submit.busy ? 'Working…' : confirm === 'close' ? 'Yes, close' : 'Yes, hand back'}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirm(null)}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => setConfirm('hand-back')}
          >
            Hand back to assistant
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              // Closing needs a code (the API requires it); handing back may go without.
              if (!code) submit.setError('Choose a resolution code before closing.');
              else setConfirm('close');
            }}
          >
            Close conversation
          </button>
        </div>
      )}
      {submit.error ? <ErrorBanner error={submit.error} /> : null}
    </section>
  );
}
