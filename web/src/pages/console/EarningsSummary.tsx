import { formatMoney } from '../../format';
import type { Earnings } from './console-types';

/** Totals per currency and how many conversations were paid; reloaded by the workspace after each wrap-up. */
export function EarningsSummary({ earnings }: { earnings: Earnings | undefined }) {
  if (!earnings) return null;
  const paid = earnings.entries.filter((e) => e.kind === 'conversation').length;
  const totals = earnings.totals.filter((t) => t.amountMinor !== 0);
  return (
    <p className="earnings" data-testid="earnings">
      <span className="earnings-label">Earnings</span>{' '}
      <strong>
        {totals.length ? totals.map((t) => formatMoney(t.amountMinor, t.currency)).join(' + ') : '—'}
      </strong>{' '}
      <span className="muted">
        · {paid} conversation{paid === 1 ? '' : 's'}
      </span>
    </p>
  );
}
