import type {
  Currency,
  DisputeReason,
  DisputeStatus,
  PlanKind,
  ReturnStatus,
} from '../platform/db/schema.js';
import type { Random, WeightedEntries } from './random.js';
import { orderReference } from './references.js';
import type { InstallmentRow, MerchantRow, OrderRow, PaymentRow, ProductRow, SeedRows } from './rows.js';
import { addMonths, DAY_MS, dateOf, HOUR_MS, MINUTE_MS, startOfDay } from './time.js';

/*
 * One purchase and everything that follows from it: the plan, its installments, the
 * payment attempts, late fees, returns, refunds and disputes. Each order follows a
 * "story" decided up front, and the simulation replays it against the clock, so the
 * rows agree with each other (sums, statuses, dates) by construction.
 */

/** Days after the due date when an unpaid installment becomes late and is charged a late fee. */
export const LATE_FEE_AFTER_DAYS = 10;
/** Days after a failed collection when it is retried once. */
export const RETRY_AFTER_DAYS = 2;
/** Late fee: US $7 but never more than 25% of the installment; Sweden a fixed 60 kr reminder fee. */
export function lateFeeMinor(currency: Currency, installmentMinor: number): number {
  if (currency === 'SEK') return 6_000;
  return Math.max(1, Math.min(700, Math.floor(installmentMinor / 4)));
}

export type PaymentBehaviour = 'reliable' | 'wobbly' | 'struggling';

export type OrderStory =
  | { kind: 'normal' }
  | { kind: 'full_refund'; withReturn: boolean }
  | { kind: 'partial_refund' }
  | { kind: 'return_pending' }
  | { kind: 'return_rejected' }
  | { kind: 'dispute'; reason: DisputeReason; status?: DisputeStatus }
  | { kind: 'cancelled' };

export interface OrderItemSpec {
  product: ProductRow;
  quantity: number;
}

/** Forces the outcome of one installment (by seq), for scripted demo customers. */
export type ForcedOutcome = 'on_time' | 'retry_success' | 'late_paid' | 'unpaid';

export interface OrderSpec {
  customerIndex: number;
  slot: number;
  merchant: MerchantRow;
  items: OrderItemSpec[];
  placedAt: number;
  kind: PlanKind;
  termMonths?: number;
  aprBps?: number;
  channel: OrderRow['channel'];
  deviceId: string | null;
  story: OrderStory;
  /** Scripted outcomes by installment seq; others follow the customer's behaviour. */
  outcomes?: Record<number, ForcedOutcome>;
  postpone?: boolean;
  /** Every collection succeeds on its due date (closed accounts, scripted histories). */
  onTime?: boolean;
  /** Days after purchase when the story's event (refund, dispute, cancellation) happens. */
  eventAfterDays?: number;
}

export interface CustomerLedger {
  rng: Random;
  now: number;
  customerId: string;
  currency: Currency;
  paymentMethodId: string | null;
  /** A card that has since expired: failed attempts on it decline as card_expired. */
  expiredCardId: string | null;
  behaviour: PaymentBehaviour;
  out: SeedRows;
}

const OUTCOMES: Record<PaymentBehaviour, WeightedEntries<ForcedOutcome | 'early'>> = {
  reliable: [
    ['early', 4],
    ['on_time', 93.2],
    ['retry_success', 2],
    ['late_paid', 0.6],
    ['unpaid', 0.2],
  ],
  wobbly: [
    ['early', 2],
    ['on_time', 74],
    ['retry_success', 13],
    ['late_paid', 7],
    ['unpaid', 4],
  ],
  struggling: [
    ['on_time', 50],
    ['retry_success', 15],
    ['late_paid', 17],
    ['unpaid', 18],
  ],
};

const FAILURES: WeightedEntries<readonly [string, string]> = [
  [['insufficient_funds', 'Insufficient funds'], 70],
  [['do_not_honor', 'Declined by the card issuer (do not honor)'], 22],
  [['processing_error', 'Temporary processing error at the card network'], 8],
];

const RETURN_REASONS = [
  'wrong_size',
  'changed_mind',
  'damaged_on_arrival',
  'not_as_pictured',
  'arrived_too_late',
];
const NO_RETURN_REFUND_REASONS = ['item_out_of_stock', 'order_cancelled_by_merchant', 'delivery_failed'];
const PARTIAL_REFUND_REASONS = ['price_adjustment', 'damaged_item_discount', 'missing_accessory'];
const REJECTED_RETURN_REASONS = ['return_window_expired', 'item_used', 'final_sale_item'];
const DISPUTE_TEXT: Record<DisputeReason, string> = {
  item_not_received: 'Order marked as delivered but the parcel never arrived.',
  not_as_described: 'The item received differs from the product description.',
  unrecognized: 'Customer does not recognise this purchase.',
  duplicate: 'The same purchase appears to have been charged twice.',
  cancelled_order: 'Order was cancelled with the merchant but is still being charged.',
  other: 'Customer and merchant disagree about the order; see case notes.',
};

