import { addDays, daysBetween } from '../../../orders/domain.js';
import { getNextPayment } from '../../../orders/get-next-payment.js';
import type { OrderView } from '../../../orders/order-views.js';
import {
  MAX_POSTPONE_DAYS,
  MAX_POSTPONEMENTS_PER_PLAN,
  postponeInstallment,
} from '../../../orders/postpone-installment.js';
import { AppError } from '../../../platform/errors.js';
import type { Entities } from '../../entities/extract-entities.js';
import type { PostponeRefusal } from '../action-replies.js';
import { formatAmount, formatDate } from '../format.js';
import type { PendingAction } from '../state.js';
import {
  AI_ACTOR,
  actionCopy,
  askToConfirm,
  explainAndOfferPerson,
  loadCustomerView,
  narrowOrders,
} from './action-context.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

const UNPAID = new Set(['scheduled', 'late', 'failed', 'paused']);

/** The installment `postponeInstallment` would move: the plan's first unpaid one, in schedule order. */
export const firstUnpaid = (o: OrderView) =>
  o.plan?.installments.filter((i) => UNPAID.has(i.status)).sort((a, b) => a.seq - b.seq)[0];

/** The same rules the use case enforces, checked first so the customer hears the reason in their language. */
export function postponeRefusal(
  order: OrderView,
  accountStatus: string,
  today: string,
): PostponeRefusal | null {
  const next = firstUnpaid(order);
  if (accountStatus !== 'active') return 'account_not_active';
  if (!order.plan || !next) return 'nothing_due';
  if (order.plan.status !== 'active') return 'plan_not_active';
  if (order.plan.postponementsUsed >= MAX_POSTPONEMENTS_PER_PLAN) return 'already_postponed';
  if (next.status !== 'scheduled' || next.dueDate < today) return 'not_scheduled';
  return null;
}

/** Days asked for: a date ("to the 20th") counts from the due date, a length ("by a week") is taken as said. */
function requestedDays(entities: Entities, dueDate: string): number | null {
  const date = entities.dates[0];
  if (date) return daysBetween(dueDate, date.date);
  const duration = entities.durations[0];
  return duration ? duration.days : null;
}

async function accountStatus(deps: BuiltinAssistantDeps, customerId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('customers')
    .select('status')
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  return row.status;
}

/** States the rules, refuses with the reason, or proposes the new date (the latest allowed when none was given). */
export async function preparePostpone(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  order: OrderView,
  entities: Entities,
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  const refused = postponeRefusal(order, await accountStatus(deps, customerId), turn.today);
  const next = firstUnpaid(order);
  if (refused || !next) {
    return explainAndOfferPerson(turn, 'postpone_not_eligible', [
      copy.postponeRefused[refused ?? 'nothing_due'],
      copy.postponeRules,
    ]);
  }
  const asked = requestedDays(entities, next.dueDate);
  const latest = addDays(next.dueDate, MAX_POSTPONE_DAYS);
  const lead: string[] = [];
  // A date before the due date is no postponement: offer the latest allowed instead.
  const usable = asked !== null && asked >= 1 ? asked : null;
  let days = usable ?? MAX_POSTPONE_DAYS;
  if (usable !== null && usable > MAX_POSTPONE_DAYS) {
    lead.push(copy.postponeTooFar(formatDate(latest, turn.locale)));
    days = MAX_POSTPONE_DAYS;
  }
  if (usable === null || lead.length > 0) lead.push(copy.postponeRules);
  return askToConfirm(
    turn,
    copy.postponeConfirm({
      merchant: order.merchant.name,
      amount: formatAmount(next.remainingMinor, order.plan?.currency ?? order.currency, turn.locale),
      from: formatDate(next.dueDate, turn.locale),
      to: formatDate(addDays(next.dueDate, days), turn.locale),
    }),
    { type: 'postpone', installmentId: next.id, days, fromDate: next.dueDate },
    lead,
  );
}

/** "Can I postpone my payment (to Friday / by a week)?": the named plan, else the one due soonest. */
export async function startPostponeFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const { orders, entities } = await loadCustomerView(deps, turn, customerId);
  const candidates = orders.filter(
    (o) => o.plan && firstUnpaid(o) && ['active', 'paused', 'defaulted'].includes(o.plan.status),
  );
  if (candidates.length === 0) {
    const copy = actionCopy(turn);
    return {
      replies: [{ text: `${copy.postponeRefused.nothing_due} ${copy.postponeRules}` }],
      resolved: true,
      pending: null,
    };
  }
  const named = narrowOrders(candidates, entities);
  // Unnamed, "my payment" is the next payment the customer owes (overdue first), as next_payment answers it.
  const next = named.length > 1 ? await getNextPayment(deps.db, customerId, turn.today) : null;
  const target =
    named.find((o) => o.id === next?.orderId) ??
    [...named].sort((a, b) =>
      (firstUnpaid(a)?.dueDate ?? '').localeCompare(firstUnpaid(b)?.dueDate ?? ''),
    )[0]!;
  return preparePostpone(deps, turn, customerId, target, entities);
}

/** The customer answered the question with another date ("no, to the 20th"): ask again with that one. */
export async function repreparePostpone(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  installmentId: string,
): Promise<FlowResult | undefined> {
  const { orders, entities } = await loadCustomerView(deps, turn, customerId);
  if (entities.dates.length === 0 && entities.durations.length === 0) return undefined;
  const order = orders.find((o) => o.plan?.installments.some((i) => i.id === installmentId));
  return order ? preparePostpone(deps, turn, customerId, order, entities) : undefined;
}

export async function executePostpone(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  action: Extract<PendingAction, { type: 'postpone' }>,
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  const merchant = await deps.db
    .selectFrom('installments as i')
    .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
    .select(['m.name', 'i.due_date'])
    .where('i.id', '=', action.installmentId)
    .executeTakeFirstOrThrow();
  const target = addDays(action.fromDate, action.days);
  const done = (to: string): FlowResult => ({
    replies: [{ text: copy.postponeDone({ merchant: merchant.name, to: formatDate(to, turn.locale) }) }],
    resolved: true,
    pending: null,
  });
  // A retried "yes" after the move already happened: report it, do not try a second postponement.
  if (merchant.due_date === target && action.days > 0) return done(target);
  try {
    const result = await postponeInstallment(deps, AI_ACTOR, {
      customerId,
      installmentId: action.installmentId,
      days: action.days,
    });
    return done(result.installment.dueDate);
  } catch (err) {
    if (err instanceof AppError)
      return explainAndOfferPerson(turn, 'postpone_not_made', [copy.failed, copy.postponeRules]);
    throw err;
  }
}
