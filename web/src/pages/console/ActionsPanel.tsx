import { useState } from 'react';
import { api } from '../../api';
import { ErrorBanner, Loading } from '../../components';
import { formatDate, formatMoney } from '../../format';
import { DISPUTE_REASON_LABELS } from '../../types';
import type { Loadable } from '../../use-api';
import { useSubmit } from '../../use-api';
import type { ActionName, ConversationContext, Message, SuggestedAction, Suggestions } from './console-types';
import { isMissingEndpoint } from './console-util';

type Params = Record<string, string>;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function initialParams(action: SuggestedAction, context: ConversationContext | undefined): Params {
  const d = action.defaults ?? {};
  const firstOrder = context?.orders.find((o) => o.status === 'active')?.id ?? context?.orders[0]?.id ?? '';
  switch (action.action) {
    case 'postpone_installment':
      return { days: str(d.days) || '7', installmentId: str(d.installmentId) };
    case 'register_return':
      return { orderId: str(d.orderId) || firstOrder };
    case 'open_dispute':
      return { orderId: str(d.orderId) || firstOrder, reason: str(d.reason) || 'item_not_received' };
    case 'waive_late_fee':
      return { installmentId: str(d.installmentId) };
  }
}

function body(action: ActionName, p: Params): Record<string, unknown> {
  switch (action) {
    case 'postpone_installment':
      return { action, days: Number(p.days), ...(p.installmentId ? { installmentId: p.installmentId } : {}) };
    case 'register_return':
      return { action, orderId: p.orderId };
    case 'open_dispute':
      return { action, orderId: p.orderId, reason: p.reason };
    case 'waive_late_fee':
      return { action, installmentId: p.installmentId };
  }
}

/** The sentence the agent confirms: what will happen, in plain words. */
function describe(
  action: ActionName,
  p: Params,
  context: ConversationContext | undefined,
  d: Record<string, unknown>,
): string {
  const order = context?.orders.find((o) => o.id === p.orderId);
  const orderName = order ? `${order.merchant.name} (${order.reference})` : 'the selected order';
  switch (action) {
    case 'postpone_installment': {
      const amount =
        typeof d.amountMinor === 'number' && str(d.currency)
          ? formatMoney(d.amountMinor, str(d.currency))
          : '';
      const what =
        amount && str(d.dueDate)
          ? ` (${amount} to ${str(d.merchant)}, due ${formatDate(str(d.dueDate))})`
          : '';
      return `Postpone the next installment${what} by ${p.days} days?`;
    }
    case 'register_return':
      return `Register a return of the whole order ${orderName}?`;
    case 'open_dispute':
      return `Open a dispute (${DISPUTE_REASON_LABELS[p.reason ?? ''] ?? p.reason}) on ${orderName}? Its plan is paused while the dispute is open.`;
    case 'waive_late_fee':
      return 'Waive the late fee on this installment?';
  }
}

