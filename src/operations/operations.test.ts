import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../../test/support/fixtures.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../test/support/test-database.js';
import { openDispute } from '../disputes/open-dispute.js';
import { assessLateFee } from '../orders/assess-late-fee.js';
import type { DomainDeps } from '../orders/domain.js';
import { fixedClock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { getOpsOverview } from './get-ops-overview.js';
import { listSharedDevices } from './list-shared-devices.js';

describe.each(testDatabaseTargets())('operations views (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
  let deps: DomainDeps;
  const clock = fixedClock(new Date('2025-03-20T12:00:00Z'));

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    f = fixtures(tdb.database.db);
    deps = { db: tdb.database.db, events: new RecordingEventBus(), clock };
  });
  afterAll(async () => {
    await tdb?.close();
  });

  it('computes the live overview from the database', async () => {
    const us = await f.customer();
    const se = await f.customer({ country: 'SE', currency: 'SEK', locale: 'sv-SE' });
    await f.customer({ status: 'locked', status_reason: 'review' });
    // USD: installment 2 due 03-15 (overdue), 3 due 03-29, 4 due 04-12 → 300.00 outstanding.
    const late = await f.bnplOrder({ customerId: us.id, paidCount: 1 });
    await assessLateFee(deps, { type: 'system', id: null }, { installmentId: late.installments[1]!.id });
    // SEK: due 03-21, 04-04 → one due within 7 days; then disputed (paused, still outstanding).
    const sek = await f.bnplOrder({
      customerId: se.id,
      currency: 'SEK',
      totalMinor: 200_000,
      installmentCount: 2,
      firstDueDate: '2025-03-21',
      placedAt: new Date('2025-03-07T10:00:00Z'),
    });
    await tdb.database.db
      .insertInto('refunds')
      .values({
        id: newId(),
        order_id: sek.order.id,
        customer_id: se.id,
        amount_minor: 5_000,
        currency: 'SEK',
        status: 'pending',
        reason: 'Awaiting merchant',
      })
      .execute();

    let overview = await getOpsOverview(tdb.database.db, clock.now());
    expect(overview).toMatchObject({
      today: '2025-03-20',
      customers: { total: 3, active: 2, locked: 1, closed: 0 },
      plans: { active: 2, paused: 0, defaulted: 0 },
      outstanding: [
        { currency: 'SEK', amountMinor: 200_000 },
        { currency: 'USD', amountMinor: 30_700 },
      ],
      dueNext7Days: [{ currency: 'SEK', count: 1, amountMinor: 100_000 }],
      overdue: [{ currency: 'USD', count: 1, amountMinor: 10_000 }],
      openDisputes: 0,
      refundsPending: [{ currency: 'SEK', count: 1, amountMinor: 5_000 }],
      lateFeesLast30Days: [{ currency: 'USD', count: 1, amountMinor: 700 }],
    });

    await openDispute(
      deps,
      { type: 'customer', id: se.id },
      { customerId: se.id, orderId: sek.order.id, reason: 'other' },
    );
    overview = await getOpsOverview(tdb.database.db, clock.now());
    expect(overview).toMatchObject({ openDisputes: 1, plans: { active: 1, paused: 1 }, dueNext7Days: [] });
  });

  it('lists devices and card fingerprints shared by three or more customers', async () => {
    const ring = [await f.customer(), await f.customer(), await f.customer()];
    const pair = [await f.customer(), await f.customer()];
    const device = await f.sharedDevice(ring.map((c) => c.id));
    await f.sharedDevice(pair.map((c) => c.id));
    for (const c of ring) await f.paymentMethod(c.id, { fingerprint: 'fp_shared_card_1', last4: '9999' });
    for (const c of pair) await f.paymentMethod(c.id, { fingerprint: 'fp_shared_card_2' });

    const shared = await listSharedDevices(tdb.database.db);
    expect(shared.devices).toEqual([
      expect.objectContaining({ deviceId: device.id, customerCount: 3, platform: 'android' }),
    ]);
    expect(shared.devices[0]?.customers.map((c) => c.id).sort()).toEqual(ring.map((c) => c.id).sort());
    expect(shared.paymentFingerprints).toEqual([
      expect.objectContaining({ fingerprint: 'fp_shared_card_1', last4: '9999', customerCount: 3 }),
    ]);
    expect((await listSharedDevices(tdb.database.db, 2)).devices).toHaveLength(2);
  });
});
