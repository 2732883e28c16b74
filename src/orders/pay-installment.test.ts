import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../../test/support/fixtures.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../test/support/test-database.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { fixedClock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { processRefund } from '../refunds/process-refund.js';
import type { DomainDeps } from './domain.js';
import { payInstallment } from './pay-installment.js';
import { payOffPlan } from './pay-off-plan.js';

describe.each(testDatabaseTargets())('paying installments (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
  let events: RecordingEventBus;
  let deps: DomainDeps;
  const clock = fixedClock(new Date('2025-03-10T12:00:00Z'));

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

  async function setup(opts: { methodStatus?: 'active' | 'expired' | 'removed'; paidCount?: number } = {}) {
    const customer = await f.customer();
    const method = await f.paymentMethod(customer.id, { status: opts.methodStatus ?? 'active' });
    const o = await f.bnplOrder({
      customerId: customer.id,
      paymentMethodId: method.id,
      paidCount: opts.paidCount ?? 1,
    });
    const actor: Actor = { type: 'customer', id: customer.id };
    return { customer, method, actor, ...o };
  }

  const payments = (installmentId: string) =>
    tdb.database.db.selectFrom('payments').selectAll().where('installment_id', '=', installmentId).execute();

  it('charges the installment, records the payment, audits and publishes', async () => {
    const { customer, actor, installments } = await setup();
    const target = installments[1]!;
    const result = await payInstallment(deps, actor, {
      customerId: customer.id,
      installmentId: target.id,
      idempotencyKey: 'pay-1',
    });
    expect(result).toMatchObject({ outcome: 'succeeded', replayed: false, planStatus: 'active' });
    expect(result.payment).toMatchObject({ amountMinor: 10_000, currency: 'USD', status: 'succeeded' });
    expect(result.installment).toMatchObject({ status: 'paid', paidMinor: 10_000, remainingMinor: 0 });

    const audit = await tdb.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'installment.paid',
      actor_type: 'customer',
      actor_id: customer.id,
    });
    expect(audit.before).toMatchObject({ installment: { status: 'scheduled', paidMinor: 0 } });
    expect(audit.after).toMatchObject({ installment: { status: 'paid', paidMinor: 10_000 } });
    expect(events.events).toHaveLength(1);
    expect(events.events[0]).toMatchObject({ topic: `customer:${customer.id}`, type: 'installment.paid' });
    expect(events.inTransaction).toEqual([true]);
  });

  it('is idempotent: the same key twice makes one payment', async () => {
    const { customer, actor, installments } = await setup();
    const input = { customerId: customer.id, installmentId: installments[1]!.id, idempotencyKey: 'same-key' };
    const first = await payInstallment(deps, actor, input);
    const second = await payInstallment(deps, actor, input);
    expect(second.replayed).toBe(true);
    expect(second.payment.id).toBe(first.payment.id);
    expect(await payments(installments[1]!.id)).toHaveLength(1);
  });

  it('refuses a key reused for another installment', async () => {
    const { customer, actor, installments } = await setup();
    await payInstallment(deps, actor, {
      customerId: customer.id,
      installmentId: installments[1]!.id,
      idempotencyKey: 'k',
    });
    await expect(
      payInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[2]!.id,
        idempotencyKey: 'k',
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('idempotency key') });
  });

  it('records a declined attempt when the payment method is not active', async () => {
    const { customer, actor, installments } = await setup({ methodStatus: 'expired' });
    // Due before "today" (2025-03-10): a declined charge marks it failed.
    const result = await payInstallment(deps, actor, {
      customerId: customer.id,
      installmentId: installments[1]!.id,
      idempotencyKey: 'declined',
    });
    expect(result.outcome).toBe('failed');
    expect(result.payment).toMatchObject({
      status: 'failed',
      failureCode: 'payment_method_expired',
      failureReason: 'The visa ending 4242 is expired',
    });
    expect(result.installment.status).toBe('scheduled');
    expect(await payments(installments[1]!.id)).toHaveLength(1);
    expect(events.ofType('payment.failed')).toHaveLength(1);
  });

  it('marks a due installment failed when the charge is declined', async () => {
    const customer = await f.customer();
    const method = await f.paymentMethod(customer.id, { status: 'removed' });
    const { installments } = await f.bnplOrder({
      customerId: customer.id,
      paymentMethodId: method.id,
      firstDueDate: '2025-03-10',
    });
    const result = await payInstallment(
      deps,
      { type: 'customer', id: customer.id },
      { customerId: customer.id, installmentId: installments[0]!.id, idempotencyKey: 'due-today' },
    );
    expect(result.outcome).toBe('failed');
    expect(result.installment.status).toBe('failed');
  });

  it("reports another customer's installment as not found", async () => {
    const { installments } = await setup();
    const stranger = await f.customer();
    await expect(
      payInstallment(
        deps,
        { type: 'customer', id: stranger.id },
        { customerId: stranger.id, installmentId: installments[1]!.id, idempotencyKey: 'x' },
      ),
    ).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(
      payInstallment(
        deps,
        { type: 'customer', id: stranger.id },
        { customerId: stranger.id, installmentId: newId(), idempotencyKey: 'y' },
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('charges once when two requests with different keys race on one installment', async () => {
    const { customer, actor, installments } = await setup();
    const target = installments[1]!.id;
    const results = await Promise.allSettled(
      ['race-a', 'race-b', 'race-c'].map((key) =>
        payInstallment(deps, actor, { customerId: customer.id, installmentId: target, idempotencyKey: key }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    const rows = await payments(target);
    expect(rows.filter((p) => p.status === 'succeeded')).toHaveLength(1);
  });

  it('returns the one payment when the same key races', async () => {
    const { customer, actor, installments } = await setup();
    const input = {
      customerId: customer.id,
      installmentId: installments[1]!.id,
      idempotencyKey: 'same-race',
    };
    const [a, b] = await Promise.all([
      payInstallment(deps, actor, input),
      payInstallment(deps, actor, input),
    ]);
    expect(a.payment.id).toBe(b.payment.id);
    expect(await payments(installments[1]!.id)).toHaveLength(1);
  });

  it('takes order and plan locks in the same order as refunds, so they never deadlock', async () => {
    for (let round = 0; round < 3; round++) {
      const { customer, actor, installments, order } = await setup({ paidCount: 3 });
      const results = await Promise.allSettled([
        payInstallment(deps, actor, {
          customerId: customer.id,
          installmentId: installments[3]!.id,
          idempotencyKey: `lock-order-${round}`,
        }),
        processRefund(
          deps,
          { type: 'system', id: null },
          { orderId: order.id, amountMinor: 5_000, reason: 'Race' },
        ),
      ]);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: expect.any(Number) });
      }
    }
  });

  it('completes the plan and the order with the last installment', async () => {
    const { customer, actor, installments, plan, order } = await setup({ paidCount: 3 });
    const result = await payInstallment(deps, actor, {
      customerId: customer.id,
      installmentId: installments[3]!.id,
      idempotencyKey: 'last',
    });
    expect(result.planStatus).toBe('completed');
    const state = await f.planState(plan.id);
    expect(state.plan.status).toBe('completed');
    const o = await tdb.database.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', order.id)
      .executeTakeFirst();
    expect(o?.status).toBe('completed');
  });

  it('refuses to pay twice or to pay on a paused plan', async () => {
    const { customer, actor, installments, plan } = await setup();
    await expect(
      payInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[0]!.id,
        idempotencyKey: 'p0',
      }),
    ).rejects.toMatchObject({ status: 409, message: 'This installment is already paid' });
    await tdb.database.db
      .updateTable('payment_plans')
      .set({ status: 'paused' })
      .where('id', '=', plan.id)
      .execute();
    await expect(
      payInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[1]!.id,
        idempotencyKey: 'p1',
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('paused') });
  });

  it('collects a charged late fee with the installment', async () => {
    const { customer, actor, installments, plan } = await setup();
    await tdb.database.db
      .insertInto('late_fees')
      .values({
        id: newId(),
        installment_id: installments[1]!.id,
        plan_id: plan.id,
        customer_id: customer.id,
        amount_minor: 700,
        currency: 'USD',
        status: 'charged',
      })
      .execute();
    const result = await payInstallment(deps, actor, {
      customerId: customer.id,
      installmentId: installments[1]!.id,
      idempotencyKey: 'with-fee',
    });
    expect(result.payment.amountMinor).toBe(10_700);
    expect(result.lateFeesPaidMinor).toBe(700);
    const fee = await tdb.database.db
      .selectFrom('late_fees')
      .select('status')
      .where('installment_id', '=', installments[1]!.id)
      .executeTakeFirstOrThrow();
    expect(fee.status).toBe('paid');
  });

  it('pays off a whole plan in one charge, idempotently', async () => {
    const { customer, actor, plan } = await setup();
    const input = { customerId: customer.id, planId: plan.id, idempotencyKey: 'payoff' };
    const result = await payOffPlan(deps, actor, input);
    expect(result).toMatchObject({ outcome: 'succeeded', planStatus: 'completed' });
    expect(result.payment.amountMinor).toBe(30_000);
    expect(result.installments.every((i) => i.status === 'paid')).toBe(true);
    expect((await payOffPlan(deps, actor, input)).replayed).toBe(true);
    await expect(payOffPlan(deps, actor, { ...input, idempotencyKey: 'payoff-2' })).rejects.toMatchObject({
      status: 409,
      message: 'This plan is already paid off',
    });
    expect(events.ofType('plan.paid_off')).toHaveLength(1);
  });
});
