import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Sql } from '../../src/platform/db/database.js';
import type {
  Currency,
  Customer,
  DB,
  Installment,
  NewCustomer,
  Order,
  OrderStatus,
  PaymentPlan,
  PlanKind,
  PlanStatus,
} from '../../src/platform/db/schema.js';
import { newId } from '../../src/platform/ids.js';

export type PaymentMethodRow = Selectable<DB['payment_methods']>;

export interface OrderFixture {
  order: Order;
  plan: PaymentPlan;
  installments: Installment[];
}

export interface BnplOrderOptions {
  customerId: string;
  merchantId?: string;
  currency?: Currency;
  totalMinor?: number;
  placedAt?: Date;
  kind?: PlanKind;
  installmentCount?: number;
  intervalDays?: number;
  /** Due date of installment 1; defaults to the day the order was placed. */
  firstDueDate?: string;
  /** The first N installments are paid (with a succeeded payment each). */
  paidCount?: number;
  paymentMethodId?: string | null;
  orderStatus?: OrderStatus;
  planStatus?: PlanStatus;
  aprBps?: number;
}

const token = () => randomBytes(5).toString('hex');

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Small builder for test data: every call inserts rows with unique ids and emails. */
export function fixtures(db: Sql) {
  async function customer(overrides: Partial<NewCustomer> = {}): Promise<Customer> {
    const t = token();
    return db
      .insertInto('customers')
      .values({
        id: newId(),
        given_name: 'Alex',
        family_name: `Tester${t}`,
        email: `alex.${t}@example.test`,
        phone: `+1 555 ${String(Number.parseInt(t.slice(0, 6), 16) % 10_000_000).padStart(7, '0')}`,
        country: 'US',
        locale: 'en-US',
        credit_limit_minor: 200_000,
        currency: 'USD',
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async function merchant(name = `Shop ${token()}`): Promise<{ id: string; name: string }> {
    return db
      .insertInto('merchants')
      .values({ id: newId(), name, category: 'fashion', country: 'US' })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
  }

  async function paymentMethod(
    customerId: string,
    overrides: Partial<Omit<PaymentMethodRow, 'id' | 'customer_id' | 'created_at'>> = {},
  ): Promise<PaymentMethodRow> {
    return db
      .insertInto('payment_methods')
      .values({
        id: newId(),
        customer_id: customerId,
        kind: 'card',
        brand: 'visa',
        last4: '4242',
        exp_month: 12,
        exp_year: 2030,
        fingerprint: `fp_${token()}${token()}`,
        is_default: true,
        status: 'active',
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async function bnplOrder(o: BnplOrderOptions): Promise<OrderFixture> {
    const currency = o.currency ?? 'USD';
    const total = o.totalMinor ?? 40_000;
    const count = o.installmentCount ?? 4;
    const placedAt = o.placedAt ?? new Date('2025-03-01T10:00:00Z');
    const merchantId = o.merchantId ?? (await merchant()).id;
    const order = await db
      .insertInto('orders')
      .values({
        id: newId(),
        reference: `ORD-${token().toUpperCase()}`,
        customer_id: o.customerId,
        merchant_id: merchantId,
        status: o.orderStatus ?? 'active',
        total_minor: total,
        currency,
        channel: 'online',
        placed_at: placedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto('order_items')
      .values({
        id: newId(),
        order_id: order.id,
        description: 'Rain jacket',
        quantity: 1,
        unit_price_minor: total,
        total_minor: total,
      })
      .execute();
    const plan = await db
      .insertInto('payment_plans')
      .values({
        id: newId(),
        order_id: order.id,
        customer_id: o.customerId,
        kind: o.kind ?? 'pay_in_4',
        status: o.planStatus ?? 'active',
        principal_minor: total,
        currency,
        apr_bps: o.aprBps ?? 0,
        installment_count: count,
        payment_method_id: o.paymentMethodId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const base = Math.floor(total / count);
    const first = o.firstDueDate ?? placedAt.toISOString().slice(0, 10);
    const paid = o.paidCount ?? 0;
    const installments: Installment[] = [];
    for (let seq = 1; seq <= count; seq++) {
      const amount = seq === 1 ? total - base * (count - 1) : base;
      const isPaid = seq <= paid;
      installments.push(
        await db
          .insertInto('installments')
          .values({
            id: newId(),
            plan_id: plan.id,
            seq,
            due_date: addDays(first, (seq - 1) * (o.intervalDays ?? 14)),
            amount_minor: amount,
            paid_minor: isPaid ? amount : 0,
            status: isPaid ? 'paid' : 'scheduled',
            paid_at: isPaid ? placedAt : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      if (isPaid) {
        await db
          .insertInto('payments')
          .values({
            id: newId(),
            plan_id: plan.id,
            installment_id: installments.at(-1)!.id,
            customer_id: o.customerId,
            payment_method_id: o.paymentMethodId ?? null,
            amount_minor: amount,
            currency,
            status: 'succeeded',
            attempted_at: placedAt,
          })
          .execute();
      }
    }
    return { order, plan, installments };
  }

  /** A device used by each of the given customers. */
  async function sharedDevice(customerIds: string[]): Promise<{ id: string; fingerprint: string }> {
    const device = await db
      .insertInto('devices')
      .values({ id: newId(), fingerprint: `dev_${token()}`, platform: 'android' })
      .returning(['id', 'fingerprint'])
      .executeTakeFirstOrThrow();
    for (const customerId of customerIds) {
      await db
        .insertInto('customer_devices')
        .values({ customer_id: customerId, device_id: device.id })
        .execute();
    }
    return device;
  }

  async function installment(id: string): Promise<Installment> {
    return db.selectFrom('installments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function planState(planId: string): Promise<{ plan: PaymentPlan; installments: Installment[] }> {
    const plan = await db
      .selectFrom('payment_plans')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    const installments = await db
      .selectFrom('installments')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('seq')
      .execute();
    return { plan, installments };
  }

  return { customer, merchant, paymentMethod, bnplOrder, sharedDevice, installment, planState };
}

export type Fixtures = ReturnType<typeof fixtures>;