interface Schedule {
  seq: number;
  dueMs: number;
  amount: number;
}

function splitAmount(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  const rest = total - base * count;
  // The remainder goes to the first installments, so they never differ by more than a cent.
  return Array.from({ length: count }, (_, i) => base + (i < rest ? 1 : 0));
}

function schedule(kind: PlanKind, placedAt: number, total: number, count: number): Schedule[] {
  const day = startOfDay(placedAt);
  const amounts = splitAmount(total, count);
  return amounts.map((amount, i) => {
    let dueMs: number;
    if (kind === 'pay_in_4') dueMs = day + i * 14 * DAY_MS;
    else if (kind === 'pay_in_30') dueMs = day + 30 * DAY_MS;
    else dueMs = addMonths(day, i + 1);
    return { seq: i + 1, dueMs, amount };
  });
}

/** Writes one order with its whole history into `ledger.out`. Returns the order row. */
export function writeOrder(ledger: CustomerLedger, spec: OrderSpec): OrderRow {
  const { rng, now, out, customerId, currency } = ledger;
  const orderId = rng.uuid();
  const today = startOfDay(now);
  let total = 0;
  for (const item of spec.items) {
    const lineTotal = item.product.price_minor * item.quantity;
    total += lineTotal;
    out.order_items.push({
      id: rng.uuid(),
      order_id: orderId,
      product_id: item.product.id,
      description: item.product.name,
      quantity: item.quantity,
      unit_price_minor: item.product.price_minor,
      total_minor: lineTotal,
    });
  }
  const count = spec.kind === 'pay_in_4' ? 4 : spec.kind === 'pay_in_30' ? 1 : (spec.termMonths ?? 12);
  const plan = schedule(spec.kind, spec.placedAt, total, count);
  const lastDue = plan[plan.length - 1]!.dueMs;
  let postponed = false;
  if (spec.postpone && spec.kind !== 'financing') {
    // One free 10-day postponement, requested before the due date.
    const target = plan[plan.length - 1]!;
    target.dueMs += 10 * DAY_MS;
    postponed = true;
  }

  // When does the story's event happen, and does it happen before now?
  let story = spec.story;
  const after = spec.eventAfterDays ?? rng.int(3, 35);
  let eventAt = spec.placedAt + after * DAY_MS + rng.int(9 * 60, 17 * 60) * MINUTE_MS;
  if (story.kind === 'partial_refund') {
    // Partial refunds are modelled only after the plan is paid off, so the schedule stays whole.
    eventAt = Math.max(eventAt, lastDue + rng.int(1, 20) * DAY_MS + 10 * HOUR_MS);
  }
  if (story.kind === 'dispute') {
    // Disputes open before the last due date, so an open one always has something to pause.
    eventAt = Math.min(eventAt, lastDue - DAY_MS + 12 * HOUR_MS);
  }
  if (story.kind === 'cancelled') {
    eventAt = spec.placedAt + rng.int(2, 36) * HOUR_MS;
    // Only plans with nothing collected yet can simply be cancelled.
    if (spec.kind === 'pay_in_4' || eventAt >= plan[0]!.dueMs) story = { kind: 'normal' };
  }
  if (story.kind === 'full_refund' && eventAt >= now) story = { kind: 'return_pending' };
  if (story.kind === 'return_pending') {
    // A return still on its way is recent by nature: requested in the last two weeks.
    const from = Math.max(spec.placedAt + DAY_MS, now - 14 * DAY_MS);
    if (from >= now - HOUR_MS || now - spec.placedAt > 60 * DAY_MS) story = { kind: 'normal' };
    else eventAt = from + Math.floor(rng.float() * (now - HOUR_MS - from));
  } else if (story.kind !== 'normal' && (eventAt >= now || eventAt <= spec.placedAt)) {
    story = { kind: 'normal' };
  }

  // Dispute timeline: open for up to ~30 days, then resolved one way or the other.
  let disputeStatus: DisputeStatus | undefined;
  let resolvedAt: number | null = null;
  if (story.kind === 'dispute') {
    disputeStatus = story.status;
    if (disputeStatus === undefined && now - eventAt < 30 * DAY_MS) {
      disputeStatus = rng.chance(0.6) ? 'open' : 'under_review';
    }
    if (disputeStatus === undefined || !isOpenDispute(disputeStatus)) {
      resolvedAt = Math.min(eventAt + rng.int(10, 30) * DAY_MS, now - HOUR_MS);
      disputeStatus ??= rng.weighted<DisputeStatus>([
        ['resolved_customer', 45],
        ['resolved_merchant', 35],
        ['withdrawn', 20],
      ]);
    }
  }
  const openDispute = disputeStatus !== undefined && isOpenDispute(disputeStatus);
  const refundedInFull = story.kind === 'full_refund' || disputeStatus === 'resolved_customer';
  // Installments due from this instant on are never collected: paused, or cancelled by a refund.
  const stopAt =
    story.kind === 'cancelled' || openDispute || refundedInFull ? eventAt : Number.POSITIVE_INFINITY;
  // Where a story intervenes, earlier installments were paid on time to keep the history simple.
  const forceOnTime =
    story.kind !== 'normal' && story.kind !== 'return_pending' && story.kind !== 'return_rejected';

  const planId = rng.uuid();
  const installments: InstallmentRow[] = [];
  const payments: PaymentRow[] = [];
  let lastEvent = spec.placedAt;
  let defaulted = false;
  for (const s of plan) {
    const inst: InstallmentRow = {
      id: rng.uuid(),
      plan_id: planId,
      seq: s.seq,
      due_date: dateOf(s.dueMs),
      amount_minor: s.amount,
      paid_minor: 0,
      status: 'scheduled',
      paid_at: null,
    };
    installments.push(inst);
    const pay = (at: number, methodId: string | null = ledger.paymentMethodId) => {
      inst.status = 'paid';
      inst.paid_minor = inst.amount_minor;
      inst.paid_at = new Date(at);
      payments.push(payment(ledger, planId, inst, at, 'succeeded', methodId, null));
      lastEvent = Math.max(lastEvent, at);
    };
    const fail = (at: number) => {
      const useExpired = ledger.expiredCardId !== null && rng.chance(0.4);
      const failure: readonly [string, string] = useExpired
        ? ['card_expired', 'The card has expired']
        : rng.weighted(FAILURES);
      payments.push(
        payment(
          ledger,
          planId,
          inst,
          at,
          'failed',
          useExpired ? ledger.expiredCardId : ledger.paymentMethodId,
          failure,
        ),
      );
      lastEvent = Math.max(lastEvent, at);
    };

    if (spec.kind === 'pay_in_4' && s.seq === 1) {
      // The first of four is taken at checkout.
      pay(spec.placedAt + rng.int(1, 5) * 1000);
      continue;
    }
    const collectAt = s.dueMs + rng.int(6 * 60, 10 * 60) * MINUTE_MS;
    if (s.dueMs >= today || s.dueMs >= stopAt) {
      if (stopAt !== Number.POSITIVE_INFINITY) inst.status = openDispute ? 'paused' : 'cancelled';
      continue;
    }
    const forced = spec.outcomes?.[s.seq];
    let outcome =
      forced ?? (forceOnTime || spec.onTime ? 'on_time' : rng.weighted(OUTCOMES[ledger.behaviour]));
    const daysPast = Math.floor((today - s.dueMs) / DAY_MS);
    if (outcome === 'early') {
      const at = Math.max(
        spec.placedAt + HOUR_MS,
        s.dueMs - rng.int(1, 10) * DAY_MS + rng.int(8, 22) * HOUR_MS,
      );
      if (at < collectAt) {
        pay(at);
        continue;
      }
      outcome = 'on_time';
    }
    if (outcome === 'retry_success' && collectAt + RETRY_AFTER_DAYS * DAY_MS >= now) outcome = 'unpaid';
    if (outcome === 'late_paid' && daysPast <= LATE_FEE_AFTER_DAYS + 1) outcome = 'unpaid';
    if (outcome === 'unpaid' && daysPast > 60 && !forced && rng.chance(0.7)) outcome = 'late_paid';
    if (outcome === 'on_time') {
      pay(collectAt);
      continue;
    }
    fail(collectAt);
    const retryAt = collectAt + RETRY_AFTER_DAYS * DAY_MS;
    if (outcome === 'retry_success') {
      pay(retryAt);
      continue;
    }
    if (retryAt < now) fail(retryAt);
    if (daysPast < LATE_FEE_AFTER_DAYS) {
      inst.status = 'failed';
      continue;
    }
    const feeAt = s.dueMs + LATE_FEE_AFTER_DAYS * DAY_MS + 7 * HOUR_MS;
    let feeStatus: 'charged' | 'paid' | 'waived' = 'charged';
    let waivedReason: string | null = null;
    if (outcome === 'late_paid') {
      const paidAt = feeAt + rng.int(1, Math.min(30, daysPast - LATE_FEE_AFTER_DAYS)) * DAY_MS;
      pay(Math.min(paidAt, now - HOUR_MS));
      feeStatus = forced || rng.chance(0.85) ? 'paid' : 'waived';
      if (feeStatus === 'waived') waivedReason = 'goodwill_first_late_payment';
    } else {
      inst.status = 'late';
      if (daysPast > 60) defaulted = true;
      if (!forced && rng.chance(0.1)) {
        feeStatus = 'waived';
        waivedReason = 'hardship_support';
      }
    }
    out.late_fees.push({
      id: rng.uuid(),
      installment_id: inst.id,
      plan_id: planId,
      customer_id: customerId,
      amount_minor: lateFeeMinor(currency, inst.amount_minor),
      currency,
      status: feeStatus,
      waived_reason: waivedReason,
      assessed_at: new Date(feeAt),
    });
    lastEvent = Math.max(lastEvent, feeAt);
  }

  // Returns, refunds and disputes.
  let refundedMinor = 0;
  const processedAt = (at: number) => Math.min(at, now - HOUR_MS);
  if (story.kind === 'full_refund' || story.kind === 'return_pending' || story.kind === 'return_rejected') {
    const withReturn = story.kind !== 'full_refund' || story.withReturn;
    let returnId: string | null = null;
    if (withReturn) {
      returnId = rng.uuid();
      let status: ReturnStatus = 'received';
      let requested = eventAt;
      let updated = eventAt;
      if (story.kind === 'full_refund') {
        // Requested, shipped back and received before the refund was processed.
        requested = Math.max(spec.placedAt + HOUR_MS, eventAt - rng.int(4, 10) * DAY_MS);
        updated = eventAt - rng.int(1, 3) * HOUR_MS;
      } else if (story.kind === 'return_pending') {
        status = now - requested < 3 * DAY_MS ? 'requested' : 'in_transit';
        if (status === 'in_transit') updated = requested + rng.int(1, 2) * DAY_MS;
      } else {
        status = 'rejected';
        updated = processedAt(requested + rng.int(5, 12) * DAY_MS);
      }
      out.returns.push({
        id: returnId,
        order_id: orderId,
        customer_id: customerId,
        status,
        reason:
          story.kind === 'return_rejected' ? rng.pick(REJECTED_RETURN_REASONS) : rng.pick(RETURN_REASONS),
        tracking_number: status === 'requested' ? null : `TRK${rng.digits(10)}`,
        requested_at: new Date(requested),
        updated_at: new Date(updated),
      });
    }
    if (story.kind === 'full_refund') {
      out.refunds.push({
        id: rng.uuid(),
        order_id: orderId,
        return_id: returnId,
        customer_id: customerId,
        amount_minor: total,
        currency,
        status: 'processed',
        reason: withReturn ? 'returned_item' : rng.pick(NO_RETURN_REFUND_REASONS),
        created_at: new Date(eventAt - rng.int(1, 3) * HOUR_MS),
        processed_at: new Date(eventAt),
      });
      refundedMinor = total;
    }
  } else if (story.kind === 'partial_refund') {
    const multi = spec.items.length > 1;
    const amount = multi
      ? spec.items[spec.items.length - 1]!.product.price_minor
      : Math.max(100, Math.floor((total * rng.int(15, 40)) / 100));
    let returnId: string | null = null;
    if (multi) {
      returnId = rng.uuid();
      out.returns.push({
        id: returnId,
        order_id: orderId,
        customer_id: customerId,
        status: 'received',
        reason: rng.pick(RETURN_REASONS),
        tracking_number: `TRK${rng.digits(10)}`,
        requested_at: new Date(eventAt - rng.int(4, 9) * DAY_MS),
        updated_at: new Date(eventAt - DAY_MS),
      });
    }
    out.refunds.push({
      id: rng.uuid(),
      order_id: orderId,
      return_id: returnId,
      customer_id: customerId,
      amount_minor: Math.min(amount, total - 1),
      currency,
      status: 'processed',
      reason: multi ? 'returned_item' : rng.pick(PARTIAL_REFUND_REASONS),
      created_at: new Date(eventAt - DAY_MS),
      processed_at: new Date(eventAt),
    });
    refundedMinor = Math.min(amount, total - 1);
  } else if (story.kind === 'dispute' && disputeStatus) {
    out.disputes.push({
      id: rng.uuid(),
      order_id: orderId,
      customer_id: customerId,
      reason: story.reason,
      status: disputeStatus,
      amount_minor: total,
      currency,
      description: DISPUTE_TEXT[story.reason],
      opened_at: new Date(eventAt),
      resolved_at: resolvedAt === null ? null : new Date(resolvedAt),
    });
    if (disputeStatus === 'resolved_customer' && resolvedAt !== null) {
      out.refunds.push({
        id: rng.uuid(),
        order_id: orderId,
        return_id: null,
        customer_id: customerId,
        amount_minor: total,
        currency,
        status: 'processed',
        reason: 'dispute_resolved_in_customer_favour',
        created_at: new Date(resolvedAt),
        processed_at: new Date(processedAt(resolvedAt + 2 * HOUR_MS)),
      });
      refundedMinor = total;
    }
  }
  if (story.kind !== 'normal')
    lastEvent = Math.max(lastEvent, Math.min(eventAt, now - HOUR_MS), resolvedAt ?? 0);

  // A full refund returns what was paid: the successful collections are marked refunded.
  if (refundedMinor === total) {
    for (const p of payments) if (p.status === 'succeeded') p.status = 'refunded';
  }
  out.payments.push(...payments);

  const unsettled = installments.some(
    (i) => i.status !== 'paid' && i.status !== 'cancelled' && i.status !== 'waived',
  );
  const anyCancelled = installments.some((i) => i.status === 'cancelled');
  let planStatus: 'active' | 'paused' | 'completed' | 'cancelled' | 'defaulted';
  if (openDispute) planStatus = 'paused';
  else if (anyCancelled) planStatus = 'cancelled';
  else if (!unsettled) planStatus = 'completed';
  else planStatus = defaulted ? 'defaulted' : 'active';
  let orderStatus: OrderRow['status'];
  if (story.kind === 'cancelled') orderStatus = 'cancelled';
  else if (refundedMinor === total) orderStatus = 'refunded';
  else if (refundedMinor > 0) orderStatus = 'partially_refunded';
  else orderStatus = planStatus === 'completed' ? 'completed' : 'active';

  const updatedAt = new Date(Math.min(lastEvent, now));
  out.payment_plans.push({
    id: planId,
    order_id: orderId,
    customer_id: customerId,
    kind: spec.kind,
    status: planStatus,
    principal_minor: total,
    currency,
    apr_bps: spec.kind === 'financing' ? (spec.aprBps ?? 0) : 0,
    term_months: spec.kind === 'financing' ? count : null,
    installment_count: count,
    payment_method_id: ledger.paymentMethodId,
    paused_reason: openDispute ? 'dispute_open' : null,
    postponements_used: postponed ? 1 : 0,
    created_at: new Date(spec.placedAt),
    updated_at: updatedAt,
  });
  out.installments.push(...installments);
  const order: OrderRow = {
    id: orderId,
    reference: orderReference(spec.customerIndex, spec.slot),
    customer_id: customerId,
    merchant_id: spec.merchant.id,
    status: orderStatus,
    total_minor: total,
    currency,
    channel: spec.channel,
    device_id: spec.deviceId,
    placed_at: new Date(spec.placedAt),
    created_at: new Date(spec.placedAt),
    updated_at: updatedAt,
  };
  out.orders.push(order);
  return order;
}

export const isOpenDispute = (status: DisputeStatus): boolean =>
  status === 'open' || status === 'under_review';

function payment(
  ledger: CustomerLedger,
  planId: string,
  inst: InstallmentRow,
  at: number,
  status: 'succeeded' | 'failed',
  methodId: string | null,
  failure: readonly [string, string] | null,
): PaymentRow {
  return {
    id: ledger.rng.uuid(),
    plan_id: planId,
    installment_id: inst.id,
    customer_id: ledger.customerId,
    payment_method_id: methodId,
    amount_minor: inst.amount_minor,
    currency: ledger.currency,
    status,
    failure_code: failure ? failure[0] : null,
    failure_reason: failure ? failure[1] : null,
    // Seeded history carries no idempotency keys: those belong to live API calls.
    idempotency_key: null,
    attempted_at: new Date(at),
  };
}
