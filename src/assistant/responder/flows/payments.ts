import type { OrderView, PaymentView } from '../../../orders/order-views.js';
import { payInstallment } from '../../../orders/pay-installment.js';
import { payOffPlan } from '../../../orders/pay-off-plan.js';
import { AppError } from '../../../platform/errors.js';
import type { DeclineCode } from '../action-replies.js';
import { formatAmount, formatDate } from '../format.js';
import {
  AI_ACTOR,
  actionCopy,
  askToChoose,
  askToConfirm,
  explainAndOfferPerson,
  loadCustomerView,
  narrowOrders,
  savedMethods,
} from './action-context.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

const PAYABLE = new Set(['scheduled', 'late', 'failed']);
const COLLECTING = new Set(['active', 'defaulted']);

/** The installment to pay next on a plan: the earliest one still expecting money. */
const nextPayable = (o: OrderView) =>
  o.plan?.installments
    .filter((i) => PAYABLE.has(i.status) && i.remainingMinor > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];

/** Remaining principal plus late fees charged on it: what `payInstallment` will take. */
function installmentDue(o: OrderView, installmentId: string): number {
  const i = o.plan?.installments.find((x) => x.id === installmentId);
  const fees = (o.plan?.lateFees ?? [])
    .filter((f) => f.installmentId === installmentId && f.status === 'charged')
    .reduce((s, f) => s + f.amountMinor, 0);
  return (i?.remainingMinor ?? 0) + fees;
}

/** Everything still payable on a plan: what `payOffPlan` will take. */
function planDue(o: OrderView): number {
  const plan = o.plan;
  if (!plan) return 0;
  return (
    plan.installments.filter((i) => PAYABLE.has(i.status)).reduce((s, i) => s + i.remainingMinor, 0) +
    plan.lateFees.filter((f) => f.status === 'charged').reduce((s, f) => s + f.amountMinor, 0)
  );
}

async function planMethodLabel(deps: BuiltinAssistantDeps, turn: Turn, customerId: string, o: OrderView) {
  const methods = await savedMethods(deps, customerId, turn.today);
  const method = methods.find((m) => m.id === o.plan?.paymentMethodId) ?? methods.find((m) => m.isDefault);
  return method ? method.label : null;
}

const amount = (turn: Turn, minor: number, o: OrderView) =>
  formatAmount(minor, o.plan?.currency ?? o.currency, turn.locale);

/** Describes paying one installment now and asks for a yes; nothing is charged here. */
export async function preparePayInstallment(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  orders: OrderView[],
  orderId: string,
): Promise<FlowResult> {
  const order = orders.find((o) => o.id === orderId);
  const due = order ? nextPayable(order) : undefined;
  if (!order || !due) return { replies: [{ text: turn.copy.noPayments }], resolved: true, pending: null };
  return askToConfirm(
    turn,
    actionCopy(turn).payConfirm({
      merchant: order.merchant.name,
      amount: amount(turn, installmentDue(order, due.id), order),
      date: formatDate(due.dueDate, turn.locale),
      method: await planMethodLabel(deps, turn, customerId, order),
    }),
    { type: 'pay_installment', installmentId: due.id },
  );
}

export async function preparePayOff(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  orders: OrderView[],
  orderId: string,
): Promise<FlowResult> {
  const order = orders.find((o) => o.id === orderId);
  if (!order?.plan || planDue(order) <= 0)
    return { replies: [{ text: turn.copy.noPayments }], resolved: true, pending: null };
  return askToConfirm(
    turn,
    actionCopy(turn).payOffConfirm({
      merchant: order.merchant.name,
      amount: amount(turn, planDue(order), order),
      method: await planMethodLabel(deps, turn, customerId, order),
    }),
    { type: 'pay_off_plan', planId: order.plan.id },
  );
}

/**
 * "Pay my installment now" / "pay off my plan": the plan the customer named (store, reference or
 * amount), else the one due soonest (installment) or a choice (pay-off), then a confirmation.
 */
