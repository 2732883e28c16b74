import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict } from '../platform/errors.js';
import { addDays, customerTopic, type DomainDeps, isUnpaid, todayOf, unprocessable } from './domain.js';
import { type InstallmentView, toInstallmentView } from './order-views.js';
import {
  findOwnedInstallment,
  installmentSnapshot,
  lockInstallments,
  lockPlan,
  planSnapshot,
} from './plan-state.js';

/** The longest a due date may move; also stated in the error customers see. */
export const MAX_POSTPONE_DAYS = 14;
/** How many times one plan may be postponed over its life. */
export const MAX_POSTPONEMENTS_PER_PLAN = 1;

export interface PostponeInstallmentInput {
  customerId: string;
  installmentId: string;
  days: number;
}

export interface PostponeInstallmentResult {
  installment: InstallmentView;
  previousDueDate: string;
  postponementsUsed: number;
}

/**
 * Moves the next unpaid installment's due date. Rules: the account and the plan must be active; a plan may
 * be postponed once; only its next unpaid installment, only while it is still scheduled
 * (not late, failed or paused); by 1 to 14 days.
 */
export async function postponeInstallment(
  deps: DomainDeps,
  actor: Actor,
  input: PostponeInstallmentInput,
): Promise<PostponeInstallmentResult> {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_POSTPONE_DAYS) {
    throw unprocessable(`A due date can be moved by 1 to ${MAX_POSTPONE_DAYS} days`);
  }
  return deps.db.transaction().execute(async (trx) => {
    const owned = await findOwnedInstallment(trx, input.customerId, input.installmentId);
    const customer = await trx
      .selectFrom('customers')
      .select('status')
      .where('id', '=', input.customerId)
      .executeTakeFirstOrThrow();
    // More time to pay is new credit: not while the account is locked for review.
    if (customer.status !== 'active')
      throw conflict(`Postponing is not available while the account is ${customer.status}`);
    const plan = await lockPlan(trx, owned.plan_id);
    const installments = await lockInstallments(trx, plan.id);
    const installment = installments.find((i) => i.id === input.installmentId);
    if (!installment) throw conflict('Installment changed while postponing; try again');

    if (plan.status !== 'active') {
      throw conflict(`Only active plans can be postponed; this plan is ${plan.status}`);
    }
    if (plan.postponements_used >= MAX_POSTPONEMENTS_PER_PLAN) {
      throw conflict('A plan can be postponed only once, and this plan has already been postponed');
    }
    const next = installments.find((i) => isUnpaid(i.status));
    if (!next || next.id !== installment.id) {
      throw conflict(
        next
          ? `Only the next unpaid installment (number ${next.seq}, due ${next.due_date}) can be postponed`
          : 'This plan has no unpaid installment to postpone',
      );
    }
    const today = todayOf(deps.clock);
    if (installment.status !== 'scheduled' || installment.due_date < today) {
      throw conflict(
        'Late, failed or paused installments cannot be postponed; only an installment that is not yet due can be moved',
      );
    }

    const dueDate = addDays(installment.due_date, input.days);
    const now = deps.clock.now();
    const after = await trx
      .updateTable('installments')
      .set({ due_date: dueDate })
      .where('id', '=', installment.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const planAfter = await trx
      .updateTable('payment_plans')
      .set({ postponements_used: plan.postponements_used + 1, updated_at: now })
      .where('id', '=', plan.id)
      .returningAll()
      .executeTakeFirstOrThrow();

    await writeAudit(trx, actor, {
      action: 'installment.postponed',
      entityType: 'installment',
      entityId: installment.id,
      before: { installment: installmentSnapshot(installment), plan: planSnapshot(plan) },
      after: { installment: installmentSnapshot(after), plan: planSnapshot(planAfter) },
      reason: `postponed by ${input.days} days`,
    });
    await deps.events.publish(
      customerTopic(input.customerId),
      'installment.postponed',
      {
        installmentId: installment.id,
        planId: plan.id,
        previousDueDate: installment.due_date,
        dueDate,
        days: input.days,
      },
      trx,
    );
    return {
      installment: toInstallmentView(after),
      previousDueDate: installment.due_date,
      postponementsUsed: planAfter.postponements_used,
    };
  });
}
