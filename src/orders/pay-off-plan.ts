import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { DB, PlanStatus } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import {
  chargeAndRecord,
  findPaymentByKey,
  markLateFeesPaid,
  resolvePaymentMethod,
  scopedIdempotencyKey,
  withIdempotentPayment,
} from './charge.js';
import { customerTopic, type DomainDeps, isPayable, remainingMinor, todayOf } from './domain.js';
import { type InstallmentView, type PaymentView, toInstallmentView, toPaymentView } from './order-views.js';
import { assertIdempotencyKey } from './pay-installment.js';
import {
  assertPlanCollecting,
  completePlanIfSettled,
  installmentSnapshot,
  lockInstallments,
  lockOrderAndPlan,
} from './plan-state.js';

export interface PayOffPlanInput {
  customerId: string;
  planId: string;
  idempotencyKey: string;
  paymentMethodId?: string | undefined;
}

export interface PayOffPlanResult {
  outcome: 'succeeded' | 'failed';
  replayed: boolean;
  payment: PaymentView;
  installments: InstallmentView[];
  planStatus: PlanStatus;
}

/**
 * Pays everything still owed on a plan (remaining installments and charged late fees)
 * in one simulated charge, recorded as one payment with no single installment.
 */
export async function payOffPlan(
  deps: DomainDeps,
  actor: Actor,
  input: PayOffPlanInput,
): Promise<PayOffPlanResult> {
  assertIdempotencyKey(input.idempotencyKey);
  const key = scopedIdempotencyKey(input.customerId, input.idempotencyKey);
  const replayThis = (db: Kysely<DB>, payment: Selectable<DB['payments']>) => replay(db, payment, input);
  return withIdempotentPayment(deps.db, key, replayThis, () =>
    deps.db.transaction().execute(async (trx) => {
      const owned = await trx
        .selectFrom('payment_plans')
        .select('id')
        .where('id', '=', input.planId)
        .where('customer_id', '=', input.customerId)
        .executeTakeFirst();
      if (!owned) throw notFound('Payment plan');
      const plan = await lockOrderAndPlan(trx, owned.id);
      const installments = await lockInstallments(trx, plan.id);
      const raced = await findPaymentByKey(trx, key);
      if (raced) return replay(trx, raced, input);
      assertPlanCollecting(plan);

      const due = installments.filter((i) => isPayable(i.status) && remainingMinor(i) > 0);
      const fees = await trx
        .selectFrom('late_fees')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .where('status', '=', 'charged')
        .forUpdate()
        .execute();
      const amount =
        due.reduce((sum, i) => sum + remainingMinor(i), 0) + fees.reduce((sum, f) => sum + f.amount_minor, 0);
      if (amount <= 0) throw conflict('Nothing is left to pay on this plan');

      const method = await resolvePaymentMethod(
        trx,
        input.customerId,
        input.paymentMethodId,
        plan.payment_method_id,
      );
      const now = deps.clock.now();
      const { charge, payment } = await chargeAndRecord(trx, {
        plan,
        installmentId: null,
        customerId: input.customerId,
        method,
        amountMinor: amount,
        idempotencyKey: key,
        now,
        today: todayOf(deps.clock),
      });

      let after = installments;
      let planStatus = plan.status;
      if (charge.ok) {
        const paidIds = new Set(due.map((i) => i.id));
        for (const i of due) {
          await trx
            .updateTable('installments')
            .set({ paid_minor: i.amount_minor, status: 'paid', paid_at: now })
            .where('id', '=', i.id)
            .execute();
        }
        await markLateFeesPaid(trx, fees);
        after = installments.map((i) =>
          paidIds.has(i.id) ? { ...i, paid_minor: i.amount_minor, status: 'paid' as const, paid_at: now } : i,
        );
        planStatus = await completePlanIfSettled(trx, plan, after, now);
      }

      await writeAudit(trx, actor, {
        action: charge.ok ? 'plan.paid_off' : 'plan.payoff_failed',
        entityType: 'payment_plan',
        entityId: plan.id,
        before: { planStatus: plan.status, installments: installments.map(installmentSnapshot) },
        after: {
          planStatus,
          installments: after.map(installmentSnapshot),
          payment: {
            id: payment.id,
            amountMinor: amount,
            status: payment.status,
            failureCode: payment.failure_code,
          },
        },
      });
      await deps.events.publish(
        customerTopic(input.customerId),
        charge.ok ? 'plan.paid_off' : 'payment.failed',
        {
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
        installments: after.map(toInstallmentView),
        planStatus,
      } satisfies PayOffPlanResult;
    }),
  );
}

async function replay(
  db: Kysely<DB>,
  payment: Selectable<DB['payments']>,
  input: PayOffPlanInput,
): Promise<PayOffPlanResult> {
  if (payment.plan_id !== input.planId || payment.installment_id !== null) {
    throw conflict('This idempotency key was already used for a different payment');
  }
  const installments = await db
    .selectFrom('installments')
    .selectAll()
    .where('plan_id', '=', payment.plan_id)
    .orderBy('seq')
    .execute();
  const plan = await db
    .selectFrom('payment_plans')
    .select('status')
    .where('id', '=', payment.plan_id)
    .executeTakeFirstOrThrow();
  return {
    outcome: payment.status === 'succeeded' ? 'succeeded' : 'failed',
    replayed: true,
    payment: toPaymentView(payment),
    installments: installments.map(toInstallmentView),
    planStatus: plan.status,
  };
}
