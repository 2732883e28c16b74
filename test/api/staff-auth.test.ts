import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, injector, logInAs } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

describe.each(serverTestTargets())('staff authentication (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      database,
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '12' },
    });
  });
  afterAll(async () => server?.close());
  const inject = injector(() => server);

  it('logs in with an httpOnly, SameSite session cookie and never returns the password hash', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'Agent@Tandem.Demo', password: 'tandem-demo' },
      remoteAddress: '10.0.0.1',
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tandem_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.body).not.toContain('scrypt');
    const body = res.json() as { user: { roles: string[] }; csrfToken: string };
    expect(body.user.roles).toEqual(['agent']);
    const session = await inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `tandem_session=${cookie.value}` },
    });
    expect(session.statusCode).toBe(200);
    expect((session.json() as { csrfToken: string }).csrfToken).toBe(body.csrfToken);
  });

  it('refuses a wrong password with 401 invalid_credentials, the same as an unknown email', async () => {
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'product@tandem.demo', password: 'nope-nope-nope' },
      remoteAddress: '10.0.0.2',
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@tandem.demo', password: 'nope-nope-nope' },
      remoteAddress: '10.0.0.2',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(errorCode(wrong)).toBe('invalid_credentials');
  });

  it('locks an account after repeated failures, even for the right password, and audits it', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'reviewer@tandem.demo', password: `wrong-${i}-password` },
        remoteAddress: `10.0.1.${i}`,
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'reviewer@tandem.demo', password: 'tandem-demo' },
      remoteAddress: '10.0.1.9',
    });
    expect(locked.statusCode).toBe(423);
    expect(errorCode(locked)).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    const audit = await server.app.deps.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('action', '=', 'staff_user.locked_out')
      .execute();
    expect(audit).toHaveLength(1);

    // An admin clears the lockout; the right password works again.
    const admin = await logInAs(server, 'admin@tandem.demo');
    const reviewer = await server.app.deps.db
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', 'reviewer@tandem.demo')
      .executeTakeFirstOrThrow();
    const unlock = await inject({
      method: 'PATCH',
      url: `/api/v1/admin/staff/${reviewer.id}`,
      headers: admin.headers,
      payload: { unlock: true },
    });
    expect(unlock.statusCode).toBe(200);
    expect((unlock.json() as { staff: { lockedUntil: unknown } }).staff.lockedUntil).toBeNull();
    await logInAs(server, 'reviewer@tandem.demo');
  });

  it('rate-limits login attempts per address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `someone${i}@example.com`, password: 'whatever-password' },
        remoteAddress: '10.9.9.9',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses[12]).toBe(429);
  });

  it('refuses a cookie-authenticated mutation without the CSRF token', async () => {
    const admin = await logInAs(server, 'admin@tandem.demo');
    const payload = { name: 'ci', scopes: ['customers:read'] };
    const missing = await inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: { cookie: admin.headers.cookie },
      payload,
    });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe('csrf_failed');
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: { ...admin.headers, 'x-csrf-token': 'forged' },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: admin.headers,
      payload,
    });
    expect(ok.statusCode).toBe(201);
  });

  it('checks roles on staff routes: 401 without a session, 403 with the wrong role', async () => {
    const anonymous = await inject({ method: 'GET', url: '/api/v1/admin/staff' });
    expect(anonymous.statusCode).toBe(401);
    expect(errorCode(anonymous)).toBe('unauthenticated');
    const agent = await logInAs(server, 'agent@tandem.demo');
    const forbidden = await inject({ method: 'GET', url: '/api/v1/admin/staff', headers: agent.headers });
    expect(forbidden.statusCode).toBe(403);
    expect(errorCode(forbidden)).toBe('forbidden');
  });

  it('ends the session on logout and when an admin disables the user', async () => {
    const fraud = await logInAs(server, 'fraud@tandem.demo');
    const logout = await inject({ method: 'POST', url: '/api/v1/auth/logout', headers: fraud.headers });
    expect(logout.statusCode).toBe(204);
    const after = await inject({ method: 'GET', url: '/api/v1/auth/session', headers: fraud.headers });
    expect(after.statusCode).toBe(401);

    const supervisor = await logInAs(server, 'supervisor@tandem.demo');
    const admin = await logInAs(server, 'admin@tandem.demo');
    const disable = await inject({
      method: 'PATCH',
      url: `/api/v1/admin/staff/${supervisor.user.id}`,
      headers: admin.headers,
      payload: { status: 'disabled' },
    });
    expect(disable.statusCode).toBe(200);
    const stale = await inject({ method: 'GET', url: '/api/v1/auth/session', headers: supervisor.headers });
    expect(stale.statusCode).toBe(401);
  });
});
