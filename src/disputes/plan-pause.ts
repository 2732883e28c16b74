import { addDays, daysBetween, isPayable } from '../orders/domain.js';
import type { Trx } from '../orders/plan-state.js';
import type { DisputeReason, Installment, PaymentPlan } from '../platform/db/schema.js';

const REASON_LABELS: Record<DisputeReason, string> = {
  item_not_received: 'item not received',
  not_as_described: 'item not as described',
  unrecognized: 'unrecognized purchase',
  duplicate: 'duplicate charge',
  cancelled_order: 'cancelled order',
  other: 'other',
};

export const pausedReasonFor = (reason: DisputeReason): string =>
  `Paused while a dispute is reviewed (${REASON_LABELS[reason]})`;

/** Pauses an active plan and every installment that could still be charged. Returns the changed rows. */
export async function pausePlan(
  trx: Trx,
  plan: PaymentPlan,
  installments: Installment[],
  pausedReason: string,
  now: Date,
): Promise<{ plan: PaymentPlan; installments: Installment[] }> {
  const planAfter = await trx
    .updateTable('payment_plans')
    .set({ status: 'paused', paused_reason: pausedReason, updated_at: now })
    .where('id', '=', plan.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const toPause = installments.filter((i) => isPayable(i.status)).map((i) => i.id);
  if (toPause.length > 0) {
    await trx.updateTable('installments').set({ status: 'paused' }).where('id', 'in', toPause).execute();
  }
  const paused = new Set(toPause);
  return {
    plan: planAfter,
    installments: installments.map((i) => (paused.has(i.id) ? { ...i, status: 'paused' as const } : i)),
  };
}

/**
 * Resumes a paused plan. Paused installments move forward by the days the plan was paused,
 * so the dispute never makes a customer late; each becomes 'late' only if it is still past
 * due after that shift.
 */
export async function resumePlan(
  trx: Trx,
  plan: PaymentPlan,
  installments: Installment[],
  pausedSince: string,
  today: string,
  now: Date,
): Promise<{ plan: PaymentPlan; installments: Installment[] }> {
  const shift = Math.max(0, daysBetween(pausedSince, today));
  const after: Installment[] = [];
  for (const i of installments) {
    if (i.status !== 'paused') {
      after.push(i);
      continue;
    }
    const dueDate = addDays(i.due_date, shift);
    const updated = await trx
      .updateTable('installments')
      .set({ due_date: dueDate, status: dueDate < today ? 'late' : 'scheduled' })
      .where('id', '=', i.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    after.push(updated);
  }
  const planAfter = await trx
    .updateTable('payment_plans')
    .set({ status: 'active', paused_reason: null, updated_at: now })
    .where('id', '=', plan.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { plan: planAfter, installments: after };
}
