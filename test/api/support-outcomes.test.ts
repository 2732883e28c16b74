import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveQueue } from '../../src/operations/get-live-queue.js';
import type { SupportOutcomes } from '../../src/operations/get-support-outcomes.js';
import { network } from '../support/agent-network.js';
import { errorCode, logInAs, type StaffSession } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

/*
 * The supervisors' support figures over a known set of conversations built through the API:
 * A  Alex, AI only, Alex closes it, rated 5 (AI)         B  Elsa, AI only, idle for 2 h, rated 2 (AI)
 * C  Alex again (a repeat contact): asks for a person, answered in 30 s, handed back, rated 4 (human)
 * D  anonymous: asks for a person, answered after 200 s, closed by the agent, rated 2 (human)
 * E  anonymous, handed over (frustration): leaves the queue while an offer is pending (abandoned)
 * F  anonymous, Vietnamese hardship, urgent: still waiting, nobody can take it
 * G  anonymous, AI only, 10 days old: outside the 7-day window, inside 30 days
 * Timestamps a real wait would take are moved back in the database after each step.
 */
describe.each(serverTestTargets())('support outcomes and the live queue (%s)', (database) => {
  let server: TestServer;
  const net = network(() => server);
  const inject = net.inject;
  let supervisor: StaffSession;
  let agent: Awaited<ReturnType<typeof net.agent>>;
  let liveWhileBusy: LiveQueue;
  let pendingSignUp: string;
  let liveWithSignUp: LiveQueue;
  let withdrawnOffer: string | undefined;
  const ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string> = {} as never;

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const db = () => server.app.deps.db;
  const SEC = 1000;

  async function start(body: Record<string, unknown>): Promise<string> {
    const res = await inject({ method: 'POST', url: '/api/v1/conversations', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }
  async function say(id: string, text: string, token?: string) {
    const res = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text },
      ...(token ? { headers: bearer(token) } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string };
  }
  async function rate(id: string, score: number, token?: string) {
    const res = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/rating`,
      payload: { score },
      ...(token ? { headers: bearer(token) } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const leave = (id: string, headers: Record<string, string> = {}) =>
    inject({ method: 'POST', url: `/api/v1/conversations/${id}/leave`, headers });
  const move = (id: string, set: { created_at?: Date; updated_at?: Date; waiting_since?: Date }) =>
    db().updateTable('conversations').set(set).where('id', '=', id).execute();
  async function row(id: string) {
    return db().selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  /** When the person's part ended, as the audit trail recorded it. */
  async function finishedAt(id: string): Promise<Date> {
    const r = await db()
      .selectFrom('audit_log')
      .select('occurred_at')
      .where('entity_type', '=', 'conversation')
      .where('entity_id', '=', id)
      .where('action', 'in', ['conversation.closed', 'conversation.handed_back'])
      .executeTakeFirstOrThrow();
    return r.occurred_at;
  }
  async function live(): Promise<LiveQueue> {
    const res = await inject({ method: 'GET', url: '/api/v1/ops/live', headers: supervisor.headers });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { live: LiveQueue }).live;
  }
  async function support(days?: number): Promise<SupportOutcomes> {
    const res = await inject({
      method: 'GET',
      url: `/api/v1/ops/support${days ? `?days=${days}` : ''}`,
      headers: supervisor.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { support: SupportOutcomes }).support;
  }
  /** Asks for a person, the agent accepts the offer and says hello. */
  async function answeredByAgent(id: string, token?: string) {
    expect((await say(id, 'I want to talk to a real person', token)).status).toBe('waiting_for_human');
    const offer = await net.offerFor(agent.session, id);
    expect((await net.answer(agent.session, offer.id, 'accept')).statusCode).toBe(200);
    const hello = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/agent-messages`,
      headers: agent.session.headers,
      payload: { text: 'Hello, I am looking at it now.' },
    });
    expect(hello.statusCode, hello.body).toBe(201);
  }

  beforeAll(async () => {
    server = await startTestServer({
      database,
      env: { AGENT_RATE_MINOR: '300', AI_COST_PER_CONVERSATION_MINOR: '10', DISPATCH_SWEEP_SECONDS: '1' },
    });
    supervisor = await logInAs(server, 'supervisor@tandem.demo');
    const customers = await db().selectFrom('customers').select(['id', 'email']).execute();
    const token = (email: string) =>
      server.app.customerTokens.issue(customers.find((c) => c.email === email)!.id);
    const alex = await token('alex.morgan@example.com');
    const elsa = await token('elsa.lindqvist@example.se');
    agent = await net.agent({ languages: ['en'], maxConcurrent: 3 });

    // A: the assistant alone; the customer closes the chat.
    ids.A = await start({ locale: 'en-US', customerToken: alex });
    await say(ids.A, 'When is my next payment due?', alex);
    const closedA = await leave(ids.A, bearer(alex));
    expect(closedA.json()).toMatchObject({ status: 'closed', resolutionCode: 'customer_closed' });
    await rate(ids.A, 5, alex);
    await move(ids.A, { created_at: new Date((await row(ids.A)).closed_at!.getTime() - 120 * SEC) });

    // B: the assistant alone; nobody wrote for two hours (idle counts as finished).
    ids.B = await start({ locale: 'en-US', customerToken: elsa });
    await rate(ids.B, 2, elsa);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * SEC);
    // Its last turn a minute after it began.
    await move(ids.B, { created_at: twoHoursAgo, updated_at: new Date(twoHoursAgo.getTime() + 60 * SEC) });

    // C: Alex again; a person answers within the target and hands back to the assistant.
    ids.C = await start({ locale: 'en-US', customerToken: alex });
    await answeredByAgent(ids.C, alex);
    const back = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${ids.C}/hand-back`,
      headers: agent.session.headers,
      payload: { resolutionCode: 'information_given' },
    });
    expect(back.statusCode, back.body).toBe(200);
    await rate(ids.C, 4, alex);
    const c = await row(ids.C);
    await move(ids.C, {
      waiting_since: new Date(c.assigned_at!.getTime() - 30 * SEC),
      created_at: new Date((await finishedAt(ids.C)).getTime() - 600 * SEC),
    });

    // D: anonymous; answered late, the agent is busy with it for a moment, then closes it.
    ids.D = await start({ locale: 'en-US' });
    await answeredByAgent(ids.D);
    liveWhileBusy = await live();
    const closedD = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${ids.D}/close`,
      headers: agent.session.headers,
      payload: { resolutionCode: 'resolved' },
    });
    expect(closedD.statusCode, closedD.body).toBe(200);
    await rate(ids.D, 2);
    const d = await row(ids.D);
    await move(ids.D, {
      waiting_since: new Date(d.assigned_at!.getTime() - 200 * SEC),
      created_at: new Date((await finishedAt(ids.D)).getTime() - 1200 * SEC),
    });

    // E: handed over and offered to the agent, but the customer leaves before anyone answers.
    ids.E = await net.waiting('en', 'general', 'normal', 'frustration');
    withdrawnOffer = (await net.offerFor(agent.session, ids.E)).id;
    const left = await leave(ids.E);
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ status: 'closed', resolutionCode: 'customer_left_queue' });

    // F: nobody speaks Vietnamese: it waits.
    ids.F = await net.waiting('vi', 'hardship', 'urgent', 'hardship_signals');

    // G: ten days old, the assistant alone.
    ids.G = await start({ locale: 'en-US' });
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400 * SEC);
    await move(ids.G, { created_at: tenDaysAgo, updated_at: tenDaysAgo });

    // A sign-up waiting for a supervisor.
    pendingSignUp = (await net.agent({ languages: ['nl'], skills: ['fraud'], approved: false })).id;
    liveWithSignUp = await live();
  }, 180_000);
  afterAll(async () => server?.close());

  it('reports each outcome of the last 7 days exactly', async () => {
    const s = await support();
    expect(s.days).toBe(7);
    expect(s.conversations).toBe(6);
    expect(s.aiResolved).toEqual({ count: 2, share: 2 / 6 });
    expect(s.handoff).toEqual({
      count: 4,
      share: 4 / 6,
      reasons: [
        { reason: 'customer_requested_human', count: 2 },
        { reason: 'frustration', count: 1 },
        { reason: 'hardship_signals', count: 1 },
      ],
    });
    expect(s.serviceLevel).toMatchObject({
      targetSeconds: 60,
      targetShare: 0.8,
      answeredWithinTarget: 1,
      answered: 2,
      abandoned: 1,
      share: 1 / 3,
    });
    expect(s.serviceLevel.meanWaitSeconds).toBeCloseTo(115, 3);
    expect(s.abandonment).toEqual({ count: 1, share: 1 / 3 });
    expect(s.resolutionTime.ai.conversations).toBe(2);
    expect(s.resolutionTime.ai.meanSeconds).toBeCloseTo(90, 3);
    expect(s.resolutionTime.human.conversations).toBe(2);
    // Within a millisecond: the audit row's time has microseconds, a JavaScript Date only milliseconds.
    expect(s.resolutionTime.human.meanSeconds).toBeCloseTo(900, 2);
    expect(s.csat).toEqual({
      ai: { ratings: 2, meanScore: 3.5, satisfiedShare: 0.5 },
      human: { ratings: 2, meanScore: 3, satisfiedShare: 0.5 },
    });
    expect(s.repeatContacts).toEqual({ customers: 2, repeatCustomers: 1, share: 0.5, withinDays: 7 });
    // Two conversations paid 300 each, plus 10 of AI cost for each of the 6.
    expect(s.cost).toEqual({
      aiCostPerConversationMinor: 10,
      byCurrency: [
        {
          currency: 'USD',
          agentEarningsMinor: 600,
          aiCostMinor: 60,
          totalMinor: 660,
          perConversationMinor: 110,
        },
      ],
    });
  });

  it('widens the window with ?days', async () => {
    const s = await support(30);
    expect(s.days).toBe(30);
    expect(s.conversations).toBe(7);
    expect(s.aiResolved.count).toBe(3);
    expect(s.handoff.count).toBe(4);
  });

  it('shows the waiting conversation, agents online by skill and language, and sign-ups to approve', async () => {
    const now = await live();
    expect(now.queue).toEqual([
      expect.objectContaining({
        conversationId: ids.F,
        language: 'vi',
        queue: 'hardship',
        priority: 'urgent',
        reason: 'hardship_signals',
        position: 1,
        pendingOffer: false,
        callbackRequested: false,
      }),
    ]);
    expect(now.agents.byLanguage).toEqual([{ language: 'en', online: 1, busy: 0, freeSlots: 3 }]);
    expect(now.agents.bySkill.find((s) => s.skill === 'general')).toEqual({
      skill: 'general',
      online: 1,
      busy: 0,
      freeSlots: 3,
    });
    expect(now.agents.bySkill.find((s) => s.skill === 'hardship')).toMatchObject({ online: 0 });
    // While the agent had D, they were busy with one of three slots.
    expect(liveWhileBusy.agents.total).toEqual({ online: 1, busy: 1, freeSlots: 2 });
    expect(liveWithSignUp.pendingAgents).toEqual([
      expect.objectContaining({ id: pendingSignUp, status: 'pending', languages: ['nl'], skills: ['fraud'] }),
    ]);
    const approve = await inject({
      method: 'POST',
      url: `/api/v1/agents/${pendingSignUp}/approve`,
      headers: supervisor.headers,
    });
    expect(approve.statusCode, approve.body).toBe(200);
    expect((await live()).pendingAgents).toEqual([]);
  });

  it('a customer leaving the queue withdraws the pending offer', async () => {
    const offer = await db()
      .selectFrom('dispatch_offers')
      .select('status')
      .where('id', '=', withdrawnOffer!)
      .executeTakeFirstOrThrow();
    expect(offer.status).toBe('withdrawn');
    expect((await net.offers(agent.session)).some((o) => o.conversationId === ids.E)).toBe(false);
    expect((await net.conversation(ids.E)).status).toBe('closed');
  });

  it('refuses leaving for staff, twice, or while a person handles it', async () => {
    const staff = await leave(ids.F, supervisor.headers);
    expect(staff.statusCode).toBe(403);
    const again = await leave(ids.E);
    expect(again.statusCode).toBe(409);
    const handled = await start({ locale: 'en-US' });
    await answeredByAgent(handled);
    expect((await leave(handled)).statusCode).toBe(409);
  });

  it('is for supervisors and admins only, and checks the window', async () => {
    for (const url of ['/api/v1/ops/support', '/api/v1/ops/live']) {
      const res = await inject({ method: 'GET', url, headers: agent.session.headers });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
      expect((await inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const admin = await logInAs(server, 'admin@tandem.demo');
    expect(
      (await inject({ method: 'GET', url: '/api/v1/ops/support?days=90', headers: admin.headers }))
        .statusCode,
    ).toBe(200);
    for (const days of ['0', '91', 'week', '1.5']) {
      const res = await inject({
        method: 'GET',
        url: `/api/v1/ops/support?days=${days}`,
        headers: supervisor.headers,
      });
      expect(res.statusCode, days).toBe(400);
    }
  });
});
