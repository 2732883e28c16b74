import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict, notFound } from '../platform/errors.js';
import { customerTopic, type DomainDeps, unprocessable } from './domain.js';
import { lockPlan, planSnapshot } from './plan-state.js';

export interface UpdatePlanPaymentMethodInput {
  customerId: string;
  planId: string;
  paymentMethodId: string;
}

/** Points a plan's future charges at another active payment method of the same customer. */
export async function updatePlanPaymentMethod(
  deps: DomainDeps,
  actor: Actor,
  input: UpdatePlanPaymentMethodInput,
): Promise<{ planId: string; paymentMethodId: string; previousPaymentMethodId: string | null }> {
  return deps.db.transaction().execute(async (trx) => {
    const owned = await trx
      .selectFrom('payment_plans')
      .select('id')
      .where('id', '=', input.planId)
      .where('customer_id', '=', input.customerId)
      .executeTakeFirst();
    if (!owned) throw notFound('Payment plan');
    const plan = await lockPlan(trx, owned.id);
    if (plan.status === 'completed' || plan.status === 'cancelled') {
      throw conflict(`This plan is ${plan.status}; there are no future charges to move`);
    }
    const method = await trx
      .selectFrom('payment_methods')
      .select(['id', 'status', 'brand', 'last4'])
      .where('id', '=', input.paymentMethodId)
      .where('customer_id', '=', input.customerId)
      .executeTakeFirst();
    if (!method) throw notFound('Payment method');
    if (method.status !== 'active') {
      throw unprocessable(
        `The ${method.brand} ending ${method.last4} is ${method.status}; choose an active method`,
      );
    }
    if (plan.payment_method_id === method.id) {
      return { planId: plan.id, paymentMethodId: method.id, previousPaymentMethodId: method.id };
    }
    const after = await trx
      .updateTable('payment_plans')
      .set({ payment_method_id: method.id, updated_at: deps.clock.now() })
      .where('id', '=', plan.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'plan.payment_method_updated',
      entityType: 'payment_plan',
      entityId: plan.id,
      before: planSnapshot(plan),
      after: planSnapshot(after),
    });
    await deps.events.publish(
      customerTopic(input.customerId),
      'plan.payment_method_updated',
      { planId: plan.id, paymentMethodId: method.id },
      trx,
    );
    return { planId: plan.id, paymentMethodId: method.id, previousPaymentMethodId: plan.payment_method_id };
  });
}
