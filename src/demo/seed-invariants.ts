import { sql } from 'kysely';
import type { Sql } from '../platform/db/database.js';

/**
 * Consistency rules of the BNPL ledger, each a query counting the rows that break it
 * (`:now` and `:today` stand for the instant the company was seeded up to).
 * Tests run them after seeding; the bench can run them after a large seed.
 */
export const SEED_INVARIANTS: Readonly<Record<string, string>> = {
  'installments sum to the plan principal and match its count': `
    select count(*) from payment_plans p
    left join (select plan_id, sum(amount_minor) as total, count(*) as n from installments group by plan_id) i
      on i.plan_id = p.id
    where i.total is distinct from p.principal_minor or i.n is distinct from p.installment_count::bigint`,
  'paid installments are paid in full, unpaid ones not at all': `
    select count(*) from installments
    where (status = 'paid' and (paid_minor <> amount_minor or paid_at is null))
       or (status <> 'paid' and (paid_minor <> 0 or paid_at is not null))`,
  'paid installments have exactly one successful payment of their amount, unpaid ones none': `
    select count(*) from installments i
    left join (select installment_id, count(*) as n, min(amount_minor) as lo, max(amount_minor) as hi
               from payments where status in ('succeeded', 'refunded') group by installment_id) p
      on p.installment_id = i.id
    where (i.status = 'paid' and (p.n is distinct from 1 or p.lo <> i.amount_minor))
       or (i.status <> 'paid' and p.n is not null)`,
  'order total is the sum of its items': `
    select count(*) from orders o
    left join (select order_id, sum(total_minor) as total from order_items group by order_id) it on it.order_id = o.id
    where it.total is distinct from o.total_minor`,
  'item total is quantity times unit price': `
    select count(*) from order_items where total_minor <> quantity * unit_price_minor`,
  'plan principal equals the order total': `
    select count(*) from payment_plans p join orders o on o.id = p.order_id where p.principal_minor <> o.total_minor`,
  'currency agrees between customer, order and plan': `
    select count(*) from payment_plans p
    join orders o on o.id = p.order_id join customers c on c.id = o.customer_id
    where p.currency <> o.currency or o.currency <> c.currency or p.customer_id <> o.customer_id`,
  'paused plans have an open dispute': `
    select count(*) from payment_plans p
    where p.status = 'paused' and not exists (
      select 1 from disputes d where d.order_id = p.order_id and d.status in ('open', 'under_review'))`,
  'open disputes pause their plan': `
    select count(*) from disputes d join payment_plans p on p.order_id = d.order_id
    where d.status in ('open', 'under_review') and p.status <> 'paused'`,
  'paused plans owe nothing but paused installments': `
    select count(*) from installments i join payment_plans p on p.id = i.plan_id
    where p.status = 'paused' and i.status not in ('paid', 'paused')`,
  'paused installments belong to paused plans': `
    select count(*) from installments i join payment_plans p on p.id = i.plan_id
    where i.status = 'paused' and p.status <> 'paused'`,
  'completed plans are fully settled': `
    select count(*) from installments i join payment_plans p on p.id = i.plan_id
    where p.status = 'completed' and i.status not in ('paid', 'waived', 'cancelled')`,
  'active plans still expect money': `
    select count(*) from payment_plans p
    where p.status in ('active', 'defaulted') and not exists (
      select 1 from installments i where i.plan_id = p.id and i.status in ('scheduled', 'late', 'failed'))`,
  'processed refunds never exceed the order total': `
    select count(*) from orders o
    join (select order_id, sum(amount_minor) as refunded from refunds where status = 'processed' group by order_id) r
      on r.order_id = o.id
    where r.refunded > o.total_minor`,
  'order status agrees with processed refunds': `
    select count(*) from orders o
    left join (select order_id, sum(amount_minor) as refunded from refunds where status = 'processed'
               group by order_id) r on r.order_id = o.id
    where (o.status = 'refunded') <> (coalesce(r.refunded, 0) = o.total_minor)
       or (o.status = 'partially_refunded') <> (coalesce(r.refunded, 0) > 0 and r.refunded < o.total_minor)`,
  'order status agrees with the plan': `
    select count(*) from orders o join payment_plans p on p.order_id = o.id
    where (o.status = 'completed' and p.status <> 'completed')
       or (o.status = 'cancelled' and p.status <> 'cancelled')
       or (o.status = 'active' and p.status not in ('active', 'paused', 'defaulted'))`,
  'late and failed installments are overdue': `
    select count(*) from installments where status in ('late', 'failed') and due_date >= :today`,
  'late fees belong to overdue or late-paid installments': `
    select count(*) from late_fees f join installments i on i.id = f.installment_id
    where i.status not in ('late', 'paid') or f.plan_id <> i.plan_id`,
  'failed payments carry a failure code': `
    select count(*) from payments
    where (status = 'failed') <> (failure_code is not null)`,
  'order references look like TDM-XXXXXX': `
    select count(*) from orders where reference !~ '^TDM-[0-9A-HJKMNP-TV-Z]{6}$'`,
  'financing plans have a term and the rest none': `
    select count(*) from payment_plans
    where (kind = 'financing') <> (term_months is not null)
       or (kind <> 'financing' and apr_bps <> 0)
       or (kind = 'pay_in_4' and installment_count <> 4)
       or (kind = 'pay_in_30' and installment_count <> 1)`,
  'nothing happened after now': `
    select (select count(*) from orders where placed_at > :now)
         + (select count(*) from payments where attempted_at > :now)
         + (select count(*) from refunds where processed_at > :now)
         + (select count(*) from logins where occurred_at > :now)`,
  'default payment methods are active': `
    select count(*) from payment_methods where is_default and status <> 'active'`,
};

export interface InvariantViolation {
  rule: string;
  rows: number;
}

/** Runs every rule against a company seeded up to `now`; returns the failing ones with their row counts. */
export async function checkSeedInvariants(db: Sql, now: Date): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  const iso = now.toISOString();
  for (const [rule, query] of Object.entries(SEED_INVARIANTS)) {
    const text = query
      .replaceAll(':now', `'${iso}'::timestamptz`)
      .replaceAll(':today', `'${iso.slice(0, 10)}'::date`);
    const result = await sql<{ n: number }>`select (${sql.raw(text)}) as n`.execute(db);
    const rows = Number(result.rows[0]?.n ?? 0);
    if (rows > 0) violations.push({ rule, rows });
  }
  return violations;
}
