import type { OrderView } from '../../../orders/order-views.js';
import { AppError } from '../../../platform/errors.js';
import { RETURN_WINDOW_DAYS, registerReturn } from '../../../refunds/register-return.js';
import type { PendingAction } from '../state.js';
import {
  AI_ACTOR,
  actionCopy,
  askToChoose,
  askToConfirm,
  explainAndOfferPerson,
  loadCustomerView,
  narrowOrders,
} from './action-context.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

/** The same rules as `registerReturn`, so only orders it would accept are offered. */
export function returnable(o: OrderView, now: Date): boolean {
  if (o.status === 'refunded' || o.status === 'cancelled') return false;
  if (o.returns.some((r) => r.status === 'requested' || r.status === 'in_transit')) return false;
  return now.getTime() <= Date.parse(o.placedAt) + RETURN_WINDOW_DAYS * 86_400_000;
}

/** Item descriptions as the order lists them; one line per distinct item. */
const itemsOf = (o: OrderView) => [...new Set(o.items.map((i) => i.description))];

export function prepareReturn(turn: Turn, order: OrderView, item: string | null): FlowResult {
  return askToConfirm(turn, actionCopy(turn).returnConfirm({ merchant: order.merchant.name, item }), {
    type: 'register_return',
    orderId: order.id,
    item,
  });
}

/** With several items the customer picks one; otherwise straight to the confirmation. */
export function returnItemStep(turn: Turn, order: OrderView): FlowResult {
  const items = itemsOf(order);
  if (items.length <= 1) return prepareReturn(turn, order, items[0] ?? null);
  return askToChoose(
    actionCopy(turn).returnChooseItem,
    'return_item',
    items.map((d) => ({
      id: d,
      label: d,
      // The item's own words too: "the jeans" picks "Denim jeans" when no other item says it.
      match: [d, ...d.split(/[\s,]+/).filter((w) => w.length >= 4)],
    })),
    order.id,
  );
}

/** "I want to return something": the order named (store, reference, amount), else a choice. */
export async function startReturnFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const { orders, entities } = await loadCustomerView(deps, turn, customerId);
  const now = deps.clock.now();
  const candidates = orders.filter((o) => returnable(o, now));
  if (candidates.length === 0)
    return explainAndOfferPerson(turn, 'return_not_eligible', [actionCopy(turn).returnNone]);
  const named = narrowOrders(candidates, entities);
  if (named.length === 1) return returnItemStep(turn, named[0]!);
  return askToChoose(
    turn.copy.disputeChoose,
    'register_return',
    named.map((o) => ({ id: o.id, label: o.merchant.name, match: [o.merchant.name, o.reference] })),
  );
}

export async function executeReturn(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  action: Extract<PendingAction, { type: 'register_return' }>,
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  const order = await deps.db
    .selectFrom('orders as o')
    .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
    .select(['m.name'])
    .where('o.id', '=', action.orderId)
    .where('o.customer_id', '=', customerId)
    .executeTakeFirst();
  const done: FlowResult = {
    replies: [{ text: copy.returnDone(order?.name ?? '') }],
    resolved: true,
    pending: null,
  };
  try {
    await registerReturn(deps, AI_ACTOR, {
      customerId,
      orderId: action.orderId,
      reason: `Registered in chat with the AI assistant${action.item ? `: ${action.item}` : ''}`,
    });
    return done;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // A retried "yes": the return this conversation asked for is already in progress.
    const inProgress = await deps.db
      .selectFrom('returns')
      .select('id')
      .where('order_id', '=', action.orderId)
      .where('status', '=', 'requested')
      .where('reason', 'like', 'Registered in chat with the AI assistant%')
      .executeTakeFirst();
    if (inProgress) return done;
    return explainAndOfferPerson(turn, 'return_not_registered', [copy.failed, copy.returnNone]);
  }
}
