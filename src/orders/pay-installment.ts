import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { DB, PlanStatus } from '../platform/db/schema.js';
import { badRequest, conflict, notFound } from '../platform/errors.js';
import {
  chargeAndRecord,
  findPaymentByKey,
  markLateFeesPaid,
  resolvePaymentMethod,
  scopedIdempotencyKey,
  withIdempotentPayment,
} from './charge.js';
import { customerTopic, type DomainDeps, remainingMinor, todayOf } from './domain.js';
import { type InstallmentView, type PaymentView, toInstallmentView, toPaymentView } from './order-views.js';
import {
  assertPlanCollecting,
  completePlanIfSettled,
  findOwnedInstallment,
  installmentSnapshot,
  lockInstallments,
  lockOrderAndPlan,
} from './plan-state.js';

export interface PayInstallmentInput {
  customerId: string;
  installmentId: string;
  /** Chosen by the client per attempt; a retry with the same key returns the first result. */
  idempotencyKey: string;
  /** Defaults to the plan's payment method, then the customer's default one. */
  paymentMethodId?: string | undefined;
}

export interface PayInstallmentResult {
  outcome: 'succeeded' | 'failed';
  /** True when this key was seen before and nothing new happened. */
  replayed: boolean;
  payment: PaymentView;
  installment: InstallmentView;
  /** Late fees on this installment collected with the same charge. */
  lateFeesPaidMinor: number;
  planStatus: PlanStatus;
}

export function assertIdempotencyKey(key: string): void {
  if (key.trim().length === 0 || key.length > 200) {
    throw badRequest('idempotencyKey must be between 1 and 200 characters');
  }
}

/**
 * Pays one installment now (plus any late fee charged on it) with a simulated charge.
 * The attempt is recorded whether it succeeds or is declined. Idempotent per key, and the
 * plan row lock means two attempts with different keys cannot both charge the installment.
 */
export async function payInstallment(
  deps: DomainDeps,
  actor: Actor,
  input: PayInstallmentInput,
): Promise<PayInstallmentResult> {
  assertIdempotencyKey(input.idempotencyKey);
  const key = scopedIdempotencyKey(input.customerId, input.idempotencyKey);
  const replayThis = (db: Kysely<DB>, payment: Selectable<DB['payments']>) => replay(db, payment, input);
  return withIdempotentPayment(deps.db, key, replayThis, () =>
    deps.db.transaction().execute(async (trx) => {
      const owned = await findOwnedInstallment(trx, input.customerId, input.installmentId);
      const plan = await lockOrderAndPlan(trx, owned.plan_id);
      const installments = await lockInstallments(trx, plan.id);
      // A retry with this key may have committed while we waited for the lock.
      const raced = await findPaymentByKey(trx, key);
      if (raced) return replay(trx, raced, input);

      const installment = installments.find((i) => i.id === input.installmentId);
      if (!installment) throw notFound('Installment');
      assertPlanCollecting(plan);
      if (installment.status === 'paid') throw conflict('This installment is already paid');
      if (installment.status === 'paused') {
        throw conflict(
          'This installment is paused while a dispute on the order is open; nothing is due until it is resolved',
        );
      }
      if (installment.status === 'cancelled' || installment.status === 'waived') {
        throw conflict(`This installment was ${installment.status}; nothing is due`);
      }

      const fees = await trx
        .selectFrom('late_fees')
        .selectAll()
        .where('installment_id', '=', installment.id)
        .where('status', '=', 'charged')
        .forUpdate()
        .execute();
      const feesMinor = fees.reduce((sum, f) => sum + f.amount_minor, 0);
      const amount = remainingMinor(installment) + feesMinor;
      if (amount <= 0) throw conflict('Nothing is due on this installment');

      const method = await resolvePaymentMethod(
        trx,
        input.customerId,
        input.paymentMethodId,
        plan.payment_method_id,
      );
      const now = deps.clock.now();
      const today = todayOf(deps.clock);
      const { charge, payment } = await chargeAndRecord(trx, {
        plan,
        installmentId: installment.id,
        customerId: input.customerId,
        method,
        amountMinor: amount,
        idempotencyKey: key,
        now,
        today,
      });

      let after = installment;
      let planStatus = plan.status;
      if (charge.ok) {
        after = await trx
          .updateTable('installments')
          .set({ paid_minor: installment.amount_minor, status: 'paid', paid_at: now })
          .where('id', '=', installment.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await markLateFeesPaid(trx, fees);
        const updated = installments.map((i) => (i.id === after.id ? after : i));
        planStatus = await completePlanIfSettled(trx, plan, updated, now);
      } else if (installment.status === 'scheduled' && installment.due_date <= today) {
        // A declined charge on a due installment is visible as 'failed' until it is retried.
        after = await trx
          .updateTable('installments')
          .set({ status: 'failed' })
          .where('id', '=', installment.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      }

      await writeAudit(trx, actor, {
        action: charge.ok ? 'installment.paid' : 'installment.payment_failed',
        entityType: 'installment',
        entityId: installment.id,
        before: { installment: installmentSnapshot(installment), planStatus: plan.status },
        after: {
          installment: installmentSnapshot(after),
          planStatus,
          payment: {
            id: payment.id,
            amountMinor: amount,
            status: payment.status,
            failureCode: payment.failure_code,
          },
          lateFeesPaid: charge.ok ? fees.map((f) => f.id) : [],
        },
      });
      await deps.events.publish(
        customerTopic(input.customerId),
        charge.ok ? 'installment.paid' : 'payment.failed',
        {
          installmentId: installment.id,
          planId: plan.id,
          orderId: plan.order_id,
          paymentId: payment.id,
          amountMinor: amount,
          currency: plan.currency,
          planStatus,
          ...(charge.ok ? {} : { failureCode: charge.code }),
        },
        trx,
      );
      return {
        outcome: charge.ok ? 'succeeded' : 'failed',
        replayed: false,
        payment: toPaymentView(payment),
        installment: toInstallmentView(after),
        lateFeesPaidMinor: charge.ok ? feesMinor : 0,
        planStatus,
      } satisfies PayInstallmentResult;
    }),
  );
}

async function replay(
  db: Kysely<DB>,
  payment: Selectable<DB['payments']>,
  input: PayInstallmentInput,
): Promise<PayInstallmentResult> {
  if (payment.installment_id !== input.installmentId) {
    throw conflict('This idempotency key was already used for a different payment');
  }
  const installment = await db
    .selectFrom('installments')
    .selectAll()
    .where('id', '=', payment.installment_id)
    .executeTakeFirstOrThrow();
  const plan = await db
    .selectFrom('payment_plans')
    .select('status')
    .where('id', '=', payment.plan_id)
    .executeTakeFirstOrThrow();
  const succeeded = payment.status === 'succeeded';
  return {
    outcome: succeeded ? 'succeeded' : 'failed',
    replayed: true,
    payment: toPaymentView(payment),
    installment: toInstallmentView(installment),
    lateFeesPaidMinor: succeeded ? Math.max(0, payment.amount_minor - installment.amount_minor) : 0,
    planStatus: plan.status,
  };
}
