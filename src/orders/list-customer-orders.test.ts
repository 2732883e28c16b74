import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../../test/support/fixtures.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../test/support/test-database.js';
import { openDispute } from '../disputes/open-dispute.js';
import { fixedClock } from '../platform/clock.js';
import { processRefund } from '../refunds/process-refund.js';
import { registerReturn } from '../refunds/register-return.js';
import { assessLateFee } from './assess-late-fee.js';
import type { DomainDeps } from './domain.js';
import { getNextPayment } from './get-next-payment.js';
import { listCustomerOrders } from './list-customer-orders.js';
import { payInstallment } from './pay-installment.js';

/** Counts the statements a Kysely instance sends. */
function countingPlugin(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      plugin.count++;
      return args.node;
    },
    async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
      return args.result;
    },
  };
  return plugin;
}

describe.each(testDatabaseTargets())('customer order read models (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
  let deps: DomainDeps;
  const clock = fixedClock(new Date('2025-03-20T12:00:00Z'));

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    f = fixtures(tdb.database.db);
  });
  afterAll(async () => {
    await tdb?.close();
  });
  beforeEach(() => {
    deps = { db: tdb.database.db, events: new RecordingEventBus(), clock };
  });

  it('lists orders with merchant, items, plan, schedule, attempts, fees, refunds, returns and disputes', async () => {
    const customer = await f.customer();
    const actor = { type: 'customer' as const, id: customer.id };
    const card = await f.paymentMethod(customer.id, { status: 'expired', last4: '0005' });
    const merchant = await f.merchant('Nordic Outdoor');
    const first = await f.bnplOrder({
      customerId: customer.id,
      merchantId: merchant.id,
      paidCount: 1,
      paymentMethodId: card.id,
      placedAt: new Date('2025-03-01T10:00:00Z'),
    });
    const second = await f.bnplOrder({
      customerId: customer.id,
      totalMinor: 12_000,
      placedAt: new Date('2025-03-12T10:00:00Z'),
    });
    await payInstallment(deps, actor, {
      customerId: customer.id,
      installmentId: first.installments[1]!.id,
      idempotencyKey: 'declined-1',
    });
    await assessLateFee(deps, { type: 'system', id: null }, { installmentId: first.installments[1]!.id });
    await registerReturn(deps, actor, {
      customerId: customer.id,
      orderId: second.order.id,
      reason: 'Too small',
    });
    await processRefund(
      deps,
      { type: 'system', id: null },
      { orderId: second.order.id, amountMinor: 3_000, reason: 'Partial' },
    );
    await openDispute(deps, actor, {
      customerId: customer.id,
      orderId: first.order.id,
      reason: 'not_as_described',
    });

    const orders = await listCustomerOrders(tdb.database.db, customer.id);
    expect(orders.map((o) => o.id)).toEqual([second.order.id, first.order.id]);
    const [recent, older] = orders as [(typeof orders)[0], (typeof orders)[0]];
    expect(older).toMatchObject({
      reference: first.order.reference,
      merchant: { id: merchant.id, name: 'Nordic Outdoor' },
      totalMinor: 40_000,
      currency: 'USD',
      items: [{ description: 'Rain jacket', quantity: 1, unitPriceMinor: 40_000, totalMinor: 40_000 }],
      plan: {
        kind: 'pay_in_4',
        status: 'paused',
        principalMinor: 40_000,
        aprBps: 0,
        outstandingMinor: 30_700,
      },
      disputes: [{ reason: 'not_as_described', status: 'open' }],
    });
    expect(older.plan?.installments.map((i) => [i.seq, i.status, i.paidMinor])).toEqual([
      [1, 'paid', 10_000],
      [2, 'paused', 0],
      [3, 'paused', 0],
      [4, 'paused', 0],
    ]);
    expect(older.plan?.payments.find((p) => p.status === 'failed')).toMatchObject({
      failureCode: 'payment_method_expired',
      failureReason: 'The visa ending 0005 is expired',
    });
    expect(older.plan?.lateFees).toEqual([expect.objectContaining({ amountMinor: 700, status: 'charged' })]);
    expect(recent).toMatchObject({
      status: 'partially_refunded',
      refundedMinor: 3_000,
      refunds: [{ amountMinor: 3_000, status: 'processed' }],
      returns: [{ reason: 'Too small', status: 'requested' }],
    });
    expect(await listCustomerOrders(tdb.database.db, customer.id, { orderId: first.order.id })).toHaveLength(
      1,
    );
    expect(await listCustomerOrders(tdb.database.db, (await f.customer()).id)).toEqual([]);
  });

  it('uses the same number of queries for one order or many', async () => {
    const few = await f.customer();
    const many = await f.customer();
    await f.bnplOrder({ customerId: few.id });
    for (let i = 0; i < 6; i++) await f.bnplOrder({ customerId: many.id });
    const counter = countingPlugin();
    const db = tdb.database.db.withPlugin(counter);
    await listCustomerOrders(db, few.id);
    const forOne = counter.count;
    counter.count = 0;
    expect(await listCustomerOrders(db, many.id)).toHaveLength(6);
    expect(counter.count).toBe(forOne);
    expect(forOne).toBeLessThanOrEqual(12);
  });

  it('finds the next payment: overdue first, paused plans skipped, fees included', async () => {
    const customer = await f.customer();
    const method = await f.paymentMethod(customer.id);
    expect(await getNextPayment(tdb.database.db, customer.id, '2025-03-20')).toBeNull();
    const late = await f.bnplOrder({ customerId: customer.id, paidCount: 1, paymentMethodId: method.id });
    await f.bnplOrder({ customerId: customer.id, firstDueDate: '2025-03-01', planStatus: 'paused' });
    await assessLateFee(deps, { type: 'system', id: null }, { installmentId: late.installments[1]!.id });
    const next = await getNextPayment(tdb.database.db, customer.id, '2025-03-20');
    expect(next).toMatchObject({
      installmentId: late.installments[1]!.id,
      orderReference: late.order.reference,
      seq: 2,
      installmentCount: 4,
      dueDate: '2025-03-15',
      amountMinor: 10_700,
      installmentRemainingMinor: 10_000,
      lateFeesMinor: 700,
      status: 'late',
      overdue: true,
      daysUntilDue: -5,
      paymentMethod: { id: method.id, brand: 'visa', last4: '4242' },
    });
  });
});
