import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../../test/support/fixtures.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../test/support/test-database.js';
import { openDispute } from '../disputes/open-dispute.js';
import { resolveDispute } from '../disputes/resolve-dispute.js';
import type { DomainDeps } from '../orders/domain.js';
import { payOffPlan } from '../orders/pay-off-plan.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { fixedClock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { addPaymentMethod } from './add-payment-method.js';
import { closeCustomerAccount } from './close-customer-account.js';
import { getCustomerProfile } from './get-customer-profile.js';
import { lockCustomer } from './lock-customer.js';
import { searchCustomers } from './search-customers.js';
import { unlockCustomer } from './unlock-customer.js';

describe.each(testDatabaseTargets())('customers (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
  let events: RecordingEventBus;
  let deps: DomainDeps;
  const clock = fixedClock(new Date('2025-03-10T12:00:00Z'));
  const staff: Actor = { type: 'staff', id: newId() };

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

  it('builds the profile with balance and payment methods without tokens', async () => {
    const customer = await f.customer({ credit_limit_minor: 100_000 });
    await f.paymentMethod(customer.id, { last4: '1111' });
    await f.paymentMethod(customer.id, { last4: '2222', status: 'removed', is_default: false });
    await f.bnplOrder({ customerId: customer.id, paidCount: 1 });
    const profile = await getCustomerProfile(tdb.database.db, customer.id);
    expect(profile).toMatchObject({
      id: customer.id,
      givenName: 'Alex',
      status: 'active',
      currency: 'USD',
      creditLimitMinor: 100_000,
      outstandingMinor: 30_000,
      availableCreditMinor: 70_000,
      openDisputes: 0,
    });
    expect(profile.paymentMethods).toEqual([
      {
        id: expect.any(String),
        kind: 'card',
        brand: 'visa',
        last4: '1111',
        isDefault: true,
        status: 'active',
      },
    ]);
    expect(JSON.stringify(profile)).not.toContain('fp_');
    await expect(getCustomerProfile(tdb.database.db, newId())).rejects.toMatchObject({ status: 404 });
  });

  it('searches by name, email, phone digits and order reference', async () => {
    const customer = await f.customer({
      given_name: 'Ingrid',
      family_name: 'Bergström',
      email: `ingrid.${newId().slice(0, 8)}@example.se`,
      phone: '+46 70-123 45 67',
      country: 'SE',
      currency: 'SEK',
      locale: 'sv-SE',
    });
    const { order } = await f.bnplOrder({ customerId: customer.id, currency: 'SEK' });
    const ids = async (q: string) => (await searchCustomers(tdb.database.db, q)).map((c) => c.id);
    expect(await ids('ingrid berg')).toContain(customer.id);
    expect(await ids(customer.email.toUpperCase())).toContain(customer.id);
    expect(await ids('+46 701 234 567')).toContain(customer.id);
    expect(await ids('1234567')).toContain(customer.id);
    expect(await ids(order.reference.toLowerCase())).toContain(customer.id);
    expect(await ids(order.id)).toEqual([customer.id]);
    expect(await ids('%%')).toEqual([]);
    expect(await ids('__')).toEqual([]);
    await expect(searchCustomers(tdb.database.db, 'a')).rejects.toMatchObject({ status: 400 });
  });

  it('locks and unlocks with a reason, audited, without leaking the reason to the customer topic', async () => {
    const customer = await f.customer();
    const locked = await lockCustomer(deps, staff, {
      customerId: customer.id,
      reason: 'Suspected account takeover',
    });
    expect(locked).toMatchObject({ status: 'locked', statusReason: 'Suspected account takeover' });
    await expect(
      lockCustomer(deps, staff, { customerId: customer.id, reason: 'again' }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect(JSON.stringify(events.events)).not.toContain('takeover');
    const unlocked = await unlockCustomer(deps, staff, {
      customerId: customer.id,
      reason: 'Verified by phone',
    });
    expect(unlocked).toMatchObject({ status: 'active', statusReason: null });
    await expect(
      unlockCustomer(deps, staff, { customerId: customer.id, reason: 'again' }),
    ).rejects.toMatchObject({
      status: 409,
    });
    const audit = await tdb.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'reason'])
      .where('entity_id', '=', customer.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'customer.locked',
        before: { status: 'active', statusReason: null },
        after: { status: 'locked', statusReason: 'Suspected account takeover' },
        reason: 'Suspected account takeover',
      },
      {
        action: 'customer.unlocked',
        before: { status: 'locked', statusReason: 'Suspected account takeover' },
        after: { status: 'active', statusReason: null },
        reason: 'Verified by phone',
      },
    ]);
    await expect(lockCustomer(deps, staff, { customerId: customer.id, reason: '' })).rejects.toMatchObject({
      status: 422,
    });
  });

  it('refuses to close an account with a balance or an open dispute, and says why', async () => {
    const customer = await f.customer();
    const actor: Actor = { type: 'customer', id: customer.id };
    await f.paymentMethod(customer.id);
    const { order, plan } = await f.bnplOrder({ customerId: customer.id, paidCount: 1 });
    await expect(
      closeCustomerAccount(deps, actor, { customerId: customer.id, reason: 'Moving abroad' }),
    ).rejects.toMatchObject({
      status: 409,
      message: 'The account cannot be closed while USD 300.00 is outstanding; it must be paid first',
      details: { outstandingMinor: 30_000, currency: 'USD' },
    });
    const { dispute } = await openDispute(deps, actor, {
      customerId: customer.id,
      orderId: order.id,
      reason: 'other',
      amountMinor: 100,
    });
    await expect(
      closeCustomerAccount(deps, actor, { customerId: customer.id, reason: 'Moving abroad' }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('while a dispute is open') });
    await resolveDispute(deps, staff, { disputeId: dispute.id, outcome: 'withdrawn' });
    await payOffPlan(deps, actor, {
      customerId: customer.id,
      planId: plan.id,
      idempotencyKey: 'close-payoff',
    });

    const closed = await closeCustomerAccount(deps, actor, {
      customerId: customer.id,
      reason: 'Moving abroad',
    });
    expect(closed).toMatchObject({ status: 'closed', statusReason: 'Moving abroad' });
    const methods = await tdb.database.db
      .selectFrom('payment_methods')
      .select('status')
      .where('customer_id', '=', customer.id)
      .execute();
    expect(methods.every((m) => m.status === 'removed')).toBe(true);
    expect(events.ofType('customer.closed')).toHaveLength(1);
    await expect(
      closeCustomerAccount(deps, actor, { customerId: customer.id, reason: 'Again' }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it('lets only staff close a locked account', async () => {
    const customer = await f.customer();
    await lockCustomer(deps, staff, { customerId: customer.id, reason: 'Fraud review' });
    await expect(
      closeCustomerAccount(
        deps,
        { type: 'ai', id: 'assistant' },
        { customerId: customer.id, reason: 'Close it' },
      ),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('only our staff') });
    expect(
      (await closeCustomerAccount(deps, staff, { customerId: customer.id, reason: 'Confirmed fraud' }))
        .status,
    ).toBe('closed');
  });

  it('adds tokenized payment methods and manages the default', async () => {
    const customer = await f.customer();
    const actor: Actor = { type: 'customer', id: customer.id };
    const card = {
      customerId: customer.id,
      kind: 'card' as const,
      brand: 'mastercard',
      last4: '5454',
      expMonth: 4,
      expYear: 2027,
    };
    const first = await addPaymentMethod(deps, actor, { ...card, fingerprint: 'tok_first_card' });
    expect(first).toMatchObject({ brand: 'mastercard', last4: '5454', isDefault: true, status: 'active' });
    const second = await addPaymentMethod(deps, actor, {
      ...card,
      last4: '1234',
      fingerprint: 'tok_second_card',
      makeDefault: true,
    });
    expect(second.isDefault).toBe(true);
    const profile = await getCustomerProfile(tdb.database.db, customer.id);
    expect(profile.paymentMethods.filter((m) => m.isDefault).map((m) => m.id)).toEqual([second.id]);
    await expect(
      addPaymentMethod(deps, actor, { ...card, fingerprint: 'tok_first_card' }),
    ).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      addPaymentMethod(deps, actor, { ...card, fingerprint: 'tok_old_card', expMonth: 2, expYear: 2025 }),
    ).rejects.toMatchObject({ status: 422, message: 'This card has expired' });
    await expect(
      addPaymentMethod(deps, actor, { ...card, fingerprint: 'tok_x_card', last4: '12a4' }),
    ).rejects.toMatchObject({
      status: 422,
    });
    await lockCustomer(deps, staff, { customerId: customer.id, reason: 'Review' });
    await expect(
      addPaymentMethod(deps, actor, { ...card, fingerprint: 'tok_third_card' }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });
});
