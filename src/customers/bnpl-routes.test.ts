import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../../test/support/fixtures.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../test/support/test-database.js';
import { disputeRoutes } from '../disputes/dispute-routes.js';
import type { Principal } from '../identity/principal.js';
import { fraudRoutes } from '../operations/fraud-routes.js';
import { opsRoutes } from '../operations/ops-routes.js';
import { installmentRoutes } from '../orders/installment-routes.js';
import { fixedClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import type { StaffRole } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/deps.js';
import { createHttpServer } from '../platform/http/create-http-server.js';
import type { HttpServer } from '../platform/http/types.js';
import { newId } from '../platform/ids.js';
import { createLogger } from '../platform/logger.js';
import { InlineJobQueue } from '../platform/queue/inline-job-queue.js';
import { returnRoutes } from '../refunds/return-routes.js';
import { customerRoutes } from './customer-routes.js';
import { staffCustomerRoutes } from './staff-customer-routes.js';

/*
 * Smoke test of the BNPL route modules on the real HTTP server core (validation, error
 * body, serializer, OpenAPI) with a stand-in for authentication: the test names the
 * principal in a header. Authentication itself is tested with the server.
 */
const PRINCIPAL_HEADER = 'x-test-principal';

describe.each(testDatabaseTargets())('BNPL routes (%s)', (kind) => {
  let tdb: TestDatabase;
  let f: Fixtures;
  let app: HttpServer;

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    f = fixtures(tdb.database.db);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const logger = createLogger({ level: 'silent' });
    const deps = {
      config,
      logger,
      database: tdb.database,
      db: tdb.database.db,
      clock: fixedClock(new Date('2025-03-10T12:00:00Z')),
      events: new RecordingEventBus(),
      jobs: new InlineJobQueue(),
    } satisfies AppDeps;
    app = await createHttpServer(config, logger);
    app.addHook('onRequest', async (request) => {
      const raw = request.headers[PRINCIPAL_HEADER];
      request.principal = typeof raw === 'string' ? (JSON.parse(raw) as Principal) : undefined;
    });
    for (const routes of [
      customerRoutes,
      staffCustomerRoutes,
      installmentRoutes,
      returnRoutes,
      disputeRoutes,
      opsRoutes,
      fraudRoutes,
    ]) {
      await routes(app, deps);
    }
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.close();
  });

  const asCustomer = (customerId: string) => ({
    [PRINCIPAL_HEADER]: JSON.stringify({ kind: 'customer', customerId } satisfies Principal),
  });
  const asStaff = (...roles: StaffRole[]) => ({
    [PRINCIPAL_HEADER]: JSON.stringify({
      kind: 'staff',
      staffUserId: newId(),
      email: 'staff@example.test',
      name: 'Staff',
      roles,
      sessionId: 's',
    } satisfies Principal),
  });

  async function customerWithOrder() {
    const customer = await f.customer();
    const method = await f.paymentMethod(customer.id);
    const o = await f.bnplOrder({ customerId: customer.id, paidCount: 1, paymentMethodId: method.id });
    return { customer, ...o };
  }

  it('serves the customer their profile and orders', async () => {
    const { customer, order } = await customerWithOrder();
    expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: asCustomer(customer.id) });
    expect(me.statusCode).toBe(200);
    expect(me.json().customer).toMatchObject({ id: customer.id, outstandingMinor: 30_000 });
    expect(me.json().customer.paymentMethods[0]).toEqual({
      id: expect.any(String),
      kind: 'card',
      brand: 'visa',
      last4: '4242',
      isDefault: true,
      status: 'active',
    });
    const orders = await app.inject({
      method: 'GET',
      url: '/api/v1/me/orders',
      headers: asCustomer(customer.id),
    });
    expect(orders.statusCode).toBe(200);
    expect(orders.json().orders[0]).toMatchObject({ id: order.id, plan: { outstandingMinor: 30_000 } });
    const next = await app.inject({
      method: 'GET',
      url: '/api/v1/me/next-payment',
      headers: asCustomer(customer.id),
    });
    expect(next.json().nextPayment).toMatchObject({ seq: 2, dueDate: '2025-03-15', daysUntilDue: 5 });
  });

  it('lets customers pay, postpone, return and dispute their own orders only', async () => {
    const { customer, order, installments } = await customerWithOrder();
    const headers = asCustomer(customer.id);
    const pay = (id: string, key: string, h = headers) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/me/installments/${id}/pay`,
        headers: h,
        payload: { idempotencyKey: key },
      });
    const paid = await pay(installments[1]!.id, 'route-key');
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({
      outcome: 'succeeded',
      replayed: false,
      payment: { amountMinor: 10_000 },
    });
    expect((await pay(installments[1]!.id, 'route-key')).json().replayed).toBe(true);

    const stranger = await f.customer();
    const hidden = await pay(installments[2]!.id, 'stranger', asCustomer(stranger.id));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual({ error: { code: 'not_found', message: 'Installment not found' } });
    const bad = await pay('not-a-uuid', 'x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');

    const postponed = await app.inject({
      method: 'POST',
      url: `/api/v1/me/installments/${installments[2]!.id}/postpone`,
      headers,
      payload: { days: 7 },
    });
    expect(postponed.statusCode).toBe(200);
    expect(postponed.json()).toMatchObject({
      previousDueDate: '2025-03-29',
      installment: { dueDate: '2025-04-05' },
    });
    const tooFar = await app.inject({
      method: 'POST',
      url: `/api/v1/me/installments/${installments[2]!.id}/postpone`,
      headers,
      payload: { days: 30 },
    });
    expect(tooFar.statusCode).toBe(400);

    const ret = await app.inject({
      method: 'POST',
      url: `/api/v1/me/orders/${order.id}/returns`,
      headers,
      payload: { reason: 'Does not fit' },
    });
    expect(ret.statusCode).toBe(201);
    expect(ret.json().return).toMatchObject({ status: 'requested' });

    const dispute = await app.inject({
      method: 'POST',
      url: `/api/v1/me/orders/${order.id}/disputes`,
      headers,
      payload: { reason: 'not_as_described', description: 'Colour is wrong' },
    });
    expect(dispute.statusCode).toBe(201);
    expect(dispute.json()).toMatchObject({ planStatus: 'paused', dispute: { status: 'open' } });
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/me/orders/${order.id}/disputes`,
      headers,
      payload: { reason: 'other' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');

    const resolve = (h: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/staff/disputes/${dispute.json().dispute.id}/resolve`,
        headers: h,
        payload: { outcome: 'merchant' },
      });
    expect((await resolve(asStaff('agent'))).statusCode).toBe(403);
    const resolved = await resolve(asStaff('supervisor'));
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ planStatus: 'active', refund: null });
  });

  it('serves staff search, detail, locks and fee waivers by role', async () => {
    const { customer, installments, plan } = await customerWithOrder();
    const search = await app.inject({
      method: 'GET',
      url: `/api/v1/staff/customers?q=${encodeURIComponent(customer.email)}`,
      headers: asStaff('agent'),
    });
    expect(search.statusCode).toBe(200);
    expect(search.json().customers.map((c: { id: string }) => c.id)).toEqual([customer.id]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/staff/customers?q=x', headers: asStaff('agent') }))
        .statusCode,
    ).toBe(400);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/staff/customers?q=xy', headers: asStaff('product') }))
        .statusCode,
    ).toBe(403);
    const detail = await app.inject({
      method: 'GET',
      url: `/api/v1/staff/customers/${customer.id}`,
      headers: asStaff('fraud_analyst'),
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      customer: { id: customer.id },
      orders: [{ plan: { id: plan.id } }],
    });
    const missing = await app.inject({
      method: 'GET',
      url: `/api/v1/staff/customers/${newId()}`,
      headers: asStaff('admin'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');

    const lock = (h: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/staff/customers/${customer.id}/lock`,
        headers: h,
        payload: { reason: 'Card testing pattern' },
      });
    expect((await lock(asStaff('agent'))).statusCode).toBe(403);
    const locked = await lock(asStaff('fraud_analyst'));
    expect(locked.statusCode).toBe(200);
    expect(locked.json().customer).toMatchObject({ status: 'locked' });
    const unlocked = await app.inject({
      method: 'POST',
      url: `/api/v1/staff/customers/${customer.id}/unlock`,
      headers: asStaff('supervisor'),
      payload: { reason: 'Verified' },
    });
    expect(unlocked.json().customer).toMatchObject({ status: 'active' });

    const feeId = newId();
    await tdb.database.db
      .insertInto('late_fees')
      .values({
        id: feeId,
        installment_id: installments[1]!.id,
        plan_id: plan.id,
        customer_id: customer.id,
        amount_minor: 700,
        currency: 'USD',
        status: 'charged',
      })
      .execute();
    const waived = await app.inject({
      method: 'POST',
      url: `/api/v1/staff/late-fees/${feeId}/waive`,
      headers: asStaff('agent'),
      payload: { reason: 'Goodwill' },
    });
    expect(waived.statusCode).toBe(200);
    expect(waived.json().lateFee).toMatchObject({ status: 'waived', waivedReason: 'Goodwill' });
  });

  it('serves the ops overview to supervisors and shared devices to fraud analysts', async () => {
    const overview = await app.inject({
      method: 'GET',
      url: '/api/v1/ops/overview',
      headers: asStaff('supervisor'),
    });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().overview).toMatchObject({
      today: '2025-03-10',
      customers: { total: expect.any(Number) },
    });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/ops/overview', headers: asStaff('agent') }))
        .statusCode,
    ).toBe(403);
    const shared = await app.inject({
      method: 'GET',
      url: '/api/v1/fraud/shared-devices',
      headers: asStaff('fraud_analyst'),
    });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ minCustomers: 3, devices: [], paymentFingerprints: [] });
  });

  it('documents every route in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/me',
        '/api/v1/me/orders',
        '/api/v1/me/installments/{installmentId}/pay',
        '/api/v1/me/orders/{orderId}/disputes',
        '/api/v1/staff/customers/{id}',
        '/api/v1/ops/overview',
        '/api/v1/fraud/shared-devices',
      ]),
    );
  });
});
