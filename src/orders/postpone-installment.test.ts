import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../../test/support/fixtures.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../test/support/test-database.js';
import { fixedClock } from '../platform/clock.js';
import type { DomainDeps } from './domain.js';
import { postponeInstallment } from './postpone-installment.js';

describe.each(testDatabaseTargets())('postponeInstallment (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
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
    deps = { db: tdb.database.db, events: new RecordingEventBus(), clock };
  });

  // Placed 2025-03-01, paid at checkout; installment 2 is due 2025-03-15 (not yet due on 03-10).
  async function setup() {
    const customer = await f.customer();
    const o = await f.bnplOrder({ customerId: customer.id, paidCount: 1 });
    return { customer, actor: { type: 'customer' as const, id: customer.id }, ...o };
  }

  it('moves the next installment once and audits the change', async () => {
    const { customer, actor, installments, plan } = await setup();
    const result = await postponeInstallment(deps, actor, {
      customerId: customer.id,
      installmentId: installments[1]!.id,
      days: 14,
    });
    expect(result).toMatchObject({ previousDueDate: '2025-03-15', postponementsUsed: 1 });
    expect(result.installment.dueDate).toBe('2025-03-29');
    const audit = await tdb.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'installment.postponed')
      .where('entity_id', '=', installments[1]!.id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({
      installment: { dueDate: '2025-03-15' },
      plan: { postponementsUsed: 0 },
    });
    expect(audit.after).toMatchObject({
      installment: { dueDate: '2025-03-29' },
      plan: { postponementsUsed: 1 },
    });

    await expect(
      postponeInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[1]!.id,
        days: 3,
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('only once') });
    expect((await f.planState(plan.id)).plan.postponements_used).toBe(1);
  });

  it('allows at most 14 days', async () => {
    const { customer, actor, installments } = await setup();
    for (const days of [0, 15, 2.5]) {
      await expect(
        postponeInstallment(deps, actor, {
          customerId: customer.id,
          installmentId: installments[1]!.id,
          days,
        }),
      ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('14 days') });
    }
  });

  it('only postpones the next unpaid installment', async () => {
    const { customer, actor, installments } = await setup();
    await expect(
      postponeInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[2]!.id,
        days: 7,
      }),
    ).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('Only the next unpaid installment'),
    });
  });

  it('refuses late and paused installments and inactive plans', async () => {
    const { customer, actor, installments, plan } = await setup();
    const db = tdb.database.db;
    await db
      .updateTable('installments')
      .set({ status: 'late' })
      .where('id', '=', installments[1]!.id)
      .execute();
    await expect(
      postponeInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[1]!.id,
        days: 7,
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('Late, failed or paused') });

    await db
      .updateTable('installments')
      .set({ status: 'paused' })
      .where('plan_id', '=', plan.id)
      .where('seq', '>', 1)
      .execute();
    await db.updateTable('payment_plans').set({ status: 'paused' }).where('id', '=', plan.id).execute();
    await expect(
      postponeInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[1]!.id,
        days: 7,
      }),
    ).rejects.toMatchObject({
      status: 409,
      message: 'Only active plans can be postponed; this plan is paused',
    });
  });

  it('treats an installment past its due date as late even before the nightly job marks it', async () => {
    const customer = await f.customer();
    const { installments } = await f.bnplOrder({ customerId: customer.id, firstDueDate: '2025-03-05' });
    await expect(
      postponeInstallment(
        deps,
        { type: 'customer', id: customer.id },
        { customerId: customer.id, installmentId: installments[0]!.id, days: 7 },
      ),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('is not available on a locked account', async () => {
    const { customer, actor, installments } = await setup();
    await tdb.database.db
      .updateTable('customers')
      .set({ status: 'locked' })
      .where('id', '=', customer.id)
      .execute();
    await expect(
      postponeInstallment(deps, actor, {
        customerId: customer.id,
        installmentId: installments[1]!.id,
        days: 7,
      }),
    ).rejects.toMatchObject({
      status: 409,
      message: 'Postponing is not available while the account is locked',
    });
  });

  it("hides another customer's installment", async () => {
    const { installments } = await setup();
    const stranger = await f.customer();
    await expect(
      postponeInstallment(
        deps,
        { type: 'customer', id: stranger.id },
        { customerId: stranger.id, installmentId: installments[1]!.id, days: 7 },
      ),
    ).rejects.toMatchObject({ status: 404 });
  });
});
