import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../src/identity/staff-users.js';
import { systemActor } from '../../src/platform/audit/write-audit.js';
import { newId } from '../../src/platform/ids.js';
import { recordConversationEarning } from '../../src/workforce/record-conversation-earning.js';
import { type ConversationView, network, until } from '../support/agent-network.js';
import { errorCode, logInAs } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

/*
 * The agent network and dispatch on the real app (job queue, sweeper, HTTP, database).
 * Each test works in its own customer language, so agents another test left online are
 * never eligible for its conversations.
 */
describe.each(serverTestTargets())('agent network and dispatch (%s)', (kind) => {
  let server: TestServer;
  const net = network(() => server);

  beforeAll(async () => {
    server = await startTestServer({ database: kind, env: { DISPATCH_SWEEP_SECONDS: '1' } });
  }, 120_000);
  afterAll(async () => server?.close());

  it('offers a conversation to the best agent: language, skill, capacity left, then longest idle', async () => {
    const { db } = server.app.deps;
    const wrongLanguage = await net.agent({ languages: ['fr'], skills: ['hardship'] });
    const noSkill = await net.agent({ languages: ['de'] });
    const full = await net.agent({ languages: ['de'], skills: ['hardship'], maxConcurrent: 1 });
    const busy = await net.waiting('de', 'hardship');
    const first = await net.offerFor(full.session, busy);
    expect((await net.answer(full.session, first.id, 'accept')).statusCode).toBe(200);
    const recent = await net.agent({ languages: ['de'], skills: ['hardship'] });
    const idle = await net.agent({ languages: ['de'], skills: ['hardship'] });
    // `idle` last finished a conversation long ago, `recent` a minute ago.
    await db
      .updateTable('agent_presence')
      .set({ last_assigned_at: new Date(Date.now() - 3_600_000) })
      .where('agent_id', '=', idle.id)
      .execute();
    await db
      .updateTable('agent_presence')
      .set({ last_assigned_at: new Date(Date.now() - 60_000) })
      .where('agent_id', '=', recent.id)
      .execute();

    const hardship = await net.waiting('de', 'hardship');
    const offer = await net.offerFor(idle.session, hardship);
    expect(offer.agentId).toBe(idle.id);
    expect(new Date(offer.expiresAt).getTime() - Date.now()).toBeGreaterThan(5_000);
    // What the agent needs to decide, and no more (no customer details before accepting).
    expect(offer.conversation).toEqual({
      id: hardship,
      language: 'de',
      queue: 'hardship',
      priority: 'normal',
      requiredSkills: ['hardship'],
      waitingSince: expect.any(String),
    });
    // Nobody else holds an offer for it: not the one at capacity, nor those lacking language or skill.
    for (const other of [wrongLanguage, noSkill, full, recent]) {
      expect((await net.offers(other.session)).some((o) => o.conversationId === hardship)).toBe(false);
    }
    // A general German question goes to the German agent without the skill, the best one free.
    const general = await net.waiting('de', 'general');
    const generalOffer = await until('an offer for the general conversation', async () => {
      const row = await db
        .selectFrom('dispatch_offers')
        .selectAll()
        .where('conversation_id', '=', general)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return row ?? undefined;
    });
    expect([noSkill.id, recent.id]).toContain(generalOffer.agent_id);
  });

  it('accepting assigns the conversation and tells the customer who joined, in their language', async () => {
    const sam = await net.agent({ languages: ['sv'] });
    const id = await net.waiting('sv', 'general');
    const offer = await net.offerFor(sam.session, id);
    const before = await net.conversation(id);
    expect(before.status).toBe('waiting_for_human');
    expect(before.handoff?.position).toBe(1);
    expect(before.handoff?.agentsOnline).toBeGreaterThanOrEqual(1);
    expect(before.handoff?.etaSeconds).toBe(0);
    const res = await net.answer(sam.session, offer.id, 'accept');
    expect(res.statusCode, res.body).toBe(200);
    const after = await net.conversation(id);
    expect(after.status).toBe('with_human');
    expect(after.messages.at(-1)?.text).toContain(`${sam.name} från vårt team har anslutit`);
    const row = await server.app.deps.db
      .selectFrom('conversations')
      .select(['assigned_agent_id', 'assigned_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.assigned_agent_id).toBe(sam.id);
    // Answering twice is a conflict, not a second assignment.
    const again = await net.answer(sam.session, offer.id, 'accept');
    expect(again.statusCode).toBe(409);
    await net.setOnline(sam.session, false);
  });

  it('a declined offer cascades to the next agent, never back to the one who declined', async () => {
    const a = await net.agent({ languages: ['es'] });
    const b = await net.agent({ languages: ['es'] });
    const id = await net.waiting('es', 'general');
    const pending = await until('an offer', async () =>
      server.app.deps.db
        .selectFrom('dispatch_offers')
        .selectAll()
        .where('conversation_id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    );
    const [first, second] = pending.agent_id === a.id ? [a, b] : [b, a];
    const declined = await net.answer(first.session, pending.id, 'decline', { reason: 'on a call' });
    expect(declined.statusCode, declined.body).toBe(200);
    const next = await net.offerFor(second.session, id);
    expect(next.agentId).toBe(second.id);
    const declinedAgain = await net.answer(second.session, next.id, 'decline');
    expect(declinedAgain.statusCode).toBe(200);
    // Both declined: the conversation keeps waiting with no offer to either of them.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await net.offers(first.session)).toEqual([]);
    expect(await net.offers(second.session)).toEqual([]);
    expect((await net.conversation(id)).status).toBe('waiting_for_human');
    await net.setOnline(a.session, false);
    await net.setOnline(b.session, false);
  });

  it('with nobody suitable online it says so plainly, promises no time, and takes a callback request', async () => {
    const offline = await net.agent({ languages: ['it'], online: false });
    const live: { topic: string; type: string; data: Record<string, unknown> }[] = [];
    const unsubscribe = server.app.deps.events.subscribe((e) => {
      live.push(e as { topic: string; type: string; data: Record<string, unknown> });
    });
    const start = await net.inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'it-IT' },
    });
    expect(start.statusCode, start.body).toBe(201);
    const id = (start.json() as { id: string }).id;
    const post = await net.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text: 'Voglio parlare con una persona' },
    });
    expect(post.statusCode, post.body).toBe(200);
    const posted = post.json() as ConversationView;
    expect(posted.status).toBe('waiting_for_human');
    expect(posted.handoff).toMatchObject({ agentsOnline: 0, etaSeconds: null, position: 1 });
    const view = await net.conversation(id);
    expect(
      view.messages.some(
        (m) => m.role === 'system' && m.text.startsWith('Al momento nessuno del nostro team'),
      ),
    ).toBe(true);

    const callback = await net.inject({ method: 'POST', url: `/api/v1/conversations/${id}/callback` });
    expect(callback.statusCode, callback.body).toBe(200);
    const row = await server.app.deps.db
      .selectFrom('conversations')
      .select('callback_requested_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.callback_requested_at).not.toBeNull();
    const after = await net.conversation(id);
    expect(after.handoff).toMatchObject({ callbackRequested: true });
    expect(after.messages.at(-1)?.text).toContain('Ti ricontatteremo');

    // The customer's screen heard the same figures live.
    await until('queue.updated', async () =>
      live.find(
        (e) => e.topic === `conversation:${id}` && e.type === 'queue.updated' && e.data.agentsOnline === 0,
      ),
    );
    // Supply meets demand: the offline Italian agent is told, with the incentive, once.
    const notice = await until('a demand notice', async () =>
      server.app.deps.db
        .selectFrom('demand_notifications')
        .selectAll()
        .where('agent_id', '=', offline.id)
        .executeTakeFirst(),
    );
    expect(notice.language).toBe('it');
    expect(Number(notice.incentive_minor)).toBe(100);
    await until('the notice on the agent topic', async () =>
      live.find(
        (e) => e.topic.startsWith('agent:') && e.type === 'demand.notified' && e.data.language === 'it',
      ),
    );
    await new Promise((r) => setTimeout(r, 1_500));
    const notices = await server.app.deps.db
      .selectFrom('demand_notifications')
      .select('id')
      .where('agent_id', '=', offline.id)
      .execute();
    expect(notices).toHaveLength(1);
    unsubscribe();
  });

  it('refuses answers that are not yours, from non-agents, or malformed', async () => {
    const owner = await net.agent({ languages: ['nl'] });
    const other = await net.agent({ languages: ['vi'] });
    const id = await net.waiting('nl');
    const offer = await net.offerFor(owner.session, id);
    const notYours = await net.answer(other.session, offer.id, 'accept');
    expect(notYours.statusCode).toBe(404);
    expect(errorCode(notYours)).toBe('not_found');
    const customerSide = await net.inject({ method: 'POST', url: `/api/v1/offers/${offer.id}/accept` });
    expect(customerSide.statusCode).toBe(401);
    const fraud = await logInAs(server, 'fraud@tandem.demo');
    const wrongRole = await net.answer(fraud, offer.id, 'accept');
    expect(wrongRole.statusCode).toBe(403);
    const malformed = await net.answer(owner.session, 'not-a-uuid', 'accept');
    expect(malformed.statusCode).toBe(400);
    const badBody = await net.answer(owner.session, offer.id, 'decline', { reason: 42 });
    expect(badBody.statusCode).toBe(400);
    const unknown = await net.answer(owner.session, newId(), 'decline');
    expect(unknown.statusCode).toBe(404);
    // The refused attempts changed nothing: the owner can still take it.
    expect((await net.answer(owner.session, offer.id, 'accept')).statusCode).toBe(200);
    await net.setOnline(owner.session, false);
    await net.setOnline(other.session, false);
  });

  it('agent sign-up waits for approval; a silent agent counts as offline', async () => {
    const { db } = server.app.deps;
    const email = `pending-${newId().slice(0, 6)}@example.com`;
    await createStaffUser(db, systemActor, {
      email,
      name: 'Pending',
      password: 'a-long-test-password-1',
      roles: ['agent'],
    });
    const session = await logInAs(server, email, 'a-long-test-password-1');
    const profile = { displayName: 'Pat', languages: ['en'], skills: ['fraud'] };
    const signUp = await net.inject({
      method: 'POST',
      url: '/api/v1/agents',
      headers: session.headers,
      payload: profile,
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    expect((signUp.json() as { agent: { status: string } }).agent.status).toBe('pending');
    const twice = await net.inject({
      method: 'POST',
      url: '/api/v1/agents',
      headers: session.headers,
      payload: profile,
    });
    expect(twice.statusCode).toBe(409);
    const early = await net.inject({
      method: 'POST',
      url: '/api/v1/agents/me/presence',
      headers: session.headers,
      payload: { online: true },
    });
    expect(early.statusCode).toBe(403);
    const notSupervisor = await net.inject({
      method: 'GET',
      url: '/api/v1/agents',
      headers: session.headers,
    });
    expect(notSupervisor.statusCode).toBe(403);
    const badLanguage = await net.inject({
      method: 'POST',
      url: '/api/v1/agents',
      headers: session.headers,
      payload: { ...profile, languages: ['xx'] },
    });
    expect(badLanguage.statusCode).toBe(400);

    // A fresh demo has a usable agent: agent@tandem.demo is approved for English and Swedish.
    const demo = await logInAs(server, 'agent@tandem.demo');
    const demoAgent = await net.inject({ method: 'GET', url: '/api/v1/agents/me', headers: demo.headers });
    expect(demoAgent.json()).toMatchObject({ agent: { status: 'approved', languages: ['en', 'sv'] } });

    const approved = await net.agent({ languages: ['en'] });
    const me = async () =>
      (
        (
          await net.inject({ method: 'GET', url: '/api/v1/agents/me', headers: approved.session.headers })
        ).json() as { agent: { online: boolean } }
      ).agent;
    expect((await me()).online).toBe(true);
    await db
      .updateTable('agent_presence')
      .set({ last_heartbeat_at: new Date(Date.now() - 31_000) })
      .where('agent_id', '=', approved.id)
      .execute();
    expect((await me()).online).toBe(false);
    const beat = await net.inject({
      method: 'POST',
      url: '/api/v1/agents/me/heartbeat',
      headers: approved.session.headers,
    });
    expect(beat.statusCode).toBe(200);
    expect((await me()).online).toBe(true);
    await net.setOnline(approved.session, false);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', approved.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['agent.signed_up', 'agent.approved', 'agent.online', 'agent.offline']),
    );
  });

  it('pays one ledger row per handled conversation, plus an incentive the agent was offered', async () => {
    const payee = await net.agent({ languages: ['fr'], online: false });
    const { db, config } = server.app.deps;
    const conversationId = await net.waiting('fr');
    const assignedAt = new Date();
    await db
      .insertInto('demand_notifications')
      .values({
        id: newId(),
        agent_id: payee.id,
        language: 'fr',
        incentive_minor: 100,
        currency: 'USD',
        created_at: new Date(assignedAt.getTime() - 60_000),
      })
      .execute();
    for (let i = 0; i < 2; i++) {
      await db
        .transaction()
        .execute((trx) =>
          recordConversationEarning(
            trx,
            systemActor,
            config.dispatch,
            { agentId: payee.id, conversationId, assignedAt },
            new Date(),
          ),
        );
    }
    const res = await net.inject({
      method: 'GET',
      url: '/api/v1/agents/me/earnings',
      headers: payee.session.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      totals: { currency: string; amountMinor: number }[];
      entries: { kind: string }[];
    };
    expect(body.entries.map((e) => e.kind).sort()).toEqual(['conversation', 'incentive']);
    expect(body.totals).toEqual([{ currency: 'USD', amountMinor: 350 }]);
  });
});

describe.each(serverTestTargets())('offer timeout (%s)', (kind) => {
  let server: TestServer;
  const net = network(() => server);

  beforeAll(async () => {
    server = await startTestServer({
      database: kind,
      env: { OFFER_TIMEOUT_SECONDS: '1', DISPATCH_SWEEP_SECONDS: '1' },
    });
  }, 120_000);
  afterAll(async () => server?.close());

  it('an unanswered offer expires and goes to the next agent; the first cannot accept it late', async () => {
    const a = await net.agent({ languages: ['en'] });
    const b = await net.agent({ languages: ['en'] });
    const id = await net.waiting('en');
    const first = await until('a first offer', async () =>
      server.app.deps.db
        .selectFrom('dispatch_offers')
        .selectAll()
        .where('conversation_id', '=', id)
        .executeTakeFirst(),
    );
    const [slow, next] = first.agent_id === a.id ? [a, b] : [b, a];
    const second = await until('the offer to move on', async () =>
      server.app.deps.db
        .selectFrom('dispatch_offers')
        .selectAll()
        .where('conversation_id', '=', id)
        .where('agent_id', '=', next.id)
        .executeTakeFirst(),
    );
    expect(second.agent_id).toBe(next.id);
    const expired = await server.app.deps.db
      .selectFrom('dispatch_offers')
      .select('status')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(expired.status).toBe('expired');
    const late = await net.answer(slow.session, first.id, 'accept');
    expect(late.statusCode).toBe(409);
  });
});
