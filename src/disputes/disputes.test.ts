import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../../test/support/fixtures.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../test/support/test-database.js';
import { assessLateFee } from '../orders/assess-late-fee.js';
import type { DomainDeps } from '../orders/domain.js';
import { payInstallment } from '../orders/pay-installment.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { fixedClock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { openDispute } from './open-dispute.js';
import { resolveDispute } from './resolve-dispute.js';

describe.each(testDatabaseTargets())('disputes (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
  let events: RecordingEventBus;
  let deps: DomainDeps;
  const clock = fixedClock(new Date('2025-03-10T12:00:00Z'));
  const supervisor: Actor = { type: 'staff', id: newId() };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    f = fixtures(tdb.database.db);
  });
  afterAll(async () => {
    await tdb?.close();
  });
  beforeEach(() => {
    clock.set(new Date('2025-03-10T12:00:00Z'));
    events = new RecordingEventBus();
    deps = { db: tdb.database.db, events, clock };
  });

  // Placed 2025-03-01 with installment 1 paid; 2..4 due 03-15, 03-29, 04-12.
  async function setup() {
    const customer = await f.customer();
    await f.paymentMethod(customer.id);
    const o = await f.bnplOrder({ customerId: customer.id, paidCount: 1 });
    return { customer, actor: { type: 'customer', id: customer.id } as Actor, ...o };
  }

  it('pauses the plan and its unpaid installments, with an audit row and an event', async () => {
    const { customer, actor, order, plan } = await setup();
    const result = await openDispute(deps, actor, {
      customerId: customer.id,
      orderId: order.id,
      reason: 'item_not_received',
      description: 'Tracking shows nothing since March 2',
    });
    expect(result).toMatchObject({ planStatus: 'paused', pausedInstallments: 3 });
    expect(result.dispute).toMatchObject({ status: 'open', amountMinor: 40_000, currency: 'USD' });

    const state = await f.planState(plan.id);
    expect(state.plan).toMatchObject({
      status: 'paused',
      paused_reason: 'Paused while a dispute is reviewed (item not received)',
    });
    expect(state.installments.map((i) => i.status)).toEqual(['paid', 'paused', 'paused', 'paused']);

    const audit = await tdb.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'dispute.opened')
      .where('entity_id', '=', result.dispute.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'customer', actor_id: customer.id, entity_type: 'dispute' });
    expect(audit.before).toMatchObject({ dispute: null, plan: { status: 'active' } });
    expect(
      (audit.before as { installments: { status: string }[] }).installments.map((i) => i.status),
    ).toEqual(['paid', 'scheduled', 'scheduled', 'scheduled']);
    expect(audit.after).toMatchObject({ dispute: { status: 'open' }, plan: { status: 'paused' } });
    expect(events.events).toEqual([
      expect.objectContaining({ topic: `customer:${customer.id}`, type: 'dispute.opened' }),
    ]);
  });

  it('allows one open dispute per order and blocks payments and late fees meanwhile', async () => {
    const { customer, actor, order, installments } = await setup();
    const opened = await openDispute(deps, actor, {
      customerId: customer.id,
      orderId: order.id,
      reason: 'duplicate',
    });
    await expect(
      openDispute(deps, actor, { customerId: customer.id, orderId: order.id, reason: 'other' }),
    ).rejects.toMatchObject({ status: 409, details: { disputeId: opened.dispute.id } });
    await expect(
      payInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[1]!.id,
        idempotencyKey: 'd1',
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('paused') });
    clock.set(new Date('2025-03-20T12:00:00Z'));
    await expect(
      assessLateFee(deps, { type: 'system', id: null }, { installmentId: installments[1]!.id }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('hides other customers’ orders and refuses amounts above what is refundable', async () => {
    const { customer, actor, order } = await setup();
    const stranger = await f.customer();
    await expect(
      openDispute(
        deps,
        { type: 'customer', id: stranger.id },
        { customerId: stranger.id, orderId: order.id, reason: 'other' },
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      openDispute(deps, actor, {
        customerId: customer.id,
        orderId: order.id,
        reason: 'other',
        amountMinor: 40_001,
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('resumes the plan for the merchant and moves due dates by the days it was paused', async () => {
    const { customer, actor, order, plan } = await setup();
    const { dispute } = await openDispute(deps, actor, {
      customerId: customer.id,
      orderId: order.id,
      reason: 'other',
    });
    clock.set(new Date('2025-03-30T09:00:00Z')); // 20 days later
    const result = await resolveDispute(deps, supervisor, {
      disputeId: dispute.id,
      outcome: 'merchant',
      note: 'Delivered',
    });
    expect(result).toMatchObject({
      planStatus: 'active',
      refund: null,
      dispute: { status: 'resolved_merchant' },
    });
    const state = await f.planState(plan.id);
    expect(state.plan).toMatchObject({ status: 'active', paused_reason: null });
    expect(state.installments.map((i) => [i.due_date, i.status])).toEqual([
      ['2025-03-01', 'paid'],
      ['2025-04-04', 'scheduled'],
      ['2025-04-18', 'scheduled'],
      ['2025-05-02', 'scheduled'],
    ]);
    await expect(
      resolveDispute(deps, supervisor, { disputeId: dispute.id, outcome: 'customer' }),
    ).rejects.toMatchObject({ status: 409, message: 'This dispute is already closed (resolved_merchant)' });
    expect(events.ofType('dispute.resolved')).toHaveLength(1);
  });

  it('refunds and cancels the plan when the customer wins', async () => {
    const { customer, actor, order, plan } = await setup();
    const { dispute } = await openDispute(deps, actor, {
      customerId: customer.id,
      orderId: order.id,
      reason: 'unrecognized',
    });
    const result = await resolveDispute(deps, supervisor, { disputeId: dispute.id, outcome: 'customer' });
    expect(result.planStatus).toBe('cancelled');
    expect(result.refund).toMatchObject({ amountMinor: 40_000, status: 'processed' });
    const state = await f.planState(plan.id);
    expect(state.plan.status).toBe('cancelled');
    expect(state.installments.map((i) => [i.amount_minor, i.status])).toEqual([
      [10_000, 'paid'],
      [0, 'cancelled'],
      [0, 'cancelled'],
      [0, 'cancelled'],
    ]);
    const o = await tdb.database.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', order.id)
      .executeTakeFirst();
    expect(o?.status).toBe('refunded');
  });

  it('refunds only the disputed part and resumes the rest when a partial dispute is won', async () => {
    const { customer, actor, order, plan } = await setup();
    const { dispute } = await openDispute(deps, actor, {
      customerId: customer.id,
      orderId: order.id,
      reason: 'not_as_described',
      amountMinor: 12_000,
    });
    const result = await resolveDispute(deps, supervisor, { disputeId: dispute.id, outcome: 'customer' });
    expect(result.planStatus).toBe('active');
    const state = await f.planState(plan.id);
    expect(state.installments.map((i) => [i.amount_minor, i.status])).toEqual([
      [10_000, 'paid'],
      [10_000, 'scheduled'],
      [8_000, 'scheduled'],
      [0, 'cancelled'],
    ]);
    await expect(
      resolveDispute(deps, supervisor, { disputeId: newId(), outcome: 'withdrawn' }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});
