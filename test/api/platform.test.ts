import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('platform endpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());
  const inject = injector(() => server);

  it('reports liveness and readiness with the database kind', async () => {
    expect((await inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
  });

  it('exposes Prometheus metrics with request durations by route template', async () => {
    await inject({ method: 'GET', url: '/healthz' });
    const res = await inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/tandem_http_request_duration_seconds_count\{[^}]*route="\/healthz"/);
    expect(res.body).toContain('tandem_process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI document generated from the route schemas, and a docs page', async () => {
    const doc = (await inject({ method: 'GET', url: '/openapi.json' })).json() as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/v1/auth/login']?.post;
    expect(JSON.stringify(login?.requestBody?.content['application/json']?.schema)).toContain('password');
    expect(doc.paths['/api/v1/admin/api-keys']).toBeDefined();
    const page = await inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('becomes unready while shutting down', async () => {
    const other = await startTestServer();
    other.app.readiness.shuttingDown = true;
    const res = await other.app.http.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect((res.json() as { error: { code: string } }).error.code).toBe('service_unavailable');
    await other.close();
  });
});
