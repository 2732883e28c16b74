import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { injector, logInAs } from '../support/http.js';
import { connectLive, type LiveMessage } from '../support/live-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * What a waiting customer's browser hears over a real WebSocket: the queue position moving,
 * and the conversation's messages, also for an anonymous visitor who has no customer token.
 */
const eventOf = (m: LiveMessage, type: string) => m.type === 'event' && m.event?.type === type;
/** The event's data, as the queue and status events carry it. */
const dataOf = (m: LiveMessage) => (m.event?.data ?? {}) as Record<string, unknown>;

describe('live queue updates over the WebSocket', () => {
  let server: TestServer;
  let wsUrl: string;
  const inject = injector(() => server);
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer({ env: { DISPATCH_SWEEP_SECONDS: '1' } });
    wsUrl = `${server.url.replace('http', 'ws')}/api/v1/live`;
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  /** An anonymous German conversation, not yet handed over. */
  async function startAnonymous(): Promise<string> {
    const start = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'de-DE' },
    });
    expect(start.statusCode, start.body).toBe(201);
    return (start.json() as { id: string }).id;
  }

  /** The visitor asks for a person; no German-speaking agent exists, so it waits. */
  async function askForPerson(id: string): Promise<void> {
    const post = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text: 'Bitte verbinden Sie mich mit einer Person aus dem Kundendienst' },
    });
    expect(post.statusCode, post.body).toBe(200);
    expect((post.json() as { status: string }).status).toBe('waiting_for_human');
  }

  async function waitingAnonymous(): Promise<string> {
    const id = await startAnonymous();
    await askForPerson(id);
    return id;
  }

  function follow(conversationId: string, query = `conversation=${conversationId}`) {
    const live = connectLive(`${wsUrl}?${query}&topics=conversation:${conversationId}`);
    sockets.push(live.socket);
    return live;
  }

  it('lets the holder of an anonymous conversation follow it, and nothing else', async () => {
    const mine = await waitingAnonymous();
    const other = await waitingAnonymous();
    const live = follow(mine);
    const subscribed = await live.waitFor((f) => f.type === 'subscribed', 10_000);
    expect(subscribed.topics).toEqual([`conversation:${mine}`]);

    live.socket.send(JSON.stringify({ type: 'subscribe', topics: [`conversation:${other}`, 'staff'] }));
    const refused = await live.waitFor((f) => f.error?.code === 'forbidden', 10_000);
    expect(refused.error?.message).toContain(`conversation:${other}`);
    expect(refused.error?.message).toContain('staff');

    // A conversation bound to a customer is never reachable by naming it.
    const token = await inject({
      method: 'POST',
      url: '/api/v1/demo/customer-token',
      payload: {},
    });
    expect(token.statusCode, token.body).toBe(200);
    const bound = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: { authorization: `Bearer ${(token.json() as { token: string }).token}` },
      payload: {},
    });
    expect(bound.statusCode, bound.body).toBe(201);
    const boundId = (bound.json() as { id: string }).id;
    const snoop = follow(boundId);
    const denied = await snoop.waitFor((f) => f.error?.code === 'forbidden', 10_000);
    expect(denied.error?.message).toContain(`conversation:${boundId}`);

    const malformed = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${wsUrl}?conversation=not-a-uuid`);
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(malformed).toBe(400);
  });

  it('moves the waiting position live and tells the anonymous visitor when staff close theirs', async () => {
    // Both sockets listen before the handoffs, so the first queue.updated (sent with the handoff)
    // is heard, whatever the sweeper does meanwhile.
    const ahead = await startAnonymous();
    const behind = await startAnonymous();
    const aheadLive = follow(ahead);
    const behindLive = follow(behind);
    await behindLive.waitFor((f) => f.type === 'subscribed', 10_000);
    await aheadLive.waitFor((f) => f.type === 'subscribed', 10_000);
    await askForPerson(ahead);
    await askForPerson(behind);

    // Nobody who speaks German is online: a position, no promised time.
    const queued = await behindLive.waitFor((f) => eventOf(f, 'queue.updated'), 10_000);
    expect(queued.event?.data).toMatchObject({ conversationId: behind, agentsOnline: 0, etaSeconds: null });
    const firstPosition = dataOf(queued).position as number;
    expect(firstPosition).toBeGreaterThan(1);

    const supervisor = await logInAs(server, 'supervisor@tandem.demo');
    const beforeClose = aheadLive.messages.length; // what the handoff itself sent is not the answer
    const afterClose = (f: LiveMessage) => aheadLive.messages.indexOf(f) >= beforeClose;
    const close = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${ahead}/close`,
      headers: supervisor.headers,
      payload: { resolutionCode: 'referred_elsewhere' },
    });
    expect(close.statusCode, close.body).toBe(200);

    const moved = await behindLive.waitFor(
      (f) => eventOf(f, 'queue.updated') && (dataOf(f).position as number) === firstPosition - 1,
      10_000,
    );
    expect(moved.event?.data).toMatchObject({ conversationId: behind, etaSeconds: null });

    const finished = await aheadLive.waitFor(
      (f) => afterClose(f) && eventOf(f, 'conversation.status_changed'),
      10_000,
    );
    expect(finished.event?.data).toMatchObject({ status: 'closed', ratingRequested: true });
    const told = await aheadLive.waitFor((f) => afterClose(f) && eventOf(f, 'message.created'), 10_000);
    expect(told.event?.data).toMatchObject({ role: 'system' });
  });
});
