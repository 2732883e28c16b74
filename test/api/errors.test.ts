import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

describe.each(serverTestTargets())('HTTP errors have one shape and no stack traces (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database, env: { BODY_LIMIT_BYTES: '20000' } });
  });
  afterAll(async () => server?.close());

  const inject = injector(() => server);

  function expectErrorBody(body: string, code: string) {
    const parsed = JSON.parse(body) as { error: { code: string; message: string; details?: unknown } };
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message.length).toBeGreaterThan(5);
    expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack frames
    expect(body).not.toContain('node_modules');
  }

  it('rejects malformed JSON with 400 malformed_json', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.body, 'malformed_json');
  });

  it('rejects wrong types with 400 validation_failed naming the field', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 42, password: ['x'] },
    });
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.body, 'validation_failed');
    const details = (res.json() as { error: { details: { path: string }[] } }).error.details;
    expect(details.map((d) => d.path)).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('rejects an oversized body with 413 before parsing it', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.c', password: 'x'.repeat(50_000) },
    });
    expect(res.statusCode).toBe(413);
    expectErrorBody(res.body, 'payload_too_large');
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a&password=b',
    });
    expect(res.statusCode).toBe(415);
    expectErrorBody(res.body, 'unsupported_media_type');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expectErrorBody(res.body, 'not_found');
  });

  it('answers unknown and malformed ids with 404 and 400', async () => {
    const login = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@tandem.demo', password: 'tandem-demo' },
    });
    const cookie = login.cookies.find((c) => c.name === 'tandem_session')!;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const headers = { cookie: `tandem_session=${cookie.value}`, 'x-csrf-token': csrf };
    const unknown = await inject({
      method: 'DELETE',
      url: '/api/v1/admin/api-keys/6f1c1f5e-8f57-4b43-9a4c-1d2e3f4a5b6c',
      headers,
    });
    expect(unknown.statusCode).toBe(404);
    expectErrorBody(unknown.body, 'not_found');
    const malformed = await inject({ method: 'DELETE', url: '/api/v1/admin/api-keys/not-a-uuid', headers });
    expect(malformed.statusCode).toBe(400);
    expectErrorBody(malformed.body, 'validation_failed');
  });

  it('sets a request id on every response', async () => {
    const res = await inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
  });
});
