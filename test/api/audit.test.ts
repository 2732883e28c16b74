import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector, logInAs } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

describe.each(serverTestTargets())('audit log (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database });
  });
  afterAll(async () => server?.close());
  const inject = injector(() => server);

  it('records who changed what and when, with before and after, for staff and API key changes', async () => {
    const admin = await logInAs(server, 'admin@tandem.demo');
    const created = await inject({
      method: 'POST',
      url: '/api/v1/admin/staff',
      headers: { ...admin.headers, 'x-request-id': 'audit-test-0001' },
      payload: {
        email: 'new.agent@example.com',
        name: 'New Agent',
        password: 'long-enough-pw',
        roles: ['agent'],
      },
    });
    expect(created.statusCode).toBe(201);
    const staffId = (created.json() as { staff: { id: string } }).staff.id;
    await inject({
      method: 'PATCH',
      url: `/api/v1/admin/staff/${staffId}`,
      headers: admin.headers,
      payload: { roles: ['agent', 'supervisor'] },
    });
    const key = await inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: admin.headers,
      payload: { name: 'host app', scopes: ['customers:read'] },
    });
    const keyId = (key.json() as { apiKey: { id: string } }).apiKey.id;
    await inject({ method: 'DELETE', url: `/api/v1/admin/api-keys/${keyId}`, headers: admin.headers });

    const res = await inject({ method: 'GET', url: '/api/v1/admin/audit?limit=20', headers: admin.headers });
    const entries = (res.json() as { entries: AuditEntry[] }).entries;
    const byAction = (action: string) => entries.find((e) => e.action === action);

    const createdRow = byAction('staff_user.created')!;
    expect(createdRow).toMatchObject({ actorType: 'staff', actorId: admin.user.id, entityId: staffId });
    expect(createdRow.requestId).toBe('audit-test-0001');
    expect(createdRow.after).toMatchObject({ email: 'new.agent@example.com', roles: ['agent'] });
    expect(JSON.stringify(createdRow)).not.toContain('long-enough-pw');
    expect(JSON.stringify(createdRow)).not.toContain('scrypt');

    const updated = byAction('staff_user.updated')!;
    expect(updated.before).toMatchObject({ roles: ['agent'] });
    expect(updated.after).toMatchObject({ roles: ['agent', 'supervisor'] });

    const revoked = byAction('api_key.revoked')!;
    expect((revoked.before as { revokedAt: unknown }).revokedAt).toBeNull();
    expect((revoked.after as { revokedAt: unknown }).revokedAt).not.toBeNull();
    expect(byAction('api_key.created')).toBeDefined();
    expect(new Date(createdRow.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is not visible to non-admins', async () => {
    const agent = await logInAs(server, 'agent@tandem.demo');
    const res = await inject({ method: 'GET', url: '/api/v1/admin/audit', headers: agent.headers });
    expect(res.statusCode).toBe(403);
  });
});

interface AuditEntry {
  action: string;
  actorType: string;
  actorId: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  occurredAt: string;
}
