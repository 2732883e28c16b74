import { customerTopic, type DomainDeps, formatMoney, unprocessable } from '../orders/domain.js';
import { installmentSnapshot, lockInstallments, planSnapshot } from '../orders/plan-state.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { DisputeReason, PlanStatus } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { refundableRemainder } from '../refunds/apply-refund.js';
import { type DisputeView, toDisputeView } from './dispute-views.js';
import { pausedReasonFor, pausePlan } from './plan-pause.js';

export interface OpenDisputeInput {
  customerId: string;
  orderId: string;
  reason: DisputeReason;
  description?: string | undefined;
  /** Defaults to everything still refundable on the order. */
  amountMinor?: number | undefined;
}

export interface OpenDisputeResult {
  dispute: DisputeView;
  planStatus: PlanStatus | null;
  pausedInstallments: number;
}

/**
 * Opens a dispute on an order and pauses its plan: the plan becomes 'paused' with a
 * reason, and every installment that could be charged becomes 'paused', so nothing is
 * collected (and no late fee accrues) until the dispute is resolved. One open dispute per order.
 */
export async function openDispute(
  deps: DomainDeps,
  actor: Actor,
  input: OpenDisputeInput,
): Promise<OpenDisputeResult> {
  const description = input.description?.trim() || null;
  if (description && description.length > 2000)
    throw unprocessable('A description can be at most 2000 characters');
  return deps.db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', input.orderId)
      .where('customer_id', '=', input.customerId)
      .forUpdate()
      .executeTakeFirst();
    if (!order) throw notFound('Order');
    if (order.status === 'refunded' || order.status === 'cancelled') {
      throw conflict(`This order is ${order.status}; there is nothing left to dispute`);
    }
    const existing = await trx
      .selectFrom('disputes')
      .select('id')
      .where('order_id', '=', order.id)
      .where('status', 'in', ['open', 'under_review'])
      .executeTakeFirst();
    if (existing) throw conflict('This order already has an open dispute', { disputeId: existing.id });

    const remainder = await refundableRemainder(trx, order);
    const amount = input.amountMinor ?? remainder;
    if (!Number.isInteger(amount) || amount <= 0 || amount > remainder) {
      throw unprocessable(
        `A dispute can cover at most what is still refundable on the order, ${formatMoney(remainder, order.currency)}`,
        { refundableMinor: remainder, currency: order.currency },
      );
    }
    const now = deps.clock.now();
    const dispute = await trx
      .insertInto('disputes')
      .values({
        id: newId(),
        order_id: order.id,
        customer_id: order.customer_id,
        reason: input.reason,
        status: 'open',
        amount_minor: amount,
        currency: order.currency,
        description,
        opened_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    const plan = await trx
      .selectFrom('payment_plans')
      .selectAll()
      .where('order_id', '=', order.id)
      .forUpdate()
      .executeTakeFirst();
    const installments = plan ? await lockInstallments(trx, plan.id) : [];
    // Only a collecting plan is paused; a defaulted one stays with collections, a finished one has nothing to pause.
    const paused =
      plan && plan.status === 'active'
        ? await pausePlan(trx, plan, installments, pausedReasonFor(input.reason), now)
        : undefined;
    const pausedCount = paused ? paused.installments.filter((i) => i.status === 'paused').length : 0;

    const view = toDisputeView(dispute);
    await writeAudit(trx, actor, {
      action: 'dispute.opened',
      entityType: 'dispute',
      entityId: dispute.id,
      before: {
        dispute: null,
        plan: plan ? planSnapshot(plan) : null,
        installments: installments.map(installmentSnapshot),
      },
      after: {
        dispute: view,
        plan: paused ? planSnapshot(paused.plan) : plan ? planSnapshot(plan) : null,
        installments: (paused?.installments ?? installments).map(installmentSnapshot),
      },
      reason: input.reason,
    });
    const planStatus = paused?.plan.status ?? plan?.status ?? null;
    await deps.events.publish(
      customerTopic(order.customer_id),
      'dispute.opened',
      {
        disputeId: dispute.id,
        orderId: order.id,
        reason: dispute.reason,
        planStatus,
        pausedInstallments: pausedCount,
      },
      trx,
    );
    return { dispute: view, planStatus, pausedInstallments: pausedCount };
  });
}
