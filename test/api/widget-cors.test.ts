import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/* The widget calls the conversation API from the shop's own origin; nothing else is opened up. */
describe('cross-origin access for the embedded widget', () => {
  let server: TestServer;
  const inject = injector(() => server);

  beforeAll(async () => {
    server = await startTestServer({
      env: { WIDGET_ORIGINS: 'https://shop.example, https://other.example/' },
    });
  }, 120_000);
  afterAll(async () => server?.close());

  it('answers the preflight of an allowed shop and lets it start a conversation, without credentials', async () => {
    const preflight = await inject({
      method: 'OPTIONS',
      url: '/api/v1/conversations',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const start = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: { origin: 'https://other.example' },
      payload: { locale: 'en-US' },
    });
    expect(start.statusCode, start.body).toBe(201);
    expect(start.headers['access-control-allow-origin']).toBe('https://other.example');
  });

  it('gives an unlisted origin and every staff route no CORS headers', async () => {
    const stranger = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: { origin: 'https://evil.example' },
      payload: { locale: 'en-US' },
    });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    const staff = await inject({
      method: 'GET',
      url: '/api/v1/staff/customers?q=alex',
      headers: { origin: 'https://shop.example' },
    });
    expect(staff.statusCode).toBe(401);
    expect(staff.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a malformed origin list at start-up with a clear message', async () => {
    await expect(startTestServer({ env: { WIDGET_ORIGINS: 'shop.example/path' } })).rejects.toThrow(
      /WIDGET_ORIGINS must be \* or comma-separated origins/,
    );
  });
});
