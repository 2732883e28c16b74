import { toDisputeView } from '../disputes/dispute-views.js';
import type { Sql } from '../platform/db/database.js';
import type { Installment } from '../platform/db/schema.js';
import { toRefundView, toReturnView } from '../refunds/refund-views.js';
import { isUnpaid, remainingMinor } from './domain.js';
import { type OrderView, toInstallmentView, toLateFeeView, toPaymentView } from './order-views.js';

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * Every order of a customer with its merchant, items, plan, installments, payment attempts
 * (failed ones included, with the reason), late fees, refunds, returns and disputes, newest
 * first. A fixed nine queries however many orders there are, read in one repeatable-read
 * snapshot so balances and schedules agree with each other.
 */
export async function listCustomerOrders(
  db: Sql,
  customerId: string,
  options: { orderId?: string | undefined } = {},
): Promise<OrderView[]> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      let orderQuery = trx
        .selectFrom('orders as o')
        .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
        .selectAll('o')
        .select(['m.name as merchant_name'])
        .where('o.customer_id', '=', customerId);
      if (options.orderId) orderQuery = orderQuery.where('o.id', '=', options.orderId);
      const orders = await orderQuery.orderBy('o.placed_at', 'desc').orderBy('o.id').execute();
      if (orders.length === 0) return [];
      const orderIds = orders.map((o) => o.id);

      const [items, plans, refunds, returns, disputes] = [
        await trx
          .selectFrom('order_items')
          .selectAll()
          .where('order_id', 'in', orderIds)
          .orderBy('id')
          .execute(),
        await trx.selectFrom('payment_plans').selectAll().where('order_id', 'in', orderIds).execute(),
        await trx
          .selectFrom('refunds')
          .selectAll()
          .where('order_id', 'in', orderIds)
          .orderBy('created_at')
          .execute(),
        await trx
          .selectFrom('returns')
          .selectAll()
          .where('order_id', 'in', orderIds)
          .orderBy('requested_at')
          .execute(),
        await trx
          .selectFrom('disputes')
          .selectAll()
          .where('order_id', 'in', orderIds)
          .orderBy('opened_at')
          .execute(),
      ];
      const planIds = plans.map((p) => p.id);
      const [installments, payments, lateFees] =
        planIds.length === 0
          ? [[], [], []]
          : [
              await trx
                .selectFrom('installments')
                .selectAll()
                .where('plan_id', 'in', planIds)
                .orderBy('seq')
                .execute(),
              await trx
                .selectFrom('payments')
                .selectAll()
                .where('plan_id', 'in', planIds)
                .orderBy('attempted_at')
                .execute(),
              await trx
                .selectFrom('late_fees')
                .selectAll()
                .where('plan_id', 'in', planIds)
                .orderBy('assessed_at')
                .execute(),
            ];

      const itemsByOrder = groupBy(items, (i) => i.order_id);
      const planByOrder = new Map(plans.map((p) => [p.order_id, p]));
      const installmentsByPlan = groupBy(installments as Installment[], (i) => i.plan_id);
      const paymentsByPlan = groupBy(payments, (p) => p.plan_id);
      const feesByPlan = groupBy(lateFees, (f) => f.plan_id);
      const refundsByOrder = groupBy(refunds, (r) => r.order_id);
      const returnsByOrder = groupBy(returns, (r) => r.order_id);
      const disputesByOrder = groupBy(disputes, (d) => d.order_id);

      return orders.map((o): OrderView => {
        const plan = planByOrder.get(o.id);
        const planInstallments = plan ? (installmentsByPlan.get(plan.id) ?? []) : [];
        const planFees = plan ? (feesByPlan.get(plan.id) ?? []) : [];
        const orderRefunds = refundsByOrder.get(o.id) ?? [];
        return {
          id: o.id,
          reference: o.reference,
          status: o.status,
          merchant: { id: o.merchant_id, name: o.merchant_name },
          totalMinor: o.total_minor,
          currency: o.currency,
          channel: o.channel,
          placedAt: o.placed_at.toISOString(),
          items: (itemsByOrder.get(o.id) ?? []).map((i) => ({
            description: i.description,
            quantity: i.quantity,
            unitPriceMinor: i.unit_price_minor,
            totalMinor: i.total_minor,
          })),
          refundedMinor: orderRefunds
            .filter((r) => r.status === 'processed')
            .reduce((sum, r) => sum + r.amount_minor, 0),
          plan: plan
            ? {
                id: plan.id,
                kind: plan.kind,
                status: plan.status,
                principalMinor: plan.principal_minor,
                currency: plan.currency,
                aprBps: plan.apr_bps,
                termMonths: plan.term_months,
                installmentCount: plan.installment_count,
                paymentMethodId: plan.payment_method_id,
                pausedReason: plan.paused_reason,
                postponementsUsed: plan.postponements_used,
                outstandingMinor:
                  planInstallments
                    .filter((i) => isUnpaid(i.status))
                    .reduce((sum, i) => sum + remainingMinor(i), 0) +
                  planFees.filter((f) => f.status === 'charged').reduce((sum, f) => sum + f.amount_minor, 0),
                installments: planInstallments.map(toInstallmentView),
                payments: (paymentsByPlan.get(plan.id) ?? []).map(toPaymentView),
                lateFees: planFees.map(toLateFeeView),
              }
            : null,
          refunds: orderRefunds.map(toRefundView),
          returns: (returnsByOrder.get(o.id) ?? []).map(toReturnView),
          disputes: (disputesByOrder.get(o.id) ?? []).map(toDisputeView),
        };
      });
    });
}
