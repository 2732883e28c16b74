import type { Selectable } from 'kysely';
import {
  customerTopic,
  type DomainDeps,
  formatMoney,
  isUnpaid,
  remainingMinor,
  unprocessable,
} from '../orders/domain.js';
import { type InstallmentView, toInstallmentView } from '../orders/order-views.js';
import {
  completePlanIfSettled,
  installmentSnapshot,
  lockInstallments,
  type Trx,
} from '../orders/plan-state.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { DB, Installment, OrderStatus, PlanStatus } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { type RefundView, toRefundView } from './refund-views.js';

export interface RefundOutcome {
  refund: RefundView;
  /** Taken off installments the customer had not paid yet. */
  reducedInstallmentsMinor: number;
  /** Already paid by the customer and sent back to their payment method. */
  returnedToCustomerMinor: number;
  installments: InstallmentView[];
  orderStatus: OrderStatus;
  planStatus: PlanStatus | null;
}

/** What can still be refunded on an order: its total minus refunds processed or pending. */
export async function refundableRemainder(trx: Trx, order: Selectable<DB['orders']>): Promise<number> {
  const row = await trx
    .selectFrom('refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
    .where('order_id', '=', order.id)
    .where('status', 'in', ['pending', 'processed'])
    .executeTakeFirstOrThrow();
  return order.total_minor - Number(row.total);
}

/**
 * Applies a refund inside the caller's transaction; the caller must hold the order's row
 * lock. The refund first cancels what the customer still owes, starting with the LAST
 * installment (so the next payment stays as expected); whatever exceeds the unpaid balance
 * was already paid and goes back to the payment method. Never more than the order total.
 */
export async function applyRefund(
  trx: Trx,
  deps: DomainDeps,
  actor: Actor,
  input: { order: Selectable<DB['orders']>; amountMinor: number; reason: string; returnId: string | null },
): Promise<RefundOutcome> {
  const { order, amountMinor } = input;
  if (!Number.isInteger(amountMinor) || amountMinor <= 0) {
    throw unprocessable('A refund amount must be a positive whole number of minor units');
  }
  const remainder = await refundableRemainder(trx, order);
  if (amountMinor > remainder) {
    throw unprocessable(
      `A refund can be at most the refundable remainder of ${formatMoney(remainder, order.currency)} on this order`,
      { refundableMinor: remainder, currency: order.currency },
    );
  }
  const now = deps.clock.now();
  const plan = await trx
    .selectFrom('payment_plans')
    .selectAll()
    .where('order_id', '=', order.id)
    .forUpdate()
    .executeTakeFirst();
  const before = plan ? await lockInstallments(trx, plan.id) : [];

  let left = amountMinor;
  const after: Installment[] = [];
  for (const i of [...before].reverse()) {
    const cut = isUnpaid(i.status) ? Math.min(remainingMinor(i), left) : 0;
    if (cut === 0) {
      after.unshift(i);
      continue;
    }
    left -= cut;
    const amount = i.amount_minor - cut;
    // Fully covered: nothing was paid → the installment is cancelled; part was paid → it is settled.
    const settled = amount === i.paid_minor;
    const status = settled ? (i.paid_minor === 0 ? 'cancelled' : 'paid') : i.status;
    const updated = await trx
      .updateTable('installments')
      .set({ amount_minor: amount, status, ...(status === 'paid' ? { paid_at: now } : {}) })
      .where('id', '=', i.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    after.unshift(updated);
  }

  const refund = await trx
    .insertInto('refunds')
    .values({
      id: newId(),
      order_id: order.id,
      return_id: input.returnId,
      customer_id: order.customer_id,
      amount_minor: amountMinor,
      currency: order.currency,
      status: 'processed',
      reason: input.reason,
      created_at: now,
      processed_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const orderStatus: OrderStatus = amountMinor === remainder ? 'refunded' : 'partially_refunded';
  await trx
    .updateTable('orders')
    .set({ status: orderStatus, updated_at: now })
    .where('id', '=', order.id)
    .execute();
  const planStatus = plan ? await completePlanIfSettled(trx, plan, after, now) : null;

  const reduced = amountMinor - left;
  await writeAudit(trx, actor, {
    action: 'refund.processed',
    entityType: 'order',
    entityId: order.id,
    before: {
      orderStatus: order.status,
      planStatus: plan?.status ?? null,
      installments: before.map(installmentSnapshot),
    },
    after: {
      orderStatus,
      planStatus,
      installments: after.map(installmentSnapshot),
      refund: { id: refund.id, amountMinor, currency: refund.currency, reducedInstallmentsMinor: reduced },
    },
    reason: input.reason,
  });
  await deps.events.publish(
    customerTopic(order.customer_id),
    'refund.processed',
    {
      refundId: refund.id,
      orderId: order.id,
      amountMinor,
      currency: refund.currency,
      reducedInstallmentsMinor: reduced,
      returnedToCustomerMinor: left,
      orderStatus,
      planStatus,
    },
    trx,
  );
  return {
    refund: toRefundView(refund),
    reducedInstallmentsMinor: reduced,
    returnedToCustomerMinor: left,
    installments: after.map(toInstallmentView),
    orderStatus,
    planStatus,
  };
}
