import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { logInAs } from '../support/http.js';
import { connectLive } from '../support/live-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('live WebSocket', () => {
  let server: TestServer;
  let wsUrl: string;
  const customerA = randomUUID();
  const customerB = randomUUID();

  beforeAll(async () => {
    server = await startTestServer();
    wsUrl = `${server.url.replace('http', 'ws')}/api/v1/live`;
    for (const [id, email] of [
      [customerA, 'live-a@example.com'],
      [customerB, 'live-b@example.com'],
    ] as const) {
      await server.app.deps.db
        .insertInto('customers')
        .values({
          id,
          given_name: 'Live',
          family_name: 'Test',
          email,
          phone: null,
          country: 'US',
          locale: 'en-US',
          date_of_birth: null,
          address_line: null,
          city: null,
          postal_code: null,
          status_reason: null,
          credit_limit_minor: 100_000,
          currency: 'USD',
        })
        .execute();
    }
  });
  afterAll(async () => server?.close());

  it('refuses an unauthenticated upgrade', async () => {
    const socket = new WebSocket(wsUrl);
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it("lets a customer follow their own topic but not another customer's", async () => {
    const token = await server.app.customerTokens.issue(customerA);
    const live = connectLive(`${wsUrl}?token=${encodeURIComponent(token)}`);
    await live.waitFor((m) => m.type === 'welcome');
    live.socket.send(
      JSON.stringify({ type: 'subscribe', topics: [`customer:${customerA}`, `customer:${customerB}`] }),
    );
    const ack = await live.waitFor((m) => m.type === 'subscribed');
    expect(ack.topics).toEqual([`customer:${customerA}`]);
    const denied = await live.waitFor((m) => m.type === 'error');
    expect(denied.error?.code).toBe('forbidden');

    await server.app.deps.events.publish(`customer:${customerB}`, 'secret.thing', { x: 1 });
    await server.app.deps.events.publish(`customer:${customerA}`, 'plan.updated', { planId: 'p1' });
    const event = await live.waitFor((m) => m.type === 'event');
    expect(event.event).toMatchObject({ type: 'plan.updated', data: { planId: 'p1' } });
    expect(live.messages.filter((m) => m.type === 'event')).toHaveLength(1);
    live.socket.close();
  });

  it('refuses a forged customer token', async () => {
    const socket = new WebSocket(`${wsUrl}?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad`);
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it('answers malformed messages with an error and keeps the socket open', async () => {
    const staff = await logInAs(server, 'agent@tandem.demo');
    const live = connectLive(`${wsUrl}?topics=staff`, { cookie: staff.headers.cookie });
    await live.waitFor((m) => m.type === 'subscribed');
    live.socket.send('{not json');
    expect((await live.waitFor((m) => m.type === 'error')).error?.code).toBe('malformed_json');
    live.socket.send(JSON.stringify({ type: 'ping' }));
    await live.waitFor((m) => m.type === 'pong');
    live.socket.close();
  });
});
