import type { Kysely } from 'kysely';
import { UNPAID_STATUSES } from '../orders/domain.js';
import type { DB } from '../platform/db/schema.js';

export interface OutstandingBalance {
  /** Still owed on unpaid installments. */
  installmentsMinor: number;
  /** Charged (not paid, not waived) late fees. */
  lateFeesMinor: number;
  totalMinor: number;
}

/** What a customer owes right now, in their account currency (one currency per customer). */
export async function getOutstandingBalance(db: Kysely<DB>, customerId: string): Promise<OutstandingBalance> {
  const installments = await db
    .selectFrom('installments as i')
    .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
    .select((eb) =>
      eb.fn
        .coalesce(eb.fn.sum<number>(eb('i.amount_minor', '-', eb.ref('i.paid_minor'))), eb.lit(0))
        .as('total'),
    )
    .where('p.customer_id', '=', customerId)
    .where('i.status', 'in', UNPAID_STATUSES)
    .executeTakeFirstOrThrow();
  const fees = await db
    .selectFrom('late_fees')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
    .where('customer_id', '=', customerId)
    .where('status', '=', 'charged')
    .executeTakeFirstOrThrow();
  const installmentsMinor = Number(installments.total);
  const lateFeesMinor = Number(fees.total);
  return { installmentsMinor, lateFeesMinor, totalMinor: installmentsMinor + lateFeesMinor };
}