/** Account actions the assistant's flows also use; each asks for confirmation, then shows what was done. */
export function ActionsPanel({
  conversationId,
  suggestions,
  context,
  onDone,
}: {
  conversationId: string;
  suggestions: Loadable<Suggestions>;
  context: ConversationContext | undefined;
  onDone: (message: Message | undefined) => void;
}) {
  const [open, setOpen] = useState<SuggestedAction | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const actions = suggestions.data?.actions ?? [];
  return (
    <section className="panel" aria-labelledby="actions-title" data-testid="actions-panel">
      <h3 id="actions-title">Actions</h3>
      {suggestions.loading && !suggestions.data ? <Loading label="Checking what you can do…" /> : null}
      {isMissingEndpoint(suggestions.error) ? (
        <p className="small muted" data-testid="actions-unavailable">
          Account actions are not available on this server yet.
        </p>
      ) : suggestions.error ? (
        <ErrorBanner error={suggestions.error} onRetry={suggestions.reload} />
      ) : null}
      {suggestions.data && actions.length === 0 ? (
        <p className="small muted">No account actions for this customer.</p>
      ) : null}
      {result ? (
        <div className="alert alert-success" role="status" data-testid="action-result">
          <p>{result}</p>
        </div>
      ) : null}
      {open ? (
        <ActionForm
          key={open.action}
          conversationId={conversationId}
          action={open}
          context={context}
          onCancel={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            setResult(message?.text ?? 'Done.');
            onDone(message);
          }}
        />
      ) : (
        <ul className="action-list">
          {actions.map((a) => (
            <li key={a.action}>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={!a.available}
                aria-describedby={a.available ? undefined : `action-why-${a.action}`}
                onClick={() => {
                  setResult(null);
                  setOpen(a);
                }}
              >
                {a.label}…
              </button>
              {!a.available && a.unavailableReason ? (
                <span id={`action-why-${a.action}`} className="small muted">
                  {' '}
                  {a.unavailableReason}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActionForm({
  conversationId,
  action,
  context,
  onCancel,
  onDone,
}: {
  conversationId: string;
  action: SuggestedAction;
  context: ConversationContext | undefined;
  onCancel: () => void;
  onDone: (message: Message | undefined) => void;
}) {
  const [params, setParams] = useState<Params>(() => initialParams(action, context));
  const [confirming, setConfirming] = useState(false);
  // One key per confirmation, so a retried request cannot run the action twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const submit = useSubmit();
  const set = (key: string, value: string) => setParams((p) => ({ ...p, [key]: value }));
  const orders = context?.orders ?? [];
  // The server names the orders the action may apply to; without that list, every order.
  const candidates = Array.isArray(action.defaults?.candidates)
    ? (action.defaults.candidates as { orderId: string; reference: string; merchant: string }[])
    : orders.map((o) => ({ orderId: o.id, reference: o.reference, merchant: o.merchant.name }));

  function confirm() {
    void submit.run(async () => {
      const res = await api<{ action: string; outcome: string; message?: Message }>(
        `/api/v1/conversations/${conversationId}/actions`,
        { method: 'POST', body: body(action.action, params), headers: { 'idempotency-key': idempotencyKey } },
      );
      onDone(res.message);
    });
  }

  return (
    <form
      className="action-form"
      aria-label={action.label}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirming) confirm();
        else setConfirming(true);
      }}
    >
      <h4>{action.label}</h4>
      {!confirming ? (
        <>
          {action.action === 'postpone_installment' ? (
            <div className="field">
              <label htmlFor="action-days">Days (1–14)</label>
              <input
                id="action-days"
                type="number"
                min={1}
                max={14}
                required
                value={params.days ?? ''}
                onChange={(e) => set('days', e.target.value)}
              />
            </div>
          ) : null}
          {action.action === 'register_return' || action.action === 'open_dispute' ? (
            <div className="field">
              <label htmlFor="action-order">Order</label>
              <select
                id="action-order"
                required
                value={params.orderId ?? ''}
                onChange={(e) => set('orderId', e.target.value)}
              >
                {candidates.map((o) => (
                  <option key={o.orderId} value={o.orderId}>
                    {o.merchant} · {o.reference}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {action.action === 'open_dispute' ? (
            <div className="field">
              <label htmlFor="action-reason">Reason</label>
              <select
                id="action-reason"
                value={params.reason ?? ''}
                onChange={(e) => set('reason', e.target.value)}
              >
                {Object.entries(DISPUTE_REASON_LABELS).map(([key, label]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {action.action === 'waive_late_fee' && !str(action.defaults?.installmentId) ? (
            <div className="field">
              <label htmlFor="action-fee">Late fee</label>
              <select
                id="action-fee"
                required
                value={params.installmentId ?? ''}
                onChange={(e) => set('installmentId', e.target.value)}
              >
                <option value="">Choose…</option>
                {orders.flatMap((o) =>
                  (o.plan?.lateFees ?? [])
                    .filter((f) => f.status === 'charged')
                    .map((f) => (
                      <option key={f.id} value={f.installmentId}>
                        {o.merchant.name} · {formatMoney(f.amountMinor, f.currency)} ·{' '}
                        {formatDate(f.assessedAt)}
                      </option>
                    )),
                )}
              </select>
            </div>
          ) : null}
        </>
      ) : (
        <p className="confirm-text" data-testid="action-confirm">
          {describe(action.action, params, context, action.defaults ?? {})}
        </p>
      )}
      {submit.error ? <ErrorBanner error={submit.error} /> : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary btn-small" disabled={submit.busy}>
          {confirming ? (submit.busy ? 'Working…' : 'Confirm') : 'Continue'}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            if (!confirming) return onCancel();
            setConfirming(false);
            setIdempotencyKey(crypto.randomUUID());
            submit.setError(null);
          }}
        >
          {confirming ? 'Back' : 'Cancel'}
        </button>
      </div>
    </form>
  );
}
