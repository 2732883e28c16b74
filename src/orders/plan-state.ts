import type { Transaction } from 'kysely';
import type { DB, Installment, PaymentPlan } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { isUnpaid, remainingMinor } from './domain.js';

export type Trx = Transaction<DB>;

/*
 * Lock order, used by every use case so two of them never wait on each other in a cycle:
 * customer → order → payment plan → installments → late fees.
 */

/**
 * Locks the plan's order, then the plan. Use it when the change may complete the order
 * (payments), so it takes the order lock in the same order as refunds and disputes do.
 */
export async function lockOrderAndPlan(trx: Trx, planId: string): Promise<PaymentPlan> {
  const ref = await trx
    .selectFrom('payment_plans')
    .select('order_id')
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!ref) throw notFound('Payment plan');
  await trx.selectFrom('orders').select('id').where('id', '=', ref.order_id).forUpdate().execute();
  return lockPlan(trx, planId);
}

export async function lockPlan(trx: Trx, planId: string): Promise<PaymentPlan> {
  const plan = await trx
    .selectFrom('payment_plans')
    .selectAll()
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!plan) throw notFound('Payment plan');
  return plan;
}

/** All installments of a plan, locked, in schedule order. */
export function lockInstallments(trx: Trx, planId: string): Promise<Installment[]> {
  return trx
    .selectFrom('installments')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .forUpdate()
    .execute();
}

/**
 * Finds an installment that belongs to `customerId`. Someone else's installment is
 * reported as not found, so its existence does not leak.
 */
export async function findOwnedInstallment(
  trx: Trx,
  customerId: string,
  installmentId: string,
): Promise<{ id: string; plan_id: string }> {
  const row = await trx
    .selectFrom('installments as i')
    .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
    .select(['i.id', 'i.plan_id'])
    .where('i.id', '=', installmentId)
    .where('p.customer_id', '=', customerId)
    .executeTakeFirst();
  if (!row) throw notFound('Installment');
  return row;
}

export interface InstallmentSnapshot {
  id: string;
  seq: number;
  status: Installment['status'];
  dueDate: string;
  amountMinor: number;
  paidMinor: number;
}

/** The fields of an installment that audit rows record before and after a change. */
export const installmentSnapshot = (i: Installment): InstallmentSnapshot => ({
  id: i.id,
  seq: i.seq,
  status: i.status,
  dueDate: i.due_date,
  amountMinor: i.amount_minor,
  paidMinor: i.paid_minor,
});

export const planSnapshot = (p: PaymentPlan) => ({
  id: p.id,
  status: p.status,
  pausedReason: p.paused_reason,
  postponementsUsed: p.postponements_used,
  paymentMethodId: p.payment_method_id,
});

export const outstandingOf = (installments: Installment[]): number =>
  installments.filter((i) => isUnpaid(i.status)).reduce((sum, i) => sum + remainingMinor(i), 0);

/**
 * Completes the plan (and its order, if still active) once no installment expects
 * money any more. `installments` must reflect the changes made in this transaction.
 * Returns the plan's status after the call.
 */
export async function completePlanIfSettled(
  trx: Trx,
  plan: PaymentPlan,
  installments: Installment[],
  now: Date,
): Promise<PaymentPlan['status']> {
  const open = plan.status === 'active' || plan.status === 'paused' || plan.status === 'defaulted';
  if (!open || installments.some((i) => isUnpaid(i.status))) return plan.status;
  await trx
    .updateTable('payment_plans')
    .set({ status: 'completed', paused_reason: null, updated_at: now })
    .where('id', '=', plan.id)
    .execute();
  await trx
    .updateTable('orders')
    .set({ status: 'completed', updated_at: now })
    .where('id', '=', plan.order_id)
    .where('status', '=', 'active')
    .execute();
  return 'completed';
}

/** Refuses to take money on a plan that is not collecting, with the reason in words. */
export function assertPlanCollecting(plan: PaymentPlan): void {
  switch (plan.status) {
    case 'active':
    case 'defaulted':
      return;
    case 'paused':
      throw conflict(
        'Payments on this plan are paused while a dispute on the order is open; nothing is due until it is resolved',
      );
    case 'completed':
      throw conflict('This plan is already paid off');
    case 'cancelled':
      throw conflict('This plan was cancelled; nothing is due');
  }
}
