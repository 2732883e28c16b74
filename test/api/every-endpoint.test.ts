import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInAs, type StaffSession } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Sends bad input to every route in the OpenAPI document, authenticated so the
 * request reaches validation and the use case: nothing may answer 5xx, and every
 * error must have the one documented shape.
 */
describe('bad input to every endpoint', () => {
  let server: TestServer;
  let admin: StaffSession;
  let customerToken: string;
  let routes: { method: string; path: string; body?: BodySchema }[];

  beforeAll(async () => {
    server = await startTestServer();
    admin = await logInAs(server, 'admin@tandem.demo');
    const customer = await server.app.deps.db
      .selectFrom('customers')
      .select('id')
      .limit(1)
      .executeTakeFirst();
    customerToken = await server.app.customerTokens.issue(customer?.id ?? randomUUID());
    const doc = (await server.app.http.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: BodySchema }> } }>
      >;
    };
    routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const body = op.requestBody?.content?.['application/json']?.schema;
        return { method: method.toUpperCase(), path, ...(body ? { body } : {}) };
      }),
    );
  });
  afterAll(async () => server?.close());

  const SKIP = new Set(['/api/v1/live', '/api/v1/auth/logout']);

  function headersFor(path: string) {
    return path.startsWith('/api/v1/me') ? { authorization: `Bearer ${customerToken}` } : admin.headers;
  }
  const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id).replace(/:[A-Za-z]+/g, id);

  function expectCleanError(res: { statusCode: number; body: string }, label: string) {
    expect(res.statusCode, `${label} → ${res.statusCode} ${res.body}`).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, `${label} → ${res.statusCode} ${res.body}`).toBeLessThan(500);
    const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, label).toBe('string');
    expect(typeof body.error?.message, label).toBe('string');
    expect(res.body, label).not.toMatch(/\n\s+at |node_modules/);
  }

  it('covers a meaningful number of routes', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('answers malformed JSON, wrong types, binary and oversized bodies with a 4xx error body', async () => {
    const mutating = routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !SKIP.has(r.path));
    expect(mutating.length).toBeGreaterThan(3);
    for (const route of mutating) {
      const url = fill(route.path, randomUUID());
      const headers = headersFor(route.path);
      const label = `${route.method} ${route.path}`;
      const cases = [
        { name: 'malformed', payload: '{"a": ', type: 'application/json' },
        ...(wrongTypes(route.body)
          ? [{ name: 'wrong types', payload: wrongTypes(route.body)!, type: 'application/json' }]
          : []),
        { name: 'array', payload: '[1,2,3]', type: 'application/json' },
        {
          name: 'binary',
          payload: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c]),
          type: 'application/octet-stream',
        },
        {
          name: 'oversized',
          payload: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
          type: 'application/json',
        },
      ];
      for (const c of cases) {
        const res = await server.app.http.inject({
          method: route.method as 'POST',
          url,
          headers: { ...headers, 'content-type': c.type },
          payload: c.payload,
        });
        expectCleanError(res, `${label} (${c.name})`);
      }
    }
  });

  it('answers unknown and malformed ids with 4xx, never 5xx', async () => {
    const withIds = routes.filter((r) => /\{[^}]+\}/.test(r.path) && !SKIP.has(r.path));
    for (const route of withIds) {
      for (const id of [randomUUID(), 'not-an-id', '%00', "1' or '1'='1"]) {
        const res = await server.app.http.inject({
          method: route.method as 'GET',
          url: fill(route.path, encodeURIComponent(id)),
          headers: headersFor(route.path),
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        expectCleanError(res, `${route.method} ${route.path} id=${id}`);
      }
    }
  });

  it('answers every route without credentials with 401 or a public answer, never 5xx', async () => {
    for (const route of routes) {
      if (SKIP.has(route.path)) continue;
      const res = await server.app.http.inject({
        method: route.method as 'GET',
        url: fill(route.path, randomUUID()),
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${route.method} ${route.path}`).toBeLessThan(500);
    }
  });
});

interface BodySchema {
  type?: string;
  properties?: Record<string, BodySchema>;
  anyOf?: BodySchema[];
  enum?: unknown[];
}

/** A body whose every declared field has the wrong JSON type, from the route's own schema. */
function wrongTypes(schema: BodySchema | undefined): string | undefined {
  const properties = schema?.properties;
  if (!properties || Object.keys(properties).length === 0) return undefined;
  const wrong = (s: BodySchema): unknown => {
    const type = s.type ?? s.anyOf?.find((x) => x.type)?.type ?? (s.enum ? 'string' : undefined);
    if (type === 'number' || type === 'integer') return 'not-a-number';
    if (type === 'boolean') return 'maybe';
    if (type === 'array') return 'not-an-array';
    if (type === 'object') return 42;
    return 12345;
  };
  return JSON.stringify(Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, wrong(v)])));
}
