import { z } from 'zod';
import type { Sql } from '../platform/db/database.js';
import { daysBetween, PAYABLE_STATUSES, remainingMinor } from './domain.js';
import { currencySchema } from './order-views.js';

export const nextPaymentSchema = z.object({
  installmentId: z.string(),
  planId: z.string(),
  orderId: z.string(),
  orderReference: z.string(),
  merchantName: z.string(),
  seq: z.number().int(),
  installmentCount: z.number().int(),
  dueDate: z.string(),
  /** What a payment now would take: the installment's remainder plus its charged late fees. */
  amountMinor: z.number().int(),
  installmentRemainingMinor: z.number().int(),
  lateFeesMinor: z.number().int(),
  currency: currencySchema,
  status: z.enum(['scheduled', 'late', 'failed']),
  overdue: z.boolean(),
  /** Negative when overdue. */
  daysUntilDue: z.number().int(),
  paymentMethod: z
    .object({ id: z.string(), brand: z.string(), last4: z.string(), status: z.string() })
    .nullable(),
});
export type NextPayment = z.infer<typeof nextPaymentSchema>;

/**
 * The installment the customer should pay next across all their plans: the earliest due
 * one still collecting (overdue ones come first by date). Paused plans owe nothing until
 * their dispute is resolved, so they are skipped. `today` is `YYYY-MM-DD`.
 */
export async function getNextPayment(
  db: Sql,
  customerId: string,
  today: string,
): Promise<NextPayment | null> {
  const row = await db
    .selectFrom('installments as i')
    .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
    .leftJoin('payment_methods as pm', 'pm.id', 'p.payment_method_id')
    .select([
      'i.id',
      'i.seq',
      'i.due_date',
      'i.amount_minor',
      'i.paid_minor',
      'i.status',
      'p.id as plan_id',
      'p.installment_count',
      'p.currency',
      'o.id as order_id',
      'o.reference',
      'm.name as merchant_name',
      'pm.id as pm_id',
      'pm.brand as pm_brand',
      'pm.last4 as pm_last4',
      'pm.status as pm_status',
      // Charged late fees on this installment, in the same round trip.
      (eb) =>
        eb
          .selectFrom('late_fees as f')
          .select((f) => f.fn.coalesce(f.fn.sum<number>('f.amount_minor'), f.lit(0)).as('total'))
          .whereRef('f.installment_id', '=', 'i.id')
          .where('f.status', '=', 'charged')
          .as('late_fees_minor'),
    ])
    .where('p.customer_id', '=', customerId)
    .where('p.status', 'in', ['active', 'defaulted'])
    .where('i.status', 'in', PAYABLE_STATUSES)
    .orderBy('i.due_date')
    .orderBy('i.seq')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const remaining = remainingMinor(row);
  const feesMinor = Number(row.late_fees_minor ?? 0);
  const days = daysBetween(today, row.due_date);
  return {
    installmentId: row.id,
    planId: row.plan_id,
    orderId: row.order_id,
    orderReference: row.reference,
    merchantName: row.merchant_name,
    seq: row.seq,
    installmentCount: row.installment_count,
    dueDate: row.due_date,
    amountMinor: remaining + feesMinor,
    installmentRemainingMinor: remaining,
    lateFeesMinor: feesMinor,
    currency: row.currency,
    status: row.status as NextPayment['status'],
    overdue: days < 0,
    daysUntilDue: days,
    paymentMethod:
      row.pm_id && row.pm_brand && row.pm_last4 && row.pm_status
        ? { id: row.pm_id, brand: row.pm_brand, last4: row.pm_last4, status: row.pm_status }
        : null,
  };
}