export async function startPaymentFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  kind: 'pay_installment' | 'pay_off_plan',
): Promise<FlowResult> {
  const { orders, entities } = await loadCustomerView(deps, turn, customerId);
  const open = orders.filter((o) => o.plan && COLLECTING.has(o.plan.status) && planDue(o) > 0);
  const mentioned = (o: OrderView) =>
    entities.merchants[0] === o.merchant.name || entities.orderRefs.includes(o.reference);
  // The purchase they named is under dispute: say why nothing is due rather than pick another one.
  if (orders.some((o) => o.plan?.status === 'paused' && mentioned(o)) && !open.some(mentioned))
    return { replies: [{ text: actionCopy(turn).paused }], resolved: true, pending: null };
  if (open.length === 0) return { replies: [{ text: turn.copy.noPayments }], resolved: true, pending: null };
  const named = narrowOrders(open, entities, orders);
  if (named.length === 0) return { replies: [{ text: turn.copy.noPayments }], resolved: true, pending: null };
  if (kind === 'pay_installment') {
    // Unnamed: the installment due soonest across all plans, the one the customer most likely means.
    const target =
      named.length === 1
        ? named[0]!
        : [...named].sort((a, b) =>
            (nextPayable(a)?.dueDate ?? '').localeCompare(nextPayable(b)?.dueDate ?? ''),
          )[0]!;
    return preparePayInstallment(deps, turn, customerId, orders, target.id);
  }
  if (named.length === 1) return preparePayOff(deps, turn, customerId, orders, named[0]!.id);
  return askToChoose(
    turn.copy.disputeChoose,
    'pay_off_plan',
    named.map((o) => ({
      id: o.id,
      label: `${o.merchant.name} (${amount(turn, planDue(o), o)})`,
      match: [o.merchant.name, o.reference],
    })),
  );
}

const DECLINE_CODES = new Set<string>([
  'insufficient_funds',
  'do_not_honor',
  'processing_error',
  'card_expired',
  'payment_method_removed',
  'payment_method_expired',
]);

export const declineReason = (turn: Turn, code: string | null): string =>
  actionCopy(turn).declineReason[(code && DECLINE_CODES.has(code) ? code : 'other') as DeclineCode];

/** A declined charge: said plainly, nothing claimed, a person offered. */
function declined(turn: Turn, payment: PaymentView): FlowResult {
  const copy = actionCopy(turn);
  return explainAndOfferPerson(turn, 'payment_declined', [
    copy.declined(declineReason(turn, payment.failureCode)),
    copy.methodAddInApp,
  ]);
}

/** Runs a confirmed payment through the use case; "done" only when the charge succeeded. */
export async function executePayment(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  action: { type: 'pay_installment'; installmentId: string } | { type: 'pay_off_plan'; planId: string },
  idempotencyKey: string,
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  try {
    if (action.type === 'pay_installment') {
      const result = await payInstallment(deps, AI_ACTOR, {
        customerId,
        installmentId: action.installmentId,
        idempotencyKey,
      });
      if (result.outcome === 'failed') return declined(turn, result.payment);
      const merchant = await merchantOfPlan(deps, result.payment.planId);
      return {
        replies: [
          {
            text: copy.payDone({
              merchant,
              amount: formatAmount(result.payment.amountMinor, result.payment.currency, turn.locale),
            }),
          },
        ],
        resolved: true,
        pending: null,
      };
    }
    const result = await payOffPlan(deps, AI_ACTOR, { customerId, planId: action.planId, idempotencyKey });
    if (result.outcome === 'failed') return declined(turn, result.payment);
    const merchant = await merchantOfPlan(deps, action.planId);
    return {
      replies: [
        {
          text: copy.payOffDone({
            merchant,
            amount: formatAmount(result.payment.amountMinor, result.payment.currency, turn.locale),
          }),
        },
      ],
      resolved: true,
      pending: null,
    };
  } catch (err) {
    // A business rule said no (paused, already paid, no card on file): nothing moved.
    if (err instanceof AppError) return explainAndOfferPerson(turn, 'payment_not_made', [copy.failed]);
    throw err;
  }
}

async function merchantOfPlan(deps: BuiltinAssistantDeps, planId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('payment_plans as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
    .select('m.name')
    .where('p.id', '=', planId)
    .executeTakeFirstOrThrow();
  return row.name;
}
