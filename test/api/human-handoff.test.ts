import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handBackToAssistant } from '../../src/conversations/hand-back-to-assistant.js';
import { postAgentMessage } from '../../src/conversations/post-agent-message.js';
import { newId } from '../../src/platform/ids.js';
import { approvedAgent, assignConversation } from '../support/handoff.js';
import { errorCode, injector, logInAs, type StaffSession } from '../support/http.js';
import { RecordingEventBus } from '../support/recording-event-bus.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

interface Message {
  role: string;
  text: string;
  agentName?: string;
}
interface Conversation {
  id: string;
  status: string;
  messages: Message[];
  ratingRequested?: boolean;
}

/** The human side over HTTP: summary, agent actions, refusals and the customer's rating. */
describe.each(serverTestTargets())('human side of a conversation (%s)', (database) => {
  let server: TestServer;
  const inject = injector(() => server);
  let agent: StaffSession;
  let otherAgent: StaffSession;
  let supervisor: StaffSession;
  let demoAgentId: string;
  let elsa: { id: string; token: string };
  let alexToken: string;

  beforeAll(async () => {
    // No demand incentive: the sweeper may notify the (offline) demo agent of waiting conversations
    // at any moment, which would add an incentive row to the earnings these tests count exactly.
    server = await startTestServer({ database, env: { DEMAND_INCENTIVE_MINOR: '0' } });
    const db = server.app.deps.db;
    const customers = await db.selectFrom('customers').select(['id', 'email']).execute();
    const id = (email: string) => customers.find((c) => c.email === email)!.id;
    elsa = {
      id: id('elsa.lindqvist@example.se'),
      token: await server.app.customerTokens.issue(id('elsa.lindqvist@example.se')),
    };
    alexToken = await server.app.customerTokens.issue(id('alex.morgan@example.com'));
    demoAgentId = (
      await db
        .selectFrom('agents as a')
        .innerJoin('staff_users as s', 's.id', 'a.staff_user_id')
        .select('a.id')
        .where('s.email', '=', 'agent@tandem.demo')
        .executeTakeFirstOrThrow()
    ).id;
    // A second approved agent, to whom nothing is assigned.
    await approvedAgent(server.app.deps.db, {
      email: 'other.agent@tandem.demo',
      name: 'Otto Other',
      displayName: 'Otto',
      password: 'tandem-demo-other',
    });
    agent = await logInAs(server, 'agent@tandem.demo');
    otherAgent = await logInAs(server, 'other.agent@tandem.demo', 'tandem-demo-other');
    supervisor = await logInAs(server, 'supervisor@tandem.demo');
  });
  afterAll(async () => server?.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function handedOver(
    text: string,
    body: Record<string, unknown> = { locale: 'en-US' },
    token?: string,
  ): Promise<string> {
    const started = await inject({ method: 'POST', url: '/api/v1/conversations', payload: body });
    const { id } = started.json() as { id: string };
    const turn = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text },
      ...(token ? { headers: bearer(token) } : {}),
    });
    expect(turn.json()).toMatchObject({ status: 'waiting_for_human' });
    return id;
  }

  const assign = (conversationId: string, agentId = demoAgentId) =>
    assignConversation(server, conversationId, agentId);

  const read = async (id: string, token?: string) =>
    (
      await inject({
        method: 'GET',
        url: `/api/v1/conversations/${id}`,
        ...(token ? { headers: bearer(token) } : {}),
      })
    ).json() as Conversation;

  it('builds the handoff summary with who the customer is and what they already said', async () => {
    const id = await handedOver(
      'Jag blev debiterad 450 kr två gånger, jag vill prata med en människa',
      { locale: 'sv-SE', customerToken: elsa.token },
      elsa.token,
    );
    const res = await inject({
      method: 'GET',
      url: `/api/v1/conversations/${id}/handoff-summary`,
      headers: supervisor.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({
      customer: { id: elsa.id, name: 'Elsa Lindqvist', verified: true },
      language: 'sv',
      reason: 'customer_requested_human',
      queue: 'general',
      customerMessages: 1,
      lastCustomerMessage: expect.stringContaining('450 kr'),
    });
    expect(summary.facts.amounts).toEqual([expect.objectContaining({ minor: 45_000 })]);
    expect(summary.text).toMatch(/^Elsa Lindqvist \(verified, writing in sv\): Asked to talk to a person/);
    expect(summary.text).toContain('Mentioned: amounts 450 kr');
    expect(summary.suggestedNextStep).toBeTruthy();

    // Before assignment an agent may not read it; the assigned agent may.
    const early = await inject({
      method: 'GET',
      url: `/api/v1/conversations/${id}/handoff-summary`,
      headers: agent.headers,
    });
    expect(early.statusCode).toBe(403);
    await assign(id);
    const late = await inject({
      method: 'GET',
      url: `/api/v1/conversations/${id}/handoff-summary`,
      headers: agent.headers,
    });
    expect(late.statusCode).toBe(200);
  });

  it('summarises an anonymous, frustrated customer and the assistant’s failure', async () => {
    const started = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'en-US' },
    });
    const { id } = started.json() as { id: string };
    for (const text of ['asdkjh qwepoiu zxmnb', 'xqzv blorf wibble']) {
      await inject({ method: 'POST', url: `/api/v1/conversations/${id}/messages`, payload: { text } });
    }
    const summary = (
      await inject({
        method: 'GET',
        url: `/api/v1/conversations/${id}/handoff-summary`,
        headers: supervisor.headers,
      })
    ).json();
    expect(summary).toMatchObject({
      customer: { id: null, name: null, verified: false },
      reason: 'low_understanding',
      aiFailures: ['The assistant could not understand them'],
      customerMessages: 2,
      sentiment: { sentiment: expect.any(String) },
    });
    expect(summary.text).toMatch(/^An anonymous visitor \(not verified/);
  });

  it('lets the assigned agent reply: the customer sees it with the agent’s name, the assistant stays quiet', async () => {
    const id = await handedOver('I want to talk to a real person');
    await assign(id);
    const res = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/agent-messages`,
      headers: agent.headers,
      payload: { text: 'Hi, I am Alva. I have read what you wrote.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ role: 'agent', agentName: 'Alva' });

    const customerTurn = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text: 'Thanks!' },
    });
    expect(customerTurn.json()).toMatchObject({ status: 'with_human', messages: [] });
    const seen = await read(id);
    expect(seen.messages.at(-2)).toMatchObject({
      role: 'agent',
      agentName: 'Alva',
      text: 'Hi, I am Alva. I have read what you wrote.',
    });
    expect(seen.messages.at(-1)).toMatchObject({ role: 'customer', text: 'Thanks!' });

    const db = server.app.deps.db;
    const row = await db
      .selectFrom('conversations')
      .select('first_human_reply_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.first_human_reply_at).not.toBeNull();
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'conversation.agent_replied')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: 'staff', actor_id: agent.user.id });
  });

  it('refuses an agent the conversation is not assigned to, non-staff, a missing CSRF token and malformed bodies', async () => {
    const id = await handedOver('I want to talk to a real person');
    await assign(id);
    const url = `/api/v1/conversations/${id}/agent-messages`;
    const other = await inject({
      method: 'POST',
      url,
      headers: otherAgent.headers,
      payload: { text: 'hello' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual({
      error: { code: 'forbidden', message: 'This conversation is not assigned to you' },
    });
    for (const path of ['handoff-summary', 'notes']) {
      const get = await inject({
        method: 'GET',
        url: `/api/v1/conversations/${id}/${path}`,
        headers: otherAgent.headers,
      });
      expect(get.statusCode, path).toBe(403);
    }
    for (const path of ['hand-back', 'close', 'notes']) {
      const post = await inject({
        method: 'POST',
        url: `/api/v1/conversations/${id}/${path}`,
        headers: otherAgent.headers,
        payload: { resolutionCode: 'resolved', text: 'x' },
      });
      expect(post.statusCode, path).toBe(403);
    }
    const customer = await inject({
      method: 'POST',
      url,
      headers: bearer(alexToken),
      payload: { text: 'hello' },
    });
    expect(customer.statusCode).toBe(401);
    const noCsrf = await inject({
      method: 'POST',
      url,
      headers: { cookie: agent.headers.cookie },
      payload: { text: 'hi' },
    });
    expect(errorCode(noCsrf)).toBe('csrf_failed');
    for (const [path, payload] of [
      ['agent-messages', { text: '   ' }],
      ['agent-messages', { text: 42 }],
      ['close', {}],
      ['close', { resolutionCode: 'made_up' }],
    ] as const) {
      const bad = await inject({
        method: 'POST',
        url: `/api/v1/conversations/${id}/${path}`,
        headers: agent.headers,
        payload,
      });
      expect(bad.statusCode, `${path} ${JSON.stringify(payload)}`).toBe(400);
      expect(errorCode(bad)).toBe('validation_failed');
    }
    const notUuid = await inject({
      method: 'POST',
      url: '/api/v1/conversations/nope/agent-messages',
      headers: agent.headers,
      payload: { text: 'x' },
    });
    expect(notUuid.statusCode).toBe(400);
    const missing = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${newId()}/agent-messages`,
      headers: agent.headers,
      payload: { text: 'x' },
    });
    expect(missing.statusCode).toBe(404);
    // Nothing was stored by the refused writers.
    const stored = await read(id);
    expect(stored.messages.filter((m) => m.role === 'agent')).toHaveLength(0);
  });

  it('keeps internal notes away from the customer', async () => {
    const id = await handedOver('I want to talk to a real person');
    await assign(id);
    const res = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/notes`,
      headers: agent.headers,
      payload: { text: 'Customer sounds stressed; offered a pause.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const notes = await inject({
      method: 'GET',
      url: `/api/v1/conversations/${id}/notes`,
      headers: supervisor.headers,
    });
    expect(notes.json().notes).toEqual([
      expect.objectContaining({
        text: 'Customer sounds stressed; offered a pause.',
        authorName: 'Alva Agent',
      }),
    ]);
    const seen = await read(id);
    expect(JSON.stringify(seen)).not.toContain('stressed');
  });

  it('hands back to the assistant: the customer is asked to rate, the assistant answers again, rating once', async () => {
    const id = await handedOver(
      'I want to talk to a real person',
      { locale: 'en-US', customerToken: elsa.token },
      elsa.token,
    );
    await assign(id);
    await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/agent-messages`,
      headers: agent.headers,
      payload: { text: 'Sorted!' },
    });
    const back = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/hand-back`,
      headers: agent.headers,
      payload: { resolutionCode: 'resolved' },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({ conversationId: id, status: 'bot', resolutionCode: 'resolved' });
    // The agent is paid once for the conversation.
    const earned = await server.app.deps.db
      .selectFrom('agent_earnings')
      .select(['agent_id', 'kind', 'amount_minor'])
      .where('conversation_id', '=', id)
      .execute();
    expect(earned).toEqual([{ agent_id: demoAgentId, kind: 'conversation', amount_minor: 250 }]);
    const seen = await read(id, elsa.token);
    expect(seen.status).toBe('bot');
    expect(seen.ratingRequested).toBe(true);
    expect(seen.messages.at(-2)?.text).toMatch(/^Alva has handed you back to the assistant/);
    expect(seen.messages.at(-1)?.text).toMatch(/rate this conversation from 1 to 5/);

    const again = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers: bearer(elsa.token),
      payload: { text: 'How do returns work?' },
    });
    expect(again.json().messages[0]).toMatchObject({ role: 'assistant' });

    const url = `/api/v1/conversations/${id}/rating`;
    expect(
      (await inject({ method: 'POST', url, headers: bearer(alexToken), payload: { score: 5 } })).statusCode,
    ).toBe(404);
    expect(
      (await inject({ method: 'POST', url, headers: supervisor.headers, payload: { score: 5 } })).statusCode,
    ).toBe(403);
    expect(
      (await inject({ method: 'POST', url, headers: bearer(elsa.token), payload: { score: 6 } })).statusCode,
    ).toBe(400);
    const rated = await inject({
      method: 'POST',
      url,
      headers: bearer(elsa.token),
      payload: { score: 5, comment: 'Quick and kind' },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ score: 5, comment: 'Quick and kind', handledBy: 'human' });
    const second = await inject({ method: 'POST', url, headers: bearer(elsa.token), payload: { score: 1 } });
    expect(second.statusCode).toBe(409);
    expect((await read(id, elsa.token)).ratingRequested).toBe(false);

    // Asking for a person again starts a new round: no stale wrap-up, no rating prompt while waiting.
    await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers: bearer(elsa.token),
      payload: { text: 'I want to talk to a real person' },
    });
    const waiting = await server.app.deps.db
      .selectFrom('conversations')
      .select(['status', 'resolution_code'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(waiting).toEqual({ status: 'waiting_for_human', resolution_code: null });
    const row = await server.app.deps.db
      .selectFrom('conversation_ratings')
      .selectAll()
      .where('conversation_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ score: 5, handled_by: 'human', agent_id: demoAgentId });
  });

  it('lets a supervisor close with a wrap-up code; the closed conversation refuses messages but takes a rating', async () => {
    const id = await handedOver('I want to talk to a real person');
    await assign(id);
    const closed = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/close`,
      headers: supervisor.headers,
      payload: { resolutionCode: 'information_given' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const db = server.app.deps.db;
    const row = await db
      .selectFrom('conversations')
      .select(['status', 'resolution_code', 'closed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'closed', resolution_code: 'information_given' });
    expect(row.closed_at).not.toBeNull();
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'reason'])
      .where('entity_id', '=', id)
      .where('action', '=', 'conversation.closed')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: supervisor.user.id, reason: 'information_given' });
    const after = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text: 'hello?' },
    });
    expect(after.statusCode).toBe(409);
    const twice = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/close`,
      headers: supervisor.headers,
      payload: { resolutionCode: 'resolved' },
    });
    expect(twice.statusCode).toBe(409);
    const rated = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/rating`,
      payload: { score: 3 },
    });
    expect(rated.json()).toMatchObject({ score: 3, handledBy: 'human' });
  });

  it('lets a customer rate a conversation the AI handled, but not one a person is still on', async () => {
    const started = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'en-US' },
    });
    const { id } = started.json() as { id: string };
    const rated = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/rating`,
      payload: { score: 4 },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ handledBy: 'ai' });

    const waiting = await handedOver('I want to talk to a real person');
    const early = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${waiting}/rating`,
      payload: { score: 4 },
    });
    expect(early.statusCode).toBe(409);
  });

  it('publishes the reply live on the conversation topic and human_finished on the staff topic', async () => {
    const id = await handedOver('I want to talk to a real person');
    await assign(id);
    const events = new RecordingEventBus();
    const deps = { db: server.app.deps.db, events, clock: server.app.deps.clock };
    const principal = {
      kind: 'staff' as const,
      staffUserId: agent.user.id,
      email: agent.user.email,
      name: 'Alva Agent',
      roles: ['agent' as const],
      sessionId: 's',
    };
    await postAgentMessage(deps, { type: 'staff', id: agent.user.id }, principal, {
      conversationId: id,
      text: 'On it',
    });
    await handBackToAssistant(
      { ...deps, jobs: server.app.deps.jobs, config: server.app.deps.config },
      { type: 'staff', id: agent.user.id },
      principal,
      { conversationId: id },
    );
    expect(events.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          topic: `conversation:${id}`,
          type: 'message.created',
          data: expect.objectContaining({ role: 'agent', agentName: 'Alva', text: 'On it' }),
        }),
        expect.objectContaining({
          topic: `conversation:${id}`,
          type: 'conversation.status_changed',
          data: expect.objectContaining({ status: 'bot', ratingRequested: true }),
        }),
        expect.objectContaining({
          topic: 'staff',
          type: 'conversation.human_finished',
          data: expect.objectContaining({ conversationId: id, agentId: demoAgentId }),
        }),
      ]),
    );
  });
});
