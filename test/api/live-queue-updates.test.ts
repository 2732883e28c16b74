import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { injector, logInAs } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * What a waiting customer's browser hears over a real WebSocket: the queue position moving,
 * and the conversation's messages, also for an anonymous visitor who has no customer token.
 */
type Frame = {
  type: string;
  topics?: string[];
  error?: { code: string; message: string };
  event?: { topic: string; type: string; data: Record<string, unknown> };
};

function listen(url: string) {
  const socket = new WebSocket(url);
  const frames: Frame[] = [];
  socket.on('message', (raw) => frames.push(JSON.parse(raw.toString()) as Frame));
  const waitFor = (what: string, predicate: (f: Frame) => boolean, ms = 10_000) =>
    new Promise<Frame>((resolve, reject) => {
      const look = () => {
        const found = frames.find(predicate);
        if (!found) return;
        clearTimeout(timer);
        socket.off('message', look);
        resolve(found);
      };
      const timer = setTimeout(() => {
        socket.off('message', look);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(frames)}`));
      }, ms);
      socket.on('message', look);
      look();
    });
  return { socket, frames, waitFor };
}

const eventOf = (frame: Frame, type: string) => frame.type === 'event' && frame.event?.type === type;

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

  /** An anonymous German conversation (no German-speaking agent exists) that asks for a person. */
  async function waitingAnonymous(): Promise<string> {
    const start = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'de-DE' },
    });
    expect(start.statusCode, start.body).toBe(201);
    const id = (start.json() as { id: string }).id;
    const post = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text: 'Bitte verbinden Sie mich mit einer Person aus dem Kundendienst' },
    });
    expect(post.statusCode, post.body).toBe(200);
    expect((post.json() as { status: string }).status).toBe('waiting_for_human');
    return id;
  }

  function follow(conversationId: string, query = `conversation=${conversationId}`) {
    const live = listen(`${wsUrl}?${query}&topics=conversation:${conversationId}`);
    sockets.push(live.socket);
    return live;
  }

  it('lets the holder of an anonymous conversation follow it, and nothing else', async () => {
    const mine = await waitingAnonymous();
    const other = await waitingAnonymous();
    const live = follow(mine);
    const subscribed = await live.waitFor('subscribed', (f) => f.type === 'subscribed');
    expect(subscribed.topics).toEqual([`conversation:${mine}`]);

    live.socket.send(JSON.stringify({ type: 'subscribe', topics: [`conversation:${other}`, 'staff'] }));
    const refused = await live.waitFor('forbidden', (f) => f.error?.code === 'forbidden');
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
    const denied = await snoop.waitFor('forbidden', (f) => f.error?.code === 'forbidden');
    expect(denied.error?.message).toContain(`conversation:${boundId}`);

    const malformed = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${wsUrl}?conversation=not-a-uuid`);
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(malformed).toBe(400);
  });

  it('moves the waiting position live and tells the anonymous visitor when staff close theirs', async () => {
    const ahead = await waitingAnonymous();
    const behind = await waitingAnonymous();
    const aheadLive = follow(ahead);
    const behindLive = follow(behind);
    await behindLive.waitFor('subscribed', (f) => f.type === 'subscribed');
    await aheadLive.waitFor('subscribed', (f) => f.type === 'subscribed');

    // Nobody who speaks German is online: a position, no promised time.
    const queued = await behindLive.waitFor('queue.updated', (f) => eventOf(f, 'queue.updated'));
    expect(queued.event?.data).toMatchObject({ conversationId: behind, agentsOnline: 0, etaSeconds: null });
    const firstPosition = queued.event?.data.position as number;
    expect(firstPosition).toBeGreaterThan(1);

    const supervisor = await logInAs(server, 'supervisor@tandem.demo');
    const close = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${ahead}/close`,
      headers: supervisor.headers,
      payload: { resolutionCode: 'referred_elsewhere' },
    });
    expect(close.statusCode, close.body).toBe(200);

    const moved = await behindLive.waitFor(
      'a better position',
      (f) => eventOf(f, 'queue.updated') && (f.event?.data.position as number) === firstPosition - 1,
    );
    expect(moved.event?.data).toMatchObject({ conversationId: behind, etaSeconds: null });

    const finished = await aheadLive.waitFor('status change', (f) =>
      eventOf(f, 'conversation.status_changed'),
    );
    expect(finished.event?.data).toMatchObject({ status: 'closed', ratingRequested: true });
    const told = await aheadLive.waitFor('a message', (f) => eventOf(f, 'message.created'));
    expect(told.event?.data).toMatchObject({ role: 'system' });
  });
});
