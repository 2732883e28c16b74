import { customerTopic, type DomainDeps, unprocessable } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { type ReturnView, toReturnView } from './refund-views.js';

/** Returns are accepted up to this many days after the order was placed. */
export const RETURN_WINDOW_DAYS = 30;

export interface RegisterReturnInput {
  customerId: string;
  orderId: string;
  reason: string;
  trackingNumber?: string | undefined;
}

/**
 * Records that the customer is sending (part of) an order back. Rules: within 30 days of
 * purchase, the order not fully refunded or cancelled, one return in progress at a time.
 * The refund itself follows when the merchant receives the goods (`processRefund`).
 */
export async function registerReturn(
  deps: DomainDeps,
  actor: Actor,
  input: RegisterReturnInput,
): Promise<ReturnView> {
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 1000) {
    throw unprocessable('Describe the reason for the return in 3 to 1000 characters');
  }
  return deps.db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', input.orderId)
      .where('customer_id', '=', input.customerId)
      .forUpdate()
      .executeTakeFirst();
    if (!order) throw notFound('Order');
    if (order.status === 'refunded')
      throw conflict('This order is already fully refunded; there is nothing to return');
    if (order.status === 'cancelled') throw conflict('This order was cancelled; there is nothing to return');

    const now = deps.clock.now();
    const deadline = new Date(order.placed_at.getTime() + RETURN_WINDOW_DAYS * 86_400_000);
    if (now > deadline) {
      throw unprocessable(
        `Returns must be registered within ${RETURN_WINDOW_DAYS} days of purchase; this order was placed on ${order.placed_at
          .toISOString()
          .slice(0, 10)}`,
        { placedAt: order.placed_at.toISOString(), deadline: deadline.toISOString() },
      );
    }
    const open = await trx
      .selectFrom('returns')
      .select('id')
      .where('order_id', '=', order.id)
      .where('status', 'in', ['requested', 'in_transit'])
      .executeTakeFirst();
    if (open) throw conflict('A return for this order is already in progress', { returnId: open.id });

    const created = await trx
      .insertInto('returns')
      .values({
        id: newId(),
        order_id: order.id,
        customer_id: order.customer_id,
        status: 'requested',
        reason,
        tracking_number: input.trackingNumber?.trim() || null,
        requested_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toReturnView(created);
    await writeAudit(trx, actor, {
      action: 'return.registered',
      entityType: 'return',
      entityId: created.id,
      before: null,
      after: view,
      reason,
    });
    await deps.events.publish(
      customerTopic(order.customer_id),
      'return.registered',
      { returnId: created.id, orderId: order.id, status: created.status },
      trx,
    );
    return view;
  });
}
