import { z } from 'zod';
import { addDays, PAYABLE_STATUSES, UNPAID_STATUSES } from '../orders/domain.js';
import { currencySchema } from '../orders/order-views.js';
import type { Sql } from '../platform/db/database.js';

const moneyBucketSchema = z.object({
  currency: currencySchema,
  count: z.number().int(),
  amountMinor: z.number().int(),
});
export type MoneyBucket = z.infer<typeof moneyBucketSchema>;

export const opsOverviewSchema = z.object({
  generatedAt: z.string(),
  today: z.string(),
  customers: z.object({
    total: z.number().int(),
    active: z.number().int(),
    locked: z.number().int(),
    closed: z.number().int(),
  }),
  plans: z.object({ active: z.number().int(), paused: z.number().int(), defaulted: z.number().int() }),
  /** Unpaid installments plus charged late fees, per currency. */
  outstanding: z.array(moneyBucketSchema),
  /** Chargeable installments due from today through the next 7 days. */
  dueNext7Days: z.array(moneyBucketSchema),
  /** Chargeable installments past their due date. */
  overdue: z.array(moneyBucketSchema),
  openDisputes: z.number().int(),
  refundsPending: z.array(moneyBucketSchema),
  /** Late fees assessed in the last 30 days and not waived. */
  lateFeesLast30Days: z.array(moneyBucketSchema),
});
export type OpsOverview = z.infer<typeof opsOverviewSchema>;

type BucketRow = {
  currency: MoneyBucket['currency'];
  count: number | string;
  amount: number | string | null;
};
const buckets = (rows: BucketRow[]): MoneyBucket[] =>
  rows
    .map((r) => ({ currency: r.currency, count: Number(r.count), amountMinor: Number(r.amount ?? 0) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));

/**
 * Live operations figures, computed from the system of record on every call (no cache,
 * so a supervisor never acts on stale numbers). One snapshot, eight aggregate queries.
 */
export async function getOpsOverview(db: Sql, now: Date): Promise<OpsOverview> {
  const today = now.toISOString().slice(0, 10);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const customerRows = await trx
        .selectFrom('customers')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      const planRows = await trx
        .selectFrom('payment_plans')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['active', 'paused', 'defaulted'])
        .groupBy('status')
        .execute();
      const installmentBuckets = (filter: 'unpaid' | 'due' | 'overdue') => {
        let q = trx
          .selectFrom('installments as i')
          .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
          .select((eb) => [
            'p.currency',
            eb.fn.countAll<number>().as('count'),
            eb.fn.sum<number>(eb('i.amount_minor', '-', eb.ref('i.paid_minor'))).as('amount'),
          ])
          .groupBy('p.currency');
        if (filter === 'unpaid') q = q.where('i.status', 'in', UNPAID_STATUSES);
        if (filter === 'due') {
          q = q
            .where('i.status', 'in', PAYABLE_STATUSES)
            .where('i.due_date', '>=', today)
            .where('i.due_date', '<=', addDays(today, 7));
        }
        if (filter === 'overdue')
          q = q.where('i.status', 'in', PAYABLE_STATUSES).where('i.due_date', '<', today);
        return q.execute();
      };
      const unpaid = await installmentBuckets('unpaid');
      const due = await installmentBuckets('due');
      const overdue = await installmentBuckets('overdue');
      const feesCharged = await trx
        .selectFrom('late_fees')
        .select((eb) => [
          'currency',
          eb.fn.countAll<number>().as('count'),
          eb.fn.sum<number>('amount_minor').as('amount'),
        ])
        .where('status', '=', 'charged')
        .groupBy('currency')
        .execute();
      const feesRecent = await trx
        .selectFrom('late_fees')
        .select((eb) => [
          'currency',
          eb.fn.countAll<number>().as('count'),
          eb.fn.sum<number>('amount_minor').as('amount'),
        ])
        .where('status', '!=', 'waived')
        .where('assessed_at', '>=', new Date(now.getTime() - 30 * 86_400_000))
        .groupBy('currency')
        .execute();
      const disputes = await trx
        .selectFrom('disputes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['open', 'under_review'])
        .executeTakeFirstOrThrow();
      const refunds = await trx
        .selectFrom('refunds')
        .select((eb) => [
          'currency',
          eb.fn.countAll<number>().as('count'),
          eb.fn.sum<number>('amount_minor').as('amount'),
        ])
        .where('status', '=', 'pending')
        .groupBy('currency')
        .execute();

      const byStatus = (rows: { status: string; n: number | string }[], status: string) =>
        Number(rows.find((r) => r.status === status)?.n ?? 0);
      const outstanding = new Map<MoneyBucket['currency'], MoneyBucket>();
      for (const b of [...buckets(unpaid), ...buckets(feesCharged)]) {
        const prev = outstanding.get(b.currency);
        outstanding.set(b.currency, {
          currency: b.currency,
          count: (prev?.count ?? 0) + b.count,
          amountMinor: (prev?.amountMinor ?? 0) + b.amountMinor,
        });
      }
      return {
        generatedAt: now.toISOString(),
        today,
        customers: {
          total: customerRows.reduce((sum, r) => sum + Number(r.n), 0),
          active: byStatus(customerRows, 'active'),
          locked: byStatus(customerRows, 'locked'),
          closed: byStatus(customerRows, 'closed'),
        },
        plans: {
          active: byStatus(planRows, 'active'),
          paused: byStatus(planRows, 'paused'),
          defaulted: byStatus(planRows, 'defaulted'),
        },
        outstanding: [...outstanding.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
        dueNext7Days: buckets(due),
        overdue: buckets(overdue),
        openDisputes: Number(disputes.n),
        refundsPending: buckets(refunds),
        lateFeesLast30Days: buckets(feesRecent),
      };
    });
}
