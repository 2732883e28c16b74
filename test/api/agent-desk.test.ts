import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayOf } from '../../src/orders/domain.js';
import { systemClock } from '../../src/platform/clock.js';
import { fixtures } from '../support/fixtures.js';
import { approvedAgent, assignConversation, handedOverConversation } from '../support/handoff.js';
import { errorCode, injector, logInAs, type StaffSession } from '../support/http.js';
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
    ({ agentId } = await approvedAgent(server, {
      email: 'desk.agent@example.com',
      name: 'Dana Desk',
      displayName: 'Dana',
      password: 'desk-agent-password-1',
      languages: ['en', 'sv'],
    }));
    ({ agentId: otherAgentId } = await approvedAgent(server, {
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
});
