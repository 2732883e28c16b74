import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../../test/support/fixtures.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../test/support/test-database.js';
import type { DomainDeps } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { fixedClock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { processRefund } from './process-refund.js';
import { registerReturn } from './register-return.js';

describe.each(testDatabaseTargets())('returns and refunds (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
  let events: RecordingEventBus;
  let deps: DomainDeps;
  const clock = fixedClock(new Date('2025-03-20T12:00:00Z'));
  const agent: Actor = { type: 'staff', id: newId() };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    f = fixtures(tdb.database.db);
  });
  afterAll(async () => {
    await tdb?.close();
  });
  beforeEach(() => {
    events = new RecordingEventBus();
    deps = { db: tdb.database.db, events, clock };
  });

  const amounts = async (planId: string) =>
    (await f.planState(planId)).installments.map((i) => [i.amount_minor, i.status] as const);
  const orderStatus = async (orderId: string) =>
    (
      await tdb.database.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow()
    ).status;

  it('takes a partial refund off the last installments first', async () => {
    const customer = await f.customer();
    const { order, plan } = await f.bnplOrder({ customerId: customer.id, paidCount: 1 });
    const result = await processRefund(deps, agent, {
      orderId: order.id,
      amountMinor: 15_000,
      reason: 'Item missing',
    });
    expect(result).toMatchObject({
      reducedInstallmentsMinor: 15_000,
      returnedToCustomerMinor: 0,
      orderStatus: 'partially_refunded',
      planStatus: 'active',
    });
    expect(await amounts(plan.id)).toEqual([
      [10_000, 'paid'],
      [10_000, 'scheduled'],
      [5_000, 'scheduled'],
      [0, 'cancelled'],
    ]);
    expect(await orderStatus(order.id)).toBe('partially_refunded');
    expect(events.ofType('refund.processed')[0]).toMatchObject({ topic: `customer:${customer.id}` });
    const audit = await tdb.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'refund.processed')
      .where('entity_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ orderStatus: 'active' });
    expect(audit.after).toMatchObject({ orderStatus: 'partially_refunded', refund: { amountMinor: 15_000 } });
  });

  it('returns what was already paid once the unpaid balance is covered, and completes the plan', async () => {
    const customer = await f.customer();
    const { order, plan } = await f.bnplOrder({ customerId: customer.id, paidCount: 2 });
    const result = await processRefund(deps, agent, {
      orderId: order.id,
      amountMinor: 40_000,
      reason: 'Returned',
    });
    expect(result).toMatchObject({
      reducedInstallmentsMinor: 20_000,
      returnedToCustomerMinor: 20_000,
      orderStatus: 'refunded',
      planStatus: 'completed',
    });
    expect(await amounts(plan.id)).toEqual([
      [10_000, 'paid'],
      [10_000, 'paid'],
      [0, 'cancelled'],
      [0, 'cancelled'],
    ]);
    await expect(
      processRefund(deps, agent, { orderId: order.id, amountMinor: 1, reason: 'More' }),
    ).rejects.toMatchObject({ status: 409, message: 'This order is already fully refunded' });
  });

  it('never refunds more than the order total across several refunds', async () => {
    const customer = await f.customer();
    const { order } = await f.bnplOrder({ customerId: customer.id, paidCount: 1 });
    await processRefund(deps, agent, { orderId: order.id, amountMinor: 30_000, reason: 'First' });
    await expect(
      processRefund(deps, agent, { orderId: order.id, amountMinor: 10_001, reason: 'Too much' }),
    ).rejects.toMatchObject({
      status: 422,
      details: { refundableMinor: 10_000, currency: 'USD' },
      message: expect.stringContaining('USD 100.00'),
    });
    // Concurrent refunds serialize on the order row: only one of two 10 000 refunds fits in what remains.
    const results = await Promise.allSettled([
      processRefund(deps, agent, { orderId: order.id, amountMinor: 6_000, reason: 'A' }),
      processRefund(deps, agent, { orderId: order.id, amountMinor: 6_000, reason: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const total = await tdb.database.db
      .selectFrom('refunds')
      .select((eb) => eb.fn.sum<number>('amount_minor').as('sum'))
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(Number(total.sum)).toBe(36_000);
    await expect(
      processRefund(deps, agent, { orderId: order.id, amountMinor: 0, reason: 'Zero' }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('registers a return within 30 days and refunds it', async () => {
    const customer = await f.customer();
    const actor: Actor = { type: 'customer', id: customer.id };
    const { order } = await f.bnplOrder({
      customerId: customer.id,
      placedAt: new Date('2025-02-19T13:00:00Z'),
    });
    const ret = await registerReturn(deps, actor, {
      customerId: customer.id,
      orderId: order.id,
      reason: 'Wrong size',
    });
    expect(ret).toMatchObject({ orderId: order.id, status: 'requested', reason: 'Wrong size' });
    await expect(
      registerReturn(deps, actor, { customerId: customer.id, orderId: order.id, reason: 'Again' }),
    ).rejects.toMatchObject({ status: 409, message: 'A return for this order is already in progress' });
    const refund = await processRefund(deps, agent, {
      orderId: order.id,
      amountMinor: 40_000,
      reason: 'Return received',
      returnId: ret.id,
    });
    expect(refund.refund.returnId).toBe(ret.id);
    const row = await tdb.database.db
      .selectFrom('returns')
      .select('status')
      .where('id', '=', ret.id)
      .executeTakeFirst();
    expect(row?.status).toBe('received');
    await expect(
      registerReturn(deps, actor, { customerId: customer.id, orderId: order.id, reason: 'Once more' }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('fully refunded') });
  });

  it('refuses returns after 30 days and hides other customers’ orders', async () => {
    const customer = await f.customer();
    const actor: Actor = { type: 'customer', id: customer.id };
    const { order } = await f.bnplOrder({
      customerId: customer.id,
      placedAt: new Date('2025-02-18T10:00:00Z'),
    });
    await expect(
      registerReturn(deps, actor, { customerId: customer.id, orderId: order.id, reason: 'Too late' }),
    ).rejects.toMatchObject({
      status: 422,
      message: 'Returns must be registered within 30 days of purchase; this order was placed on 2025-02-18',
    });
    const stranger = await f.customer();
    await expect(
      registerReturn(
        deps,
        { type: 'customer', id: stranger.id },
        { customerId: stranger.id, orderId: order.id, reason: 'Mine?' },
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      processRefund(deps, agent, {
        orderId: order.id,
        amountMinor: 100,
        reason: 'x',
        customerId: stranger.id,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
