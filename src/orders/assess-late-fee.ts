import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { Currency } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { customerTopic, type DomainDeps, formatMoney, isUnpaid, todayOf, unprocessable } from './domain.js';
import { type LateFeeView, toLateFeeView } from './order-views.js';
import { installmentSnapshot, lockInstallments, lockPlan } from './plan-state.js';

/*
 * Late-fee policy (keep in step with the knowledge-base article on late fees):
 * - at most ONE fee per installment, ever (a waived fee is not charged again);
 * - a flat USD 7.00 in the US and SEK 75.00 in Sweden,
 * - but never more than 25% of the installment, so a small purchase is not punished harder
 *   than the amount that was late;
 * - none while the plan is paused for a dispute.
 */
export const LATE_FEE_FLAT_MINOR: Record<Currency, number> = { USD: 700, SEK: 7500 };
export const LATE_FEE_MAX_SHARE = 0.25;

export function lateFeeFor(installmentAmountMinor: number, currency: Currency): number {
  return Math.min(LATE_FEE_FLAT_MINOR[currency], Math.floor(installmentAmountMinor * LATE_FEE_MAX_SHARE));
}

/** Charges the late fee on an installment past its due date, within the policy above. */
export async function assessLateFee(
  deps: DomainDeps,
  actor: Actor,
  input: { installmentId: string },
): Promise<LateFeeView> {
  return deps.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('installments')
      .select('plan_id')
      .where('id', '=', input.installmentId)
      .executeTakeFirst();
    if (!found) throw notFound('Installment');
    const plan = await lockPlan(trx, found.plan_id);
    const installments = await lockInstallments(trx, plan.id);
    const installment = installments.find((i) => i.id === input.installmentId);
    if (!installment) throw notFound('Installment');

    if (plan.status === 'paused')
      throw conflict('No late fees are charged while the plan is paused for a dispute');
    if (plan.status !== 'active' && plan.status !== 'defaulted') {
      throw conflict(`This plan is ${plan.status}; no late fee applies`);
    }
    const today = todayOf(deps.clock);
    if (!isUnpaid(installment.status) || installment.status === 'paused') {
      throw conflict(`Only a late installment can carry a late fee; this one is ${installment.status}`);
    }
    if (installment.due_date >= today) {
      throw conflict(`This installment is not late: it is due on ${installment.due_date}`);
    }
    const existing = await trx
      .selectFrom('late_fees')
      .select(['id', 'status'])
      .where('installment_id', '=', installment.id)
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      throw conflict(
        `A late fee was already assessed on this installment (${existing.status}); the limit is one`,
      );
    }
    const amount = lateFeeFor(installment.amount_minor, plan.currency);
    if (amount <= 0) throw unprocessable('This installment is too small to carry a late fee');

    const now = deps.clock.now();
    let after = installment;
    if (installment.status !== 'late') {
      after = await trx
        .updateTable('installments')
        .set({ status: 'late' })
        .where('id', '=', installment.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    const fee = await trx
      .insertInto('late_fees')
      .values({
        id: newId(),
        installment_id: installment.id,
        plan_id: plan.id,
        customer_id: plan.customer_id,
        amount_minor: amount,
        currency: plan.currency,
        status: 'charged',
        assessed_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    await writeAudit(trx, actor, {
      action: 'late_fee.charged',
      entityType: 'late_fee',
      entityId: fee.id,
      before: { installment: installmentSnapshot(installment), lateFee: null },
      after: {
        installment: installmentSnapshot(after),
        lateFee: { id: fee.id, amountMinor: amount, currency: fee.currency, status: fee.status },
      },
      reason: `late fee ${formatMoney(amount, fee.currency)} on installment ${installment.seq}`,
    });
    await deps.events.publish(
      customerTopic(plan.customer_id),
      'late_fee.charged',
      {
        lateFeeId: fee.id,
        installmentId: installment.id,
        planId: plan.id,
        amountMinor: amount,
        currency: fee.currency,
      },
      trx,
    );
    return toLateFeeView(fee);
  });
}
