import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { registerConversationTopicRule } from '../../src/conversations/conversation-access.js';
import { conversationRoutes } from '../../src/conversations/conversation-routes.js';
import { createAuthenticateHook } from '../../src/identity/authenticate.js';
import { type CustomerTokenService, createCustomerTokenService } from '../../src/identity/customer-tokens.js';
import { createStaffSession } from '../../src/identity/staff-sessions.js';
import { systemClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import type { StaffRole } from '../../src/platform/db/schema.js';
import type { AppDeps } from '../../src/platform/deps.js';
import { PostgresEventBus } from '../../src/platform/events/event-bus.js';
import { createHttpServer } from '../../src/platform/http/create-http-server.js';
import type { HttpServer } from '../../src/platform/http/types.js';
import { newId } from '../../src/platform/ids.js';
import { registerLiveRoutes } from '../../src/platform/live/live-routes.js';
import { SocketHub } from '../../src/platform/live/socket-hub.js';
import { createLogger } from '../../src/platform/logger.js';
import { InlineJobQueue } from '../../src/platform/queue/inline-job-queue.js';
import { fixtures } from '../support/fixtures.js';
import { SCRIPTED_GREETING, ScriptedAssistant } from '../support/scripted-assistant.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';
import { serverTestTargets } from '../support/test-server.js';

/*
 * The conversation API on the real HTTP core, real authentication hook, real event bus
 * (LISTEN/NOTIFY) and real WebSockets, with a scripted assistant. createApp does not take
 * extra route modules yet, so the server is wired here the way src/app.ts wires it.
 */
type Message = { id: string; role: string; text: string; createdAt: string; citations?: unknown[] };
type Conversation = {
  id: string;
  status: string;
  language: string;
  messages: Message[];
  handoff: { reason: string; priority: string; queue: string } | null;
};
type PostResult = Omit<Conversation, 'id'>;
type SocketMessage = {
  type: string;
  topics?: string[];
  event?: { topic: string; type: string; data: Message };
};

describe.each(serverTestTargets())('conversations API (%s)', (kind) => {
  let tdb: TestDatabase;
  let http: HttpServer;
  let hub: SocketHub;
  let events: PostgresEventBus;
  let tokens: CustomerTokenService;
  let assistant: ScriptedAssistant;
  let url: string;
  let customerA: { id: string; token: string };
  let customerB: { id: string; token: string };

  const inject = (opts: InjectOptions): Promise<LightMyRequestResponse> => http.inject(opts);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function staffHeaders(roles: StaffRole[]) {
    const id = newId();
    await tdb.database.db
      .insertInto('staff_users')
      .values({ id, email: `${id}@staff.test`, name: 'Agent', password_hash: 'unused', roles })
      .execute();
    const s = await createStaffSession(tdb.database.db, {
      staffUserId: id,
      ttlMs: 3_600_000,
      ip: null,
      userAgent: null,
      now: new Date(),
    });
    return { cookie: `tandem_session=${s.token}`, 'x-csrf-token': s.csrfToken };
  }

  async function start(headers: Record<string, string> = {}, payload: Record<string, unknown> = {}) {
    const res = await inject({ method: 'POST', url: '/api/v1/conversations', headers, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Conversation;
  }

  const post = (id: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    inject({ method: 'POST', url: `/api/v1/conversations/${id}/messages`, headers, payload });

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const logger = createLogger({ level: 'silent' });
    events = new PostgresEventBus(tdb.database, logger);
    await events.start();
    const deps: AppDeps = {
      config,
      logger,
      clock: systemClock,
      database: tdb.database,
      db: tdb.database.db,
      events,
      jobs: new InlineJobQueue(),
    };
    tokens = createCustomerTokenService('conversation-test-secret-0123456789abcdef');
    assistant = new ScriptedAssistant();
    http = await createHttpServer(config, logger);
    http.addHook(
      'onRequest',
      createAuthenticateHook({ db: deps.db, customerTokens: tokens, now: () => new Date() }),
    );
    hub = new SocketHub(events, logger);
    hub.start();
    registerLiveRoutes(http, hub, tokens);
    registerConversationTopicRule(hub, deps.db);
    await conversationRoutes(assistant, tokens)(http, deps);
    await http.ready();
    url = await http.listen({ port: 0, host: '127.0.0.1' });

    const f = fixtures(deps.db);
    const a = await f.customer({ locale: 'sv-SE', country: 'SE', currency: 'SEK' });
    const b = await f.customer();
    customerA = { id: a.id, token: await tokens.issue(a.id) };
    customerB = { id: b.id, token: await tokens.issue(b.id) };
  });

  afterAll(async () => {
    hub?.closeAll();
    await http?.close();
    await events?.stop();
    await tdb?.close();
  });

  it('starts a conversation with the greeting, language from the locale field or the customer', async () => {
    const anon = await start({}, { locale: 'sv-SE' });
    expect(anon).toMatchObject({ status: 'bot', language: 'sv', handoff: null });
    expect(anon.messages).toEqual([
      { id: expect.any(String), role: 'assistant', text: SCRIPTED_GREETING, createdAt: expect.any(String) },
    ]);
    expect((await start({}, { locale: 'tlh-QO' })).language).toBe('en');
    expect((await start()).language).toBe('en');
    // Customer A's stored locale is sv-SE; the token may come in the body or the header.
    expect((await start({}, { customerToken: customerA.token })).language).toBe('sv');
    expect((await start(bearer(customerA.token), { channel: 'hotline' })).language).toBe('sv');

    const audit = await tdb.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', anon.id)
      .execute();
    expect(audit.map((r) => [r.action, r.actor_type])).toEqual([['conversation.started', 'system']]);
  });

  it('refuses an invalid customer token with 401', async () => {
    const inBody = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { customerToken: 'not-a-token' },
    });
    expect(inBody.statusCode).toBe(401);
    const inHeader = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: bearer('not.a.token'),
      payload: {},
    });
    expect(inHeader.statusCode).toBe(401);
    const unknownCustomer = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { customerToken: await tokens.issue(newId()) },
    });
    expect(unknownCustomer.statusCode).toBe(401);
  });

  it('answers a message with the assistant replies and carries state between turns', async () => {
    const c = await start(bearer(customerA.token));
    const first = await post(c.id, { text: '  where is my refund?  ' }, bearer(customerA.token));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'bot',
      language: 'sv',
      handoff: null,
      messages: [{ role: 'assistant', text: 'You said: where is my refund?' }],
    });
    await post(c.id, { text: 'and my next payment?' }, bearer(customerA.token));
    const turns = assistant.calls.filter((x) => x.kind === 'respond' && x.context.conversationId === c.id);
    expect(turns.map((t) => t.context.state)).toEqual([{ turns: 0 }, { turns: 1 }]);
    expect(turns[1]?.context.history.map((m) => m.role)).toEqual([
      'assistant',
      'customer',
      'assistant',
      'customer',
    ]);
    expect(turns[0]?.context.customerId).toBe(customerA.id);

    const got = await inject({
      method: 'GET',
      url: `/api/v1/conversations/${c.id}`,
      headers: bearer(customerA.token),
    });
    expect(got.statusCode).toBe(200);
    const view = got.json() as Conversation;
    expect(view.messages.map((m) => [m.role, m.text])).toEqual([
      ['assistant', SCRIPTED_GREETING],
      ['customer', 'where is my refund?'],
      ['assistant', 'You said: where is my refund?'],
      ['customer', 'and my next payment?'],
      ['assistant', 'You said: and my next payment?'],
    ]);
    expect(view).toMatchObject({ id: c.id, status: 'bot', language: 'sv', handoff: null });
  });

  it('hands off to a person and then keeps the bot quiet', async () => {
    const c = await start(bearer(customerB.token));
    const res = await post(c.id, { text: 'I want a human please' }, bearer(customerB.token));
    const body = res.json() as PostResult;
    expect(body.status).toBe('waiting_for_human');
    expect(body.handoff).toEqual({
      reason: 'customer_asked_for_human',
      priority: 'normal',
      queue: 'general',
      // No agent is online in this test: no promised wait (src/handoff/queue-status.ts).
      position: 1,
      etaSeconds: null,
      agentsOnline: 0,
      callbackRequested: false,
    });
    expect(body.messages.map((m) => m.role)).toEqual(['assistant', 'system']);

    const calls = assistant.respondCount(c.id);
    const next = await post(c.id, { text: 'hello? anyone?' }, bearer(customerB.token));
    expect(next.statusCode).toBe(200);
    expect(next.json()).toMatchObject({ status: 'waiting_for_human', messages: [] });
    expect(assistant.respondCount(c.id)).toBe(calls);

    const view = (
      await inject({ method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: bearer(customerB.token) })
    ).json() as Conversation;
    expect(view.status).toBe('waiting_for_human');
    expect(view.handoff?.queue).toBe('general');
    expect(view.messages.at(-1)).toMatchObject({ role: 'customer', text: 'hello? anyone?' });

    const audit = await tdb.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .where('entity_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'conversation.started', actor_type: 'customer' },
      { action: 'conversation.status_changed', actor_type: 'ai' },
    ]);
  });

  it('answers 409 on a closed conversation', async () => {
    const c = await start();
    await tdb.database.db
      .updateTable('conversations')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', c.id)
      .execute();
    const res = await post(c.id, { text: 'hi' });
    expect(res.statusCode).toBe(409);
  });

  it("hides a customer's conversation from other customers but not from agents", async () => {
    const c = await start(bearer(customerA.token));
    const path = `/api/v1/conversations/${c.id}`;
    expect((await inject({ method: 'GET', url: path, headers: bearer(customerB.token) })).statusCode).toBe(
      404,
    );
    expect((await post(c.id, { text: 'hi' }, bearer(customerB.token))).statusCode).toBe(404);
    expect((await post(c.id, { text: 'hi' })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: path })).statusCode).toBe(404);
    // Refused writers left nothing behind.
    const own = (
      await inject({ method: 'GET', url: path, headers: bearer(customerA.token) })
    ).json() as Conversation;
    expect(own.messages.map((m) => m.role)).toEqual(['assistant']);

    const agent = await staffHeaders(['agent']);
    expect((await inject({ method: 'GET', url: path, headers: agent })).statusCode).toBe(200);
    // Staff may read but never speak as the customer.
    expect((await post(c.id, { text: 'hi' }, agent)).statusCode).toBe(403);
    const afterStaff = (await inject({ method: 'GET', url: path, headers: agent })).json() as Conversation;
    expect(afterStaff.messages.map((m) => m.role)).toEqual(['assistant']);
    const product = await staffHeaders(['product']);
    expect((await inject({ method: 'GET', url: path, headers: product })).statusCode).toBe(404);

    const anon = await start();
    expect((await inject({ method: 'GET', url: `/api/v1/conversations/${anon.id}` })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: `/api/v1/conversations/${newId()}` })).statusCode).toBe(404);
  });

  it('validates message text: length limit, control characters, blank', async () => {
    const c = await start();
    const tooLong = await post(c.id, { text: 'a'.repeat(4001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('at most 4000 characters');
    expect((await post(c.id, { text: 'a'.repeat(4000) })).statusCode).toBe(200);

    for (const text of ['nul\u0000byte', 'bell\u0007', 'esc\u001b[31m', 'c1\u0085']) {
      const res = await post(c.id, { text });
      expect(res.statusCode, JSON.stringify(text)).toBe(400);
      expect(res.json().error.message).toContain('control characters');
    }
    expect((await post(c.id, { text: '   ' })).statusCode).toBe(400);
    const ok = await post(c.id, { text: 'line one\n\tline two' });
    expect(ok.statusCode).toBe(200);
  });

  it('stores markup as plain text, verbatim', async () => {
    const c = await start();
    const text = '<script>alert("x")</script> & <b>bold</b>';
    await post(c.id, { text });
    const view = (
      await inject({ method: 'GET', url: `/api/v1/conversations/${c.id}` })
    ).json() as Conversation;
    expect(view.messages.find((m) => m.role === 'customer')?.text).toBe(text);
  });

  it('returns the original result for a retry with the same clientMessageId', async () => {
    const c = await start();
    const first = await post(c.id, { text: 'retry me', clientMessageId: 'msg-1' });
    const calls = assistant.respondCount(c.id);
    const again = await post(c.id, { text: 'retry me', clientMessageId: 'msg-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(assistant.respondCount(c.id)).toBe(calls);
    const view = (
      await inject({ method: 'GET', url: `/api/v1/conversations/${c.id}` })
    ).json() as Conversation;
    expect(view.messages.filter((m) => m.role === 'customer')).toHaveLength(1);
  });

  it('keeps messages in order when several arrive at once', async () => {
    const c = await start();
    const texts = ['one', 'two', 'three', 'four', 'five'];
    const results = await Promise.all(texts.map((text) => post(c.id, { text })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const view = (
      await inject({ method: 'GET', url: `/api/v1/conversations/${c.id}` })
    ).json() as Conversation;
    expect(view.messages).toHaveLength(1 + texts.length * 2);
    // Each customer message is directly followed by its own echo: the turns did not interleave.
    for (let i = 1; i < view.messages.length; i += 2) {
      const customer = view.messages[i];
      expect(customer?.role).toBe('customer');
      expect(view.messages[i + 1]?.text).toBe(`You said: ${customer?.text}`);
    }
    const seqs = await tdb.database.db
      .selectFrom('conversation_messages')
      .select('seq')
      .where('conversation_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(seqs.map((s) => s.seq)).toEqual(view.messages.map((_, i) => i + 1));
  });

  it('streams message.created to a subscriber of conversation:<id>', async () => {
    const c = await start(bearer(customerA.token));
    const topic = `conversation:${c.id}`;
    const received: SocketMessage[] = [];
    const socket = new WebSocket(
      `${url.replace('http', 'ws')}/api/v1/live?token=${customerA.token}&topics=${topic}`,
    );
    socket.on('message', (raw) => received.push(JSON.parse(raw.toString()) as SocketMessage));
    const waitFor = (predicate: (m: SocketMessage) => boolean) =>
      new Promise<SocketMessage>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out; got ${JSON.stringify(received)}`)),
          5_000,
        );
        const look = () => {
          const found = received.find(predicate);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        };
        socket.on('message', () => setImmediate(look));
        look();
      });
    try {
      const subscribed = await waitFor((m) => m.type === 'subscribed');
      expect(subscribed.topics).toEqual([topic]);
      await post(c.id, { text: 'live hello' }, bearer(customerA.token));
      await waitFor((m) => m.event?.type === 'message.created' && m.event.data.role === 'assistant');
      const types = received.filter((m) => m.type === 'event').map((m) => m.event?.type);
      expect(types).toEqual(['message.created', 'typing', 'message.created']);
      expect(received.find((m) => m.event?.type === 'message.created')?.event?.data.text).toBe('live hello');
    } finally {
      socket.close();
    }

    // Another customer's socket is refused the topic.
    const other = new WebSocket(
      `${url.replace('http', 'ws')}/api/v1/live?token=${customerB.token}&topics=${topic}`,
    );
    const reply = await new Promise<SocketMessage[]>((resolve) => {
      const got: SocketMessage[] = [];
      other.on('message', (raw) => {
        got.push(JSON.parse(raw.toString()) as SocketMessage);
        if (got.some((m) => m.type === 'subscribed')) resolve(got);
      });
    });
    other.close();
    expect(reply.find((m) => m.type === 'subscribed')?.topics).toEqual([]);
  });
});
