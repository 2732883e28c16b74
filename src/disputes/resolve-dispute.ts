import { customerTopic, type DomainDeps, isUnpaid, todayOf, unprocessable } from '../orders/domain.js';
import { installmentSnapshot, lockInstallments, planSnapshot } from '../orders/plan-state.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { DisputeStatus, PlanStatus } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { applyRefund, refundableRemainder } from '../refunds/apply-refund.js';
import type { RefundView } from '../refunds/refund-views.js';
import { type DisputeView, toDisputeView } from './dispute-views.js';
import { resumePlan } from './plan-pause.js';

/** customer: the customer is right (refund, plan cancelled if nothing remains); merchant: plan resumes; withdrawn: the customer withdrew it, plan resumes. */
export type DisputeOutcome = 'customer' | 'merchant' | 'withdrawn';

const STATUS_FOR: Record<DisputeOutcome, DisputeStatus> = {
  customer: 'resolved_customer',
  merchant: 'resolved_merchant',
  withdrawn: 'withdrawn',
};

export interface ResolveDisputeInput {
  disputeId: string;
  outcome: DisputeOutcome;
  note?: string | undefined;
}

export interface ResolveDisputeResult {
  dispute: DisputeView;
  planStatus: PlanStatus | null;
  refund: RefundView | null;
}

/**
 * Closes a dispute. In the customer's favour the disputed amount is refunded (cancelling
 * the remaining installments from the last) and a plan with nothing left is cancelled;
 * otherwise the plan resumes with its due dates moved by the days it was paused.
 */
export async function resolveDispute(
  deps: DomainDeps,
  actor: Actor,
  input: ResolveDisputeInput,
): Promise<ResolveDisputeResult> {
  const note = input.note?.trim() || undefined;
  if (note && note.length > 2000) throw unprocessable('A note can be at most 2000 characters');
  return deps.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('disputes')
      .select('order_id')
      .where('id', '=', input.disputeId)
      .executeTakeFirst();
    if (!found) throw notFound('Dispute');
    const order = await trx
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', found.order_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const dispute = await trx
      .selectFrom('disputes')
      .selectAll()
      .where('id', '=', input.disputeId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (dispute.status !== 'open' && dispute.status !== 'under_review') {
      throw conflict(`This dispute is already closed (${dispute.status})`);
    }
    const now = deps.clock.now();
    const today = todayOf(deps.clock);
    const planBefore = await trx
      .selectFrom('payment_plans')
      .selectAll()
      .where('order_id', '=', order.id)
      .forUpdate()
      .executeTakeFirst();
    const installmentsBefore = planBefore ? await lockInstallments(trx, planBefore.id) : [];

    let refund: RefundView | null = null;
    if (input.outcome === 'customer') {
      const amount = Math.min(dispute.amount_minor, await refundableRemainder(trx, order));
      if (amount > 0) {
        const outcome = await applyRefund(trx, deps, actor, {
          order,
          amountMinor: amount,
          reason: `Dispute resolved in the customer's favour (${dispute.reason})`,
          returnId: null,
        });
        refund = outcome.refund;
      }
    }

    let plan = planBefore
      ? await trx
          .selectFrom('payment_plans')
          .selectAll()
          .where('id', '=', planBefore.id)
          .executeTakeFirstOrThrow()
      : undefined;
    let installments = plan
      ? await trx
          .selectFrom('installments')
          .selectAll()
          .where('plan_id', '=', plan.id)
          .orderBy('seq')
          .execute()
      : [];
    if (plan && input.outcome === 'customer' && !installments.some((i) => isUnpaid(i.status))) {
      // The customer won and owes nothing more: the plan ends as cancelled, not as paid off.
      plan = await trx
        .updateTable('payment_plans')
        .set({ status: 'cancelled', paused_reason: null, updated_at: now })
        .where('id', '=', plan.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    } else if (plan?.status === 'paused') {
      const pausedSince = dispute.opened_at.toISOString().slice(0, 10);
      ({ plan, installments } = await resumePlan(trx, plan, installments, pausedSince, today, now));
    }

    const resolved = await trx
      .updateTable('disputes')
      .set({ status: STATUS_FOR[input.outcome], resolved_at: now })
      .where('id', '=', dispute.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toDisputeView(resolved);
    await writeAudit(trx, actor, {
      action: 'dispute.resolved',
      entityType: 'dispute',
      entityId: dispute.id,
      before: {
        dispute: toDisputeView(dispute),
        plan: planBefore ? planSnapshot(planBefore) : null,
        installments: installmentsBefore.map(installmentSnapshot),
      },
      after: {
        dispute: view,
        plan: plan ? planSnapshot(plan) : null,
        installments: installments.map(installmentSnapshot),
        refundId: refund?.id ?? null,
      },
      reason: note ?? input.outcome,
    });
    await deps.events.publish(
      customerTopic(order.customer_id),
      'dispute.resolved',
      {
        disputeId: dispute.id,
        orderId: order.id,
        status: resolved.status,
        planStatus: plan?.status ?? null,
        refundId: refund?.id ?? null,
      },
      trx,
    );
    return { dispute: view, planStatus: plan?.status ?? null, refund };
  });
}
