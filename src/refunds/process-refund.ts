import { type DomainDeps, unprocessable } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { conflict, notFound } from '../platform/errors.js';
import { applyRefund, type RefundOutcome } from './apply-refund.js';

export interface ProcessRefundInput {
  orderId: string;
  amountMinor: number;
  reason: string;
  /** The return this refund settles; it is marked received. */
  returnId?: string | undefined;
  /** When given (customer-facing flows), an order of another customer is not found. */
  customerId?: string | undefined;
}

/** Refunds part or all of an order (merchant refund, goodwill, accepted return). */
export async function processRefund(
  deps: DomainDeps,
  actor: Actor,
  input: ProcessRefundInput,
): Promise<RefundOutcome> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw unprocessable('A refund needs a reason');
  return deps.db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('orders').selectAll().where('id', '=', input.orderId);
    if (input.customerId) query = query.where('customer_id', '=', input.customerId);
    const order = await query.forUpdate().executeTakeFirst();
    if (!order) throw notFound('Order');
    if (order.status === 'refunded') throw conflict('This order is already fully refunded');
    if (order.status === 'cancelled') throw conflict('This order was cancelled; there is nothing to refund');

    if (input.returnId) {
      const ret = await trx
        .selectFrom('returns')
        .selectAll()
        .where('id', '=', input.returnId)
        .where('order_id', '=', order.id)
        .forUpdate()
        .executeTakeFirst();
      if (!ret) throw notFound('Return');
      if (ret.status === 'rejected') throw conflict('This return was rejected; it cannot be refunded');
      if (ret.status !== 'received') {
        await trx
          .updateTable('returns')
          .set({ status: 'received', updated_at: deps.clock.now() })
          .where('id', '=', ret.id)
          .execute();
      }
    }
    return applyRefund(trx, deps, actor, {
      order,
      amountMinor: input.amountMinor,
      reason,
      returnId: input.returnId ?? null,
    });
  });
}
