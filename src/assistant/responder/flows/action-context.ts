import { randomUUID } from 'node:crypto';
import { listCustomerOrders } from '../../../orders/list-customer-orders.js';
import type { OrderView } from '../../../orders/order-views.js';
import type { Actor } from '../../../platform/audit/write-audit.js';
import { type Entities, extractEntities } from '../../entities/extract-entities.js';
import { ACTION_REPLIES, type ActionCopy } from '../action-replies.js';
import type { Choice, ChoicePurpose, PendingAction } from '../state.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

/** Changes made by the assistant are audited as the AI, never as the customer or staff. */
export const AI_ACTOR: Actor = { type: 'ai', id: null };

export const actionCopy = (turn: Turn): ActionCopy => ACTION_REPLIES[turn.language];

export interface SavedMethod {
  id: string;
  label: string;
  brand: string;
  last4: string;
  status: 'active' | 'removed' | 'expired';
  isDefault: boolean;
  expired: boolean;
}

/** "Visa •••• 4242": brand and last four only; the chat never sees or says more of a card. */
export const methodLabel = (m: { brand: string; last4: string }): string =>
  `${m.brand.charAt(0).toUpperCase()}${m.brand.slice(1)} •••• ${m.last4}`;

export interface CustomerView {
  orders: OrderView[];
  entities: Entities;
}

/** The customer's orders and what the message says about them (store, reference, amount, date). */
export async function loadCustomerView(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<CustomerView> {
  const orders = await listCustomerOrders(deps.db, customerId);
  const entities = extractEntities(turn.text, {
    language: turn.language,
    today: turn.today,
    locale: turn.locale,
    merchants: orders.map((o) => o.merchant.name),
    orderRefs: orders.map((o) => o.reference),
  });
  return { orders, entities };
}

export async function savedMethods(deps: BuiltinAssistantDeps, customerId: string, today: string) {
  const rows = await deps.db
    .selectFrom('payment_methods')
    .select(['id', 'brand', 'last4', 'status', 'is_default', 'exp_month', 'exp_year', 'kind'])
    .where('customer_id', '=', customerId)
    .where('status', '!=', 'removed')
    .orderBy('is_default', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const [year, month] = today.split('-').map(Number) as [number, number];
  return rows.map(
    (r): SavedMethod => ({
      id: r.id,
      label: methodLabel(r),
      brand: r.brand,
      last4: r.last4,
      status: r.status,
      isDefault: r.is_default,
      expired:
        r.status === 'expired' ||
        (r.kind === 'card' &&
          r.exp_year !== null &&
          r.exp_month !== null &&
          r.exp_year * 12 + r.exp_month < year * 12 + month),
    }),
  );
}

/**
 * The orders the customer named, by reference, then store, then an amount that matches the
 * order or one of its installments. A filter that matches nothing is ignored: a store they
 * named that is not among the candidates should not hide the ones that are.
 */
export function narrowOrders(candidates: OrderView[], entities: Entities, all?: OrderView[]): OrderView[] {
  // Named a purchase of theirs that is not among the candidates (paid off, refunded): none, not another one.
  const namedOutside = (all ?? []).some(
    (o) =>
      !candidates.includes(o) &&
      (entities.orderRefs.includes(o.reference) || entities.merchants[0] === o.merchant.name),
  );
  const namedInside = candidates.some(
    (o) => entities.orderRefs.includes(o.reference) || entities.merchants[0] === o.merchant.name,
  );
  if (namedOutside && !namedInside) return [];
  const filters: ((o: OrderView) => boolean)[] = [
    (o) => entities.orderRefs.includes(o.reference),
    (o) => entities.merchants.slice(0, 1).includes(o.merchant.name),
    (o) =>
      entities.amounts.some(
        (a) =>
          a.minor === o.totalMinor ||
          a.minor === o.plan?.outstandingMinor ||
          (o.plan?.installments ?? []).some((i) => i.amountMinor === a.minor),
      ),
  ];
  const named = [entities.orderRefs.length > 0, entities.merchants.length > 0, entities.amounts.length > 0];
  for (const [index, keep] of filters.entries()) {
    if (!named[index]) continue;
    const hits = candidates.filter(keep);
    if (hits.length > 0) return hits;
  }
  return candidates;
}

/** A question with a fixed idempotency key: a retried or repeated "yes" replays instead of acting twice. */
export function askToConfirm(
  turn: Turn,
  text: string,
  action: PendingAction,
  lead: string[] = [],
): FlowResult {
  const target =
    'installmentId' in action
      ? action.installmentId
      : 'planId' in action
        ? action.planId
        : 'orderId' in action
          ? action.orderId
          : 'paymentMethodId' in action
            ? action.paymentMethodId
            : 'account';
  return {
    replies: [{ text: [...lead, text].join(' ') }],
    resolved: true,
    pending: {
      kind: 'action_confirm',
      action,
      question: text,
      idempotencyKey: `chat:${turn.conversationId}:${action.type}:${target}:${randomUUID().slice(0, 8)}`,
      attempts: 0,
    },
  };
}

export function askToChoose(
  intro: string,
  purpose: ChoicePurpose,
  options: Choice[],
  orderId?: string,
): FlowResult {
  const list = options.map((o, i) => `${i + 1}. ${o.label}`);
  return {
    replies: [{ text: [intro, ...list].join('\n') }],
    resolved: true,
    pending: { kind: 'action_choose', purpose, options, attempts: 0, ...(orderId ? { orderId } : {}) },
  };
}

/**
 * Something the chat cannot do for this customer: the reason, and a person if they want one. The
 * need stays unresolved, so asking for it again goes to a person instead of hearing this twice.
 */
export function explainAndOfferPerson(turn: Turn, reason: string, lines: string[]): FlowResult {
  return {
    replies: [{ text: [...lines, actionCopy(turn).offerPerson].join(' ') }],
    resolved: false,
    pending: { kind: 'offer_person', reason, attempts: 0 },
  };
}
