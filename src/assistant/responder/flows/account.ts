import { getNextPayment } from '../../../orders/get-next-payment.js';
import { listCustomerOrders } from '../../../orders/list-customer-orders.js';
import { formatAmount, formatDate } from '../format.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

const MAX_LINES = 6;

/** Next payment, straight from `getNextPayment`: every figure in the reply is a DB value. */
export async function nextPaymentFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const next = await getNextPayment(deps.db, customerId, turn.today);
  if (!next) return { replies: [{ text: turn.copy.noPayments }], resolved: true };
  const line = {
    merchant: next.merchantName,
    amount: formatAmount(next.amountMinor, next.currency, turn.locale),
    date: formatDate(next.dueDate, turn.locale),
    lateFees: next.lateFeesMinor > 0 ? formatAmount(next.lateFeesMinor, next.currency, turn.locale) : null,
  };
  const text = next.overdue ? turn.copy.overduePayment(line) : turn.copy.nextPayment(line);
  return { replies: [{ text }], resolved: true };
}

/** Upcoming installments of the active plans, soonest first. */
export async function scheduleFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const orders = await listCustomerOrders(deps.db, customerId);
  const lines = orders
    .flatMap((o) =>
      o.plan && o.plan.status === 'active'
        ? o.plan.installments
            .filter((i) => ['scheduled', 'late', 'failed'].includes(i.status))
            .map((i) => ({ merchant: o.merchant.name, i, currency: o.plan?.currency ?? o.currency }))
        : [],
    )
    .sort((a, b) => a.i.dueDate.localeCompare(b.i.dueDate))
    .slice(0, MAX_LINES)
    .map(({ merchant, i, currency }) =>
      turn.copy.scheduleLine({
        merchant,
        amount: formatAmount(i.remainingMinor, currency, turn.locale),
        date: formatDate(i.dueDate, turn.locale),
      }),
    );
  if (lines.length === 0) return { replies: [{ text: turn.copy.noSchedule }], resolved: true };
  return {
    replies: [{ text: [turn.copy.scheduleIntro, ...lines.map((l) => `- ${l}`)].join('\n') }],
    resolved: true,
  };
}

/** The latest refunds and returns across all orders, newest first. */
export async function refundStatusFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const orders = await listCustomerOrders(deps.db, customerId);
  const events = orders.flatMap((o) => [
    ...o.refunds.map((r) => ({
      at: r.createdAt,
      text: turn.copy.refundLine(
        o.merchant.name,
        formatAmount(r.amountMinor, r.currency, turn.locale),
        r.status,
      ),
    })),
    ...o.returns.map((r) => ({ at: r.updatedAt, text: turn.copy.returnLine(o.merchant.name, r.status) })),
  ]);
  if (events.length === 0) return { replies: [{ text: turn.copy.noRefunds }], resolved: true };
  const lines = events
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, MAX_LINES)
    .map((e) => `- ${e.text}`);
  return { replies: [{ text: [turn.copy.refundsIntro, ...lines].join('\n') }], resolved: true };
}
