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
import { assessLateFee, lateFeeFor } from './assess-late-fee.js';
import type { DomainDeps } from './domain.js';
import { waiveLateFee } from './waive-late-fee.js';

describe('late fee policy', () => {
  it('is a flat fee capped at a quarter of the installment', () => {
    expect(lateFeeFor(10_000, 'USD')).toBe(700);
    expect(lateFeeFor(100_000, 'SEK')).toBe(7_500);
    expect(lateFeeFor(2_000, 'USD')).toBe(500);
  });
});

describe.each(testDatabaseTargets())('late fees (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
  let events: RecordingEventBus;
  let deps: DomainDeps;
  const clock = fixedClock(new Date('2025-03-20T12:00:00Z'));
  const system: Actor = { type: 'system', id: null };
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

  // Placed 2025-03-01: installment 2 was due 2025-03-15, installment 3 is due 2025-03-29.
  async function setup(currency: 'USD' | 'SEK' = 'USD') {
    const customer = await f.customer({ currency, country: currency === 'USD' ? 'US' : 'SE' });
    const totalMinor = currency === 'USD' ? 40_000 : 400_000;
    return {
      customer,
      ...(await f.bnplOrder({ customerId: customer.id, paidCount: 1, currency, totalMinor })),
    };
  }

  it('charges one fee on a late installment and marks it late', async () => {
    const { customer, installments } = await setup();
    const fee = await assessLateFee(deps, system, { installmentId: installments[1]!.id });
    expect(fee).toMatchObject({ amountMinor: 700, currency: 'USD', status: 'charged' });
    expect((await f.installment(installments[1]!.id)).status).toBe('late');
    expect(events.events[0]).toMatchObject({ topic: `customer:${customer.id}`, type: 'late_fee.charged' });
    await expect(assessLateFee(deps, system, { installmentId: installments[1]!.id })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('the limit is one'),
    });
  });

  it('uses SEK 75 in Sweden', async () => {
    const { installments } = await setup('SEK');
    expect((await assessLateFee(deps, system, { installmentId: installments[1]!.id })).amountMinor).toBe(
      7_500,
    );
  });

  it('refuses installments that are not late, paid, or on a paused plan', async () => {
    const { installments, plan } = await setup();
    await expect(assessLateFee(deps, system, { installmentId: installments[2]!.id })).rejects.toMatchObject({
      status: 409,
      message: 'This installment is not late: it is due on 2025-03-29',
    });
    await expect(assessLateFee(deps, system, { installmentId: installments[0]!.id })).rejects.toMatchObject({
      status: 409,
    });
    await tdb.database.db
      .updateTable('payment_plans')
      .set({ status: 'paused' })
      .where('id', '=', plan.id)
      .execute();
    await expect(assessLateFee(deps, system, { installmentId: installments[1]!.id })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('paused'),
    });
    await expect(assessLateFee(deps, system, { installmentId: newId() })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('waives a charged fee once, with the reason audited', async () => {
    const { installments } = await setup();
    const fee = await assessLateFee(deps, system, { installmentId: installments[1]!.id });
    const waived = await waiveLateFee(deps, agent, {
      lateFeeId: fee.id,
      reason: 'First late payment, goodwill',
    });
    expect(waived).toMatchObject({ status: 'waived', waivedReason: 'First late payment, goodwill' });
    const audit = await tdb.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'late_fee.waived')
      .where('entity_id', '=', fee.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_type: 'staff',
      actor_id: agent.id,
      reason: 'First late payment, goodwill',
    });
    expect(audit.before).toMatchObject({ status: 'charged' });
    expect(audit.after).toMatchObject({ status: 'waived' });
    await expect(waiveLateFee(deps, agent, { lateFeeId: fee.id, reason: 'again' })).rejects.toMatchObject({
      status: 409,
    });
    // A waived fee is not charged again on the same installment.
    await expect(assessLateFee(deps, system, { installmentId: installments[1]!.id })).rejects.toMatchObject({
      status: 409,
    });
    await expect(waiveLateFee(deps, agent, { lateFeeId: newId(), reason: 'nope' })).rejects.toMatchObject({
      status: 404,
    });
  });
});
