import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMessages } from '../../src/conversations/conversation-store.js';
import { addDays, todayOf } from '../../src/orders/domain.js';
import { systemClock } from '../../src/platform/clock.js';
import { newId } from '../../src/platform/ids.js';
import { fixtures } from '../support/fixtures.js';
import { approvedAgent, assignConversation, handedOverConversation } from '../support/handoff.js';
import { errorCode, injector, logInAs, type StaffSession } from '../support/http.js';
import { connectLive } from '../support/live-socket.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

interface MyConversation {
  id: string;
  customerId: string | null;
  customerName: string | null;
  language: string;
  queue: string | null;
  priority: string | null;
  reason: string | null;
  assignedAt: string | null;
  lastMessage: { role: string; text: string; createdAt: string } | null;
}

/** The agent console's API: my conversations, customer context, suggestions and actions. */
describe.each(serverTestTargets())('agent desk (%s)', (database) => {
  let server: TestServer;
  const inject = injector(() => server);
  let agent: StaffSession;
  let agentId: string;
  let otherAgent: StaffSession;
  let otherAgentId: string;
  let supervisor: StaffSession;
  const today = todayOf(systemClock);

  beforeAll(async () => {
    server = await startTestServer({ database });
    ({ agentId } = await approvedAgent(server.app.deps.db, {
      email: 'desk.agent@example.com',
      name: 'Dana Desk',
      displayName: 'Dana',
      password: 'desk-agent-password-1',
      languages: ['en', 'sv'],
    }));
    ({ agentId: otherAgentId } = await approvedAgent(server.app.deps.db, {
      email: 'desk.other@example.com',
      name: 'Oskar Other',
      displayName: 'Oskar',
      password: 'desk-other-password-1',
    }));
    agent = await logInAs(server, 'desk.agent@example.com', 'desk-agent-password-1');
    otherAgent = await logInAs(server, 'desk.other@example.com', 'desk-other-password-1');
    supervisor = await logInAs(server, 'supervisor@tandem.demo');
  });
  afterAll(async () => server?.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A customer of our own with a conversation handed over and assigned to `assignee`. */
  async function assignedConversation(
    options: { language?: string; assignee?: string; assignedAt?: Date; customerId?: string | null } = {},
  ) {
    const id = await handedOverConversation(server, {
      language: options.language ?? 'en',
      customerId: options.customerId ?? null,
      reason: 'customer_requested_human',
      priority: 'high',
    });
    await assignConversation(server, id, options.assignee ?? agentId, options.assignedAt);
    return id;
  }

  const longDate = (date: string, locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );

  /** A customer message stored as a turn stores it (the assistant is not asked). */
  async function customerSays(conversationId: string, text: string) {
    await server.app.deps.db.transaction().execute(async (trx) => {
      await insertMessages(trx, conversationId, [{ role: 'customer', text }], new Date());
    });
  }

  /** A Swedish customer with one pay-in-4 plan of 180 kr: 4 × 45,00 kr, the first due in 5 days. */
  async function swedishCustomer() {
    const f = fixtures(server.app.deps.db);
    const customer = await f.customer({
      given_name: 'Elin',
      family_name: 'Ek',
      country: 'SE',
      locale: 'sv-SE',
      currency: 'SEK',
    });
    const merchant = await f.merchant(`Sportbutiken ${customer.id.slice(0, 4)}`);
    const plan = await f.bnplOrder({
      customerId: customer.id,
      merchantId: merchant.id,
      currency: 'SEK',
      totalMinor: 18_000,
      placedAt: new Date(Date.now() - 3 * 86_400_000),
      firstDueDate: addDays(today, 5),
    });
    const token = await server.app.customerTokens.issue(customer.id);
    return { customer, merchant, plan, token, f };
  }

  describe('GET /api/v1/agents/me/conversations', () => {
    it('lists the conversations assigned to me that a person still has, oldest first', async () => {
      const f = fixtures(server.app.deps.db);
      const customer = await f.customer({ given_name: 'Maja', family_name: 'Berg' });
      const now = Date.now();
      const later = await assignedConversation({ assignedAt: new Date(now - 5 * 60_000) });
      const older = await assignedConversation({
        customerId: customer.id,
        language: 'sv',
        assignedAt: new Date(now - 10 * 60_000),
      });
      const closed = await assignedConversation();
      await server.app.deps.db
        .updateTable('conversations')
        .set({ status: 'closed', closed_at: new Date() })
        .where('id', '=', closed)
        .execute();
      const someoneElses = await assignedConversation({ assignee: otherAgentId });

      const reply = await inject({
        method: 'POST',
        url: `/api/v1/conversations/${older}/agent-messages`,
        headers: agent.headers,
        payload: { text: 'Hej Maja, jag tittar på det nu.' },
      });
      expect(reply.statusCode, reply.body).toBe(201);

      const res = await inject({
        method: 'GET',
        url: '/api/v1/agents/me/conversations',
        headers: agent.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      const { conversations } = res.json() as { conversations: MyConversation[] };
      expect(conversations.map((c) => c.id)).toEqual([older, later]);
      expect(conversations.map((c) => c.id)).not.toContain(closed);
      expect(conversations.map((c) => c.id)).not.toContain(someoneElses);
      expect(conversations[0]).toEqual({
        id: older,
        customerId: customer.id,
        customerName: 'Maja Berg',
        language: 'sv',
        queue: 'general',
        priority: 'high',
        reason: 'customer_requested_human',
        assignedAt: new Date(now - 10 * 60_000).toISOString(),
        lastMessage: {
          role: 'agent',
          text: 'Hej Maja, jag tittar på det nu.',
          createdAt: expect.any(String),
        },
      });
      expect(conversations[1]).toMatchObject({ customerId: null, customerName: null, language: 'en' });

      const theirs = await inject({
        method: 'GET',
        url: '/api/v1/agents/me/conversations',
        headers: otherAgent.headers,
      });
      expect((theirs.json() as { conversations: MyConversation[] }).conversations.map((c) => c.id)).toEqual([
        someoneElses,
      ]);
    });

    it('answers 404 to staff without an agent profile and 401 to a customer', async () => {
      const admin = await logInAs(server, 'admin@tandem.demo');
      const res = await inject({
        method: 'GET',
        url: '/api/v1/agents/me/conversations',
        headers: admin.headers,
      });
      expect(res.statusCode, res.body).toBe(404);
      expect(errorCode(res)).toBe('not_found');

      const customer = await fixtures(server.app.deps.db).customer();
      const token = await server.app.customerTokens.issue(customer.id);
      const asCustomer = await inject({
        method: 'GET',
        url: '/api/v1/agents/me/conversations',
        headers: bearer(token),
      });
      expect(asCustomer.statusCode).toBe(401);
    });
  });
  describe('GET /api/v1/conversations/:id/context', () => {
    it('gives the handler the customer, their orders, next payment and other conversations', async () => {
      const { customer, plan } = await swedishCustomer();
      const db = server.app.deps.db;
      const earlier = new Date(Date.now() - 2 * 86_400_000);
      const pastHuman = await assignedConversation({ customerId: customer.id, language: 'sv' });
      await db
        .updateTable('conversations')
        .set({ status: 'closed', closed_at: earlier, created_at: earlier, resolution_code: 'resolved' })
        .where('id', '=', pastHuman)
        .execute();
      const id = await assignedConversation({ customerId: customer.id, language: 'sv' });

      const res = await inject({
        method: 'GET',
        url: `/api/v1/conversations/${id}/context`,
        headers: agent.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      const context = res.json();
      expect(context.customer).toEqual({
        id: customer.id,
        name: 'Elin Ek',
        email: customer.email,
        phone: customer.phone,
        country: 'SE',
        locale: 'sv-SE',
        status: 'active',
        verified: true,
      });
      expect(context.orders).toHaveLength(1);
      expect(context.orders[0]).toMatchObject({
        id: plan.order.id,
        totalMinor: 18_000,
        currency: 'SEK',
        plan: { id: plan.plan.id, installmentCount: 4, postponementsUsed: 0 },
        refunds: [],
        disputes: [],
      });
      expect(context.orders[0].plan.installments.map((i: { amountMinor: number }) => i.amountMinor)).toEqual([
        4_500, 4_500, 4_500, 4_500,
      ]);
      expect(context.nextPayment).toEqual({
        installmentId: plan.installments[0]!.id,
        orderId: plan.order.id,
        amountMinor: 4_500,
        currency: 'SEK',
        dueDate: addDays(today, 5),
      });
      expect(context.recentConversations).toEqual([
        {
          id: pastHuman,
          startedAt: earlier.toISOString(),
          status: 'closed',
          handledBy: 'human',
          reason: 'customer_requested_human',
          resolutionCode: 'resolved',
        },
      ]);

      // The same as the staff customer view shows, order for order.
      const staffView = await inject({
        method: 'GET',
        url: `/api/v1/staff/customers/${customer.id}`,
        headers: agent.headers,
      });
      expect(context.orders).toEqual(staffView.json().orders);
    });

    it('refuses other agents (403), customers (401) and unknown conversations (404)', async () => {
      const { customer, token } = await swedishCustomer();
      const id = await assignedConversation({ customerId: customer.id });
      const url = `/api/v1/conversations/${id}/context`;

      const other = await inject({ method: 'GET', url, headers: otherAgent.headers });
      expect(other.statusCode, other.body).toBe(403);
      expect(other.json().error.message).toBe('This conversation is not assigned to you');

      const asCustomer = await inject({ method: 'GET', url, headers: bearer(token) });
      expect(asCustomer.statusCode).toBe(401);

      const unknown = await inject({
        method: 'GET',
        url: '/api/v1/conversations/00000000-0000-4000-8000-000000000000/context',
        headers: agent.headers,
      });
      expect(unknown.statusCode).toBe(404);
      expect(errorCode(unknown)).toBe('not_found');

      const bySupervisor = await inject({ method: 'GET', url, headers: supervisor.headers });
      expect(bySupervisor.statusCode, bySupervisor.body).toBe(200);
      expect(bySupervisor.json().customer.id).toBe(customer.id);
    });

    it('has no customer for an anonymous visitor', async () => {
      const id = await assignedConversation();
      const res = await inject({
        method: 'GET',
        url: `/api/v1/conversations/${id}/context`,
        headers: agent.headers,
      });
      expect(res.json()).toEqual({ customer: null, orders: [], nextPayment: null, recentConversations: [] });
    });
  });
  describe('POST /api/v1/conversations/:id/actions', () => {
    const act = (id: string, payload: unknown, session: StaffSession = agent, key?: string) =>
      inject({
        method: 'POST',
        url: `/api/v1/conversations/${id}/actions`,
        headers: { ...session.headers, ...(key ? { 'idempotency-key': key } : {}) },
        payload: payload as Record<string, unknown>,
      });
    const longDate = (date: string, locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${date}T00:00:00Z`),
      );

    it('postpones the next payment once, tells the customer in Swedish, audits the agent, and replays a retry', async () => {
      const { customer, merchant, plan, token, f } = await swedishCustomer();
      const id = await assignedConversation({ customerId: customer.id, language: 'sv' });
      const moved = addDays(today, 12);
      const text = `Klart: din delbetalning hos ${merchant.name} förfaller nu ${longDate(moved, 'sv-SE')}.`;

      // The customer's widget follows the conversation live.
      const live = connectLive(
        `${server.url.replace('http', 'ws')}/api/v1/live?token=${encodeURIComponent(token)}&topics=conversation:${id}`,
      );
      await live.waitFor((m) => m.type === 'subscribed');

      const res = await act(id, { action: 'postpone_installment', days: 7 }, agent, 'desk-postpone-1');
      expect(res.statusCode, res.body).toBe(200);
      const pushed = await live.waitFor((m) => m.event?.type === 'message.created');
      expect(pushed.event?.data).toEqual(res.json().message);
      live.socket.close();
      expect(res.json()).toEqual({
        action: 'postpone_installment',
        outcome: 'done',
        message: {
          id: expect.any(String),
          role: 'agent',
          agentName: 'Dana',
          text,
          createdAt: expect.any(String),
        },
      });
      const first = res.json().message.id as string;
      expect((await f.installment(plan.installments[0]!.id)).due_date).toBe(moved);

      // A retried request with the same key: the same answer, no second postponement or message.
      const retry = await act(id, { action: 'postpone_installment', days: 7 }, agent, 'desk-postpone-1');
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.json().message.id).toBe(first);
      const state = await f.planState(plan.plan.id);
      expect(state.plan.postponements_used).toBe(1);
      expect(state.installments[0]!.due_date).toBe(moved);

      const reused = await act(
        id,
        { action: 'waive_late_fee', installmentId: plan.installments[0]!.id },
        agent,
        'desk-postpone-1',
      );
      expect(reused.statusCode, reused.body).toBe(409);
      expect(reused.json().error.message).toBe(
        'This idempotency-key was already used for a different action',
      );

      // A new request is a second postponement, which the plan's rules refuse.
      const again = await act(id, { action: 'postpone_installment', days: 3 }, agent, 'desk-postpone-2');
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json().error.message).toBe(
        'A plan can be postponed only once, and this plan has already been postponed',
      );

      const audit = await server.app.deps.db
        .selectFrom('audit_log')
        .select(['action', 'actor_type', 'actor_id'])
        .where((eb) => eb.or([eb('entity_id', '=', plan.installments[0]!.id), eb('entity_id', '=', id)]))
        .where('action', 'in', ['installment.postponed', 'conversation.agent_action'])
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'installment.postponed', actor_type: 'staff', actor_id: agent.user.id },
        { action: 'conversation.agent_action', actor_type: 'staff', actor_id: agent.user.id },
      ]);

      // The customer sees it in their conversation, once, with the agent's name.
      const seen = await inject({
        method: 'GET',
        url: `/api/v1/conversations/${id}`,
        headers: bearer(token),
      });
      expect(seen.statusCode, seen.body).toBe(200);
      const told = (seen.json().messages as { text: string; agentName?: string }[]).filter(
        (m) => m.text === text,
      );
      expect(told).toEqual([expect.objectContaining({ role: 'agent', agentName: 'Dana' })]);
    });

    it('waives a late fee, registers a return of one item and opens a dispute, each told to the customer', async () => {
      const f = fixtures(server.app.deps.db);
      const customer = await f.customer({ given_name: 'Sam', family_name: 'Lee' });
      const merchant = await f.merchant(`Outdoor Co ${customer.id.slice(0, 4)}`);
      const plan = await f.bnplOrder({
        customerId: customer.id,
        merchantId: merchant.id,
        totalMinor: 40_000,
        placedAt: new Date(Date.now() - 20 * 86_400_000),
        firstDueDate: addDays(today, -6),
      });
      const late = plan.installments[0]!;
      await server.app.deps.db
        .updateTable('installments')
        .set({ status: 'late' })
        .where('id', '=', late.id)
        .execute();
      await server.app.deps.db
        .insertInto('late_fees')
        .values({
          id: newId(),
          installment_id: late.id,
          plan_id: plan.plan.id,
          customer_id: customer.id,
          amount_minor: 700,
          currency: 'USD',
          status: 'charged',
          assessed_at: new Date(),
        })
        .execute();
      const id = await assignedConversation({ customerId: customer.id });

      const waived = await act(id, { action: 'waive_late_fee', installmentId: late.id });
      expect(waived.statusCode, waived.body).toBe(200);
      expect(waived.json().message.text).toBe(
        `Done: the late fee of $7.00 on your ${merchant.name} installment has been waived.`,
      );
      const fee = await server.app.deps.db
        .selectFrom('late_fees')
        .select(['status', 'waived_reason'])
        .where('installment_id', '=', late.id)
        .executeTakeFirstOrThrow();
      expect(fee).toEqual({ status: 'waived', waived_reason: 'Waived by Dana (agent console)' });
      const twice = await act(id, { action: 'waive_late_fee', installmentId: late.id });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.message).toBe('The late fee on this installment is already waived');

      const item = await server.app.deps.db
        .selectFrom('order_items')
        .select('id')
        .where('order_id', '=', plan.order.id)
        .executeTakeFirstOrThrow();
      const notOurs = await act(id, {
        action: 'register_return',
        orderId: plan.order.id,
        itemIds: [newId()],
      });
      expect(notOurs.statusCode).toBe(422);
      expect(notOurs.json().error.message).toMatch(/^itemIds/);
      const returned = await act(id, {
        action: 'register_return',
        orderId: plan.order.id,
        itemIds: [item.id],
      });
      expect(returned.statusCode, returned.body).toBe(200);
      expect(returned.json().message.text).toBe(
        `Done: your return to ${merchant.name} is registered. Send the item back to the store; your refund follows once they have received it.`,
      );
      const stored = await server.app.deps.db
        .selectFrom('returns')
        .select(['status', 'reason'])
        .where('order_id', '=', plan.order.id)
        .execute();
      expect(stored).toEqual([
        { status: 'requested', reason: 'Registered by Dana (agent console): Rain jacket' },
      ]);

      const disputed = await act(id, {
        action: 'open_dispute',
        orderId: plan.order.id,
        reason: 'not_as_described',
      });
      expect(disputed.statusCode, disputed.body).toBe(200);
      expect(disputed.json().message.text).toContain(
        `I've opened a dispute for your purchase at ${merchant.name}.`,
      );
      const planNow = await f.planState(plan.plan.id);
      expect(planNow.plan.status).toBe('paused');
      const secondDispute = await act(id, {
        action: 'open_dispute',
        orderId: plan.order.id,
        reason: 'other',
      });
      expect(secondDispute.statusCode).toBe(409);
      expect(secondDispute.json().error.message).toBe('This order already has an open dispute');
    });

    it('answers malformed bodies with 400 naming the field', async () => {
      const id = await assignedConversation();
      const cases: [unknown, string][] = [
        [{ action: 'postpone_installment', days: 30 }, 'body.days'],
        [{ action: 'postpone_installment' }, 'body.days'],
        [{ action: 'open_dispute', orderId: newId() }, 'body.reason'],
        [{ action: 'register_return', orderId: 'not-an-id' }, 'body.orderId'],
        [{ action: 'refund_everything' }, 'body.action'],
      ];
      for (const [payload, field] of cases) {
        const res = await act(id, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(errorCode(res)).toBe('validation_failed');
        expect(res.json().error.message, JSON.stringify(payload)).toContain(field);
      }
    });

    it('refuses other agents (403), customers (401), unknown conversations (404) and anonymous visitors (409)', async () => {
      const { customer, token, f } = await swedishCustomer();
      const id = await assignedConversation({ customerId: customer.id, language: 'sv' });
      const body = { action: 'postpone_installment', days: 2 };
      const other = await act(id, body, otherAgent);
      expect(other.statusCode, other.body).toBe(403);
      const asCustomer = await inject({
        method: 'POST',
        url: `/api/v1/conversations/${id}/actions`,
        headers: bearer(token),
        payload: body,
      });
      expect(asCustomer.statusCode).toBe(401);
      const unknown = await act('00000000-0000-4000-8000-000000000000', body);
      expect(unknown.statusCode).toBe(404);
      const anonymous = await act(await assignedConversation(), body);
      expect(anonymous.statusCode).toBe(409);
      // Nothing was postponed by any of them.
      const orders = await f.planState(
        (
          await server.app.deps.db
            .selectFrom('payment_plans')
            .select('id')
            .where('customer_id', '=', customer.id)
            .executeTakeFirstOrThrow()
        ).id,
      );
      expect(orders.plan.postponements_used).toBe(0);
    });
  });
  describe('GET /api/v1/conversations/:id/suggestions', () => {
    interface Suggestions {
      replies: { id: string; kind: string; title: string; text: string; articleSlug?: string }[];
      actions: {
        action: string;
        label: string;
        available: boolean;
        unavailableReason?: string;
        defaults?: Record<string, unknown>;
      }[];
    }
    const suggestions = async (id: string, session: StaffSession = agent) => {
      const res = await inject({
        method: 'GET',
        url: `/api/v1/conversations/${id}/suggestions`,
        headers: session.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Suggestions;
    };
    const action = (s: Suggestions, name: string) => s.actions.find((a) => a.action === name);

    it("suggests the flow's reply with the account's figures, the help article, and the actions the rules allow", async () => {
      const { customer, merchant, plan } = await swedishCustomer();
      const id = await assignedConversation({ customerId: customer.id, language: 'sv' });
      await customerSays(id, 'Kan jag skjuta upp min nästa betalning några dagar?');

      const first = await suggestions(id);
      const due = longDate(addDays(today, 5), 'sv-SE');
      expect(first.replies[0]).toEqual({
        id: 'flow:next_payment',
        kind: 'action',
        title: 'Next payment',
        text: `Din nästa betalning är 45,00\u00a0kr och ska betalas senast ${due}, för ditt köp hos ${merchant.name}.`,
      });
      expect(first.replies).toContainEqual(
        expect.objectContaining({
          kind: 'article',
          articleSlug: 'postponing-a-payment',
          title: 'Skjuta upp en betalning',
        }),
      );
      expect(action(first, 'postpone_installment')).toEqual({
        action: 'postpone_installment',
        label: 'Postpone the next payment',
        available: true,
        defaults: {
          days: 14,
          installmentId: plan.installments[0]!.id,
          orderId: plan.order.id,
          merchant: merchant.name,
          amountMinor: 4_500,
          currency: 'SEK',
          dueDate: addDays(today, 5),
          latestDueDate: addDays(today, 19),
        },
      });
      expect(action(first, 'register_return')).toMatchObject({
        available: true,
        defaults: { orderId: plan.order.id, items: [{ id: expect.any(String), description: 'Rain jacket' }] },
      });
      expect(action(first, 'open_dispute')).toMatchObject({
        available: true,
        defaults: { orderId: plan.order.id },
      });
      expect(action(first, 'waive_late_fee')).toMatchObject({
        available: false,
        unavailableReason: 'There is no unpaid late fee on this account',
      });

      // Once postponed, the rules say no, and the reply explains it to the customer in Swedish.
      const done = await inject({
        method: 'POST',
        url: `/api/v1/conversations/${id}/actions`,
        headers: agent.headers,
        payload: { action: 'postpone_installment', days: 2 },
      });
      expect(done.statusCode, done.body).toBe(200);
      const after = await suggestions(id);
      expect(action(after, 'postpone_installment')).toEqual({
        action: 'postpone_installment',
        label: 'Postpone the next payment',
        available: false,
        unavailableReason: 'This plan was already postponed once; a plan can be postponed only once',
      });
      expect(after.replies.find((r) => r.id === 'flow:postpone_refused')?.text).toMatch(
        /^Den här planen har redan skjutits upp en gång/,
      );
      expect(after.replies[0]?.text).toContain(longDate(addDays(today, 7), 'sv-SE'));
    });

    it('offers no account actions for an anonymous visitor, and refuses other agents and unknown ids', async () => {
      const id = await assignedConversation();
      await customerSays(id, 'How do late fees work?');
      const anonymous = await suggestions(id);
      expect(anonymous.actions.every((a) => !a.available)).toBe(true);
      expect(anonymous.replies[0]).toMatchObject({ kind: 'article', articleSlug: 'fees-and-late-fees' });

      const other = await inject({
        method: 'GET',
        url: `/api/v1/conversations/${id}/suggestions`,
        headers: otherAgent.headers,
      });
      expect(other.statusCode).toBe(403);
      const unknown = await inject({
        method: 'GET',
        url: '/api/v1/conversations/00000000-0000-4000-8000-000000000000/suggestions',
        headers: agent.headers,
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
