import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, fixtures } from '../support/fixtures.js';
import { errorCode, injector, logInAs } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

describe.each(serverTestTargets())('customer identity and data isolation (%s)', (database) => {
  let server: TestServer;
  let f: Fixtures;
  let alice: { id: string };
  let bob: { id: string };
  let aliceOrderId: string;
  let bobOrderId: string;
  let secret: Uint8Array;
  const inject = injector(() => server);

  beforeAll(async () => {
    server = await startTestServer({ database });
    f = fixtures(server.app.deps.db);
    alice = await f.customer({ given_name: 'Alice' });
    bob = await f.customer({ given_name: 'Bob' });
    const today = new Date().toISOString().slice(0, 10);
    aliceOrderId = (
      await f.bnplOrder({ customerId: alice.id, placedAt: new Date(), firstDueDate: today, paidCount: 1 })
    ).order.id;
    bobOrderId = (await f.bnplOrder({ customerId: bob.id, placedAt: new Date(), firstDueDate: today })).order
      .id;
    const row = await server.app.deps.db
      .selectFrom('app_settings')
      .select('value')
      .where('key', '=', 'customer_token_secret')
      .executeTakeFirstOrThrow();
    secret = new TextEncoder().encode(row.value as string);
  });
  afterAll(async () => server?.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('reads only the signed-in customer’s profile and orders', async () => {
    const token = await server.app.customerTokens.issue(alice.id);
    const me = await inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect((me.json() as { customer: { id: string } }).customer.id).toBe(alice.id);
    const orders = await inject({ method: 'GET', url: '/api/v1/me/orders', headers: bearer(token) });
    const ids = (orders.json() as { orders: { id: string }[] }).orders.map((o) => o.id);
    expect(ids).toEqual([aliceOrderId]);
  });

  it("refuses a request for another customer's order with 404 and changes nothing", async () => {
    const token = await server.app.customerTokens.issue(alice.id);
    const res = await inject({
      method: 'POST',
      url: `/api/v1/me/orders/${bobOrderId}/disputes`,
      headers: bearer(token),
      payload: { reason: 'item_not_received' },
    });
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('not_found');
    const disputes = await server.app.deps.db
      .selectFrom('disputes')
      .selectAll()
      .where('order_id', '=', bobOrderId)
      .execute();
    expect(disputes).toHaveLength(0);
  });

  it('refuses expired, forged, unsigned and malformed customer tokens with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(alice.id)
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(secret);
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(alice.id)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-deployment-secret-not-the-deployment-secret'));
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: alice.id, exp: now + 3600 })}.`;
    const noExpiry = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(alice.id)
      .sign(secret);

    for (const [name, token, message] of [
      ['expired', expired, 'expired'],
      ['forged', forged, 'invalid'],
      ['unsigned', unsigned, 'invalid'],
      ['no expiry', noExpiry, 'exp'],
      ['garbage', 'abc.def', 'invalid'],
    ] as const) {
      const res = await inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
      expect(res.statusCode, name).toBe(401);
      expect(errorCode(res), name).toBe('unauthenticated');
      expect((res.json() as { error: { message: string } }).error.message, name).toContain(message);
    }
  });

  it('does not accept a staff session as a customer, nor a customer token on staff routes', async () => {
    const agent = await logInAs(server, 'agent@tandem.demo');
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: agent.headers })).statusCode).toBe(401);
    const token = await server.app.customerTokens.issue(alice.id);
    const staffRoute = await inject({
      method: 'GET',
      url: `/api/v1/staff/customers/${bob.id}`,
      headers: bearer(token),
    });
    expect(staffRoute.statusCode).toBe(401);
  });

  it('lets a host-app server read a customer with a scoped API key, and refuses a key without the scope', async () => {
    const admin = await logInAs(server, 'admin@tandem.demo');
    const create = async (scopes: string[]) =>
      (
        await inject({
          method: 'POST',
          url: '/api/v1/admin/api-keys',
          headers: admin.headers,
          payload: { name: `k-${scopes.join()}`, scopes },
        })
      ).json() as { secret: string; apiKey: { id: string } };
    const reader = await create(['customers:read']);
    const other = await create(['risk:score']);
    const ok = await inject({
      method: 'GET',
      url: `/api/v1/customers/${alice.id}`,
      headers: { 'x-api-key': reader.secret },
    });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { customer: { id: string } }).customer.id).toBe(alice.id);
    const wrongScope = await inject({
      method: 'GET',
      url: `/api/v1/customers/${alice.id}`,
      headers: { 'x-api-key': other.secret },
    });
    expect(wrongScope.statusCode).toBe(403);
    const tampered = await inject({
      method: 'GET',
      url: `/api/v1/customers/${alice.id}`,
      headers: { 'x-api-key': `${reader.secret.slice(0, -2)}xx` },
    });
    expect(tampered.statusCode).toBe(401);
    await inject({
      method: 'DELETE',
      url: `/api/v1/admin/api-keys/${reader.apiKey.id}`,
      headers: admin.headers,
    });
    const revoked = await inject({
      method: 'GET',
      url: `/api/v1/customers/${alice.id}`,
      headers: { authorization: `Bearer ${reader.secret}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('pauses payments when the customer disputes a purchase, visible in /me/orders', async () => {
    const token = await server.app.customerTokens.issue(alice.id);
    const res = await inject({
      method: 'POST',
      url: `/api/v1/me/orders/${aliceOrderId}/disputes`,
      headers: bearer(token),
      payload: { reason: 'not_as_described', description: 'Wrong colour' },
    });
    expect(res.statusCode).toBe(201);
    const orders = (
      await inject({ method: 'GET', url: '/api/v1/me/orders', headers: bearer(token) })
    ).json() as {
      orders: { id: string; plan: { status: string; installments: { status: string }[] } }[];
    };
    const order = orders.orders.find((o) => o.id === aliceOrderId)!;
    expect(order.plan.status).toBe('paused');
    expect(
      order.plan.installments.filter((i) => i.status !== 'paid').every((i) => i.status === 'paused'),
    ).toBe(true);
  });
});
