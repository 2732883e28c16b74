import { z } from 'zod';
import { requireRoles } from '../identity/guards.js';
import { actorOf, staffPrincipal } from '../identity/principal.js';
import type { RouteModule } from '../platform/http/types.js';
import { AGENT_LANGUAGES, AGENT_SKILLS, agentViewSchema, toAgentView } from './agent-views.js';
import { agentOfStaff, getAgent, listAgents } from './list-agents.js';
import { earningsViewSchema, listEarnings } from './list-earnings.js';
import { listMyConversations, myConversationSchema } from './list-my-conversations.js';
import { reviewAgent } from './review-agent.js';
import { setPresence } from './set-presence.js';
import { signUpAgent } from './sign-up-agent.js';

const security = [{ staffSession: [] }];
const idParams = z.object({ id: z.uuid() });
const presenceView = z.object({ online: z.boolean(), lastHeartbeatAt: z.string() });

/** The agent network: profiles, supervisor review, presence, earnings. */
export const agentRoutes: RouteModule = (app, deps) => {
  const presenceMs = deps.config.dispatch.presenceTimeoutMs;
  const view = (row: Parameters<typeof toAgentView>[0]) => toAgentView(row, deps.clock.now(), presenceMs);

  app.post(
    '/api/v1/agents',
    {
      preHandler: requireRoles('agent'),
      schema: {
        tags: ['agents'],
        summary: 'Sign up as an agent: your profile waits for a supervisor to approve it',
        security,
        body: z.object({
          displayName: z.string().trim().min(1).max(60).describe('Shown to customers, e.g. "Sam"'),
          languages: z.array(z.enum(AGENT_LANGUAGES)).min(1).max(8),
          skills: z.array(z.enum(AGENT_SKILLS)).max(4).default([]),
          certification: z.enum(['trainee', 'certified', 'senior']).default('trainee'),
          maxConcurrent: z.number().int().min(1).max(10).optional(),
        }),
        response: { 201: z.object({ agent: agentViewSchema }) },
      },
    },
    async (request, reply) => {
      const row = await signUpAgent(
        deps.db,
        actorOf(request),
        staffPrincipal(request).staffUserId,
        request.body,
        deps.clock.now(),
      );
      return reply.status(201).send({ agent: view({ ...row, online: false, last_heartbeat_at: null }) });
    },
  );

  app.get(
    '/api/v1/agents',
    {
      preHandler: requireRoles('supervisor'),
      schema: {
        tags: ['agents'],
        summary: 'Agents with their status and presence',
        security,
        querystring: z.object({ status: z.enum(['pending', 'approved', 'suspended']).optional() }),
        response: { 200: z.object({ agents: z.array(agentViewSchema) }) },
      },
    },
    async (request) => ({ agents: (await listAgents(deps.db, { status: request.query.status })).map(view) }),
  );

  app.get(
    '/api/v1/agents/me',
    {
      preHandler: requireRoles('agent'),
      schema: {
        tags: ['agents'],
        summary: 'Your agent profile',
        security,
        response: { 200: z.object({ agent: agentViewSchema }) },
      },
    },
    async (request) => ({ agent: view(await agentOfStaff(deps.db, staffPrincipal(request).staffUserId)) }),
  );

  app.get(
    '/api/v1/agents/me/conversations',
    {
      preHandler: requireRoles('agent'),
      schema: {
        tags: ['agents'],
        summary: 'The conversations you are handling now (assigned to you, with a person), oldest first',
        description: 'A staff user without an agent profile gets 404, as on GET /api/v1/agents/me.',
        security,
        response: { 200: z.object({ conversations: z.array(myConversationSchema) }) },
      },
    },
    async (request) => ({
      conversations: await listMyConversations(deps.db, staffPrincipal(request).staffUserId),
    }),
  );

  app.get(
    '/api/v1/agents/:id',
    {
      preHandler: requireRoles('supervisor'),
      schema: {
        tags: ['agents'],
        summary: 'One agent',
        security,
        params: idParams,
        response: { 200: z.object({ agent: agentViewSchema }) },
      },
    },
    async (request) => ({ agent: view(await getAgent(deps.db, request.params.id)) }),
  );

  for (const decision of ['approve', 'suspend'] as const) {
    app.post(
      `/api/v1/agents/:id/${decision}`,
      {
        preHandler: requireRoles('supervisor'),
        schema: {
          tags: ['agents'],
          summary:
            decision === 'approve'
              ? 'Approve an agent: they may go online and receive offers'
              : 'Suspend an agent: offline at once, a pending offer goes to the next agent',
          security,
          params: idParams,
          body: z.object({ reason: z.string().trim().max(500).optional() }).nullish(),
          response: { 200: z.object({ agent: agentViewSchema }) },
        },
      },
      async (request) => {
        await reviewAgent(deps, actorOf(request), {
          agentId: request.params.id,
          decision,
          reason: request.body?.reason,
        });
        return { agent: view(await getAgent(deps.db, request.params.id)) };
      },
    );
  }

  app.post(
    '/api/v1/agents/me/presence',
    {
      preHandler: requireRoles('agent'),
      schema: {
        tags: ['agents'],
        summary: 'Go online (receive offers) or offline; stay online by sending heartbeats',
        security,
        body: z.object({ online: z.boolean() }),
        response: { 200: presenceView },
      },
    },
    async (request) =>
      setPresence(
        deps,
        actorOf(request),
        staffPrincipal(request).staffUserId,
        request.body.online ? 'online' : 'offline',
        presenceMs,
      ),
  );

  app.post(
    '/api/v1/agents/me/heartbeat',
    {
      preHandler: requireRoles('agent'),
      schema: {
        tags: ['agents'],
        summary: `Keeps you online; silent for longer than the presence timeout counts as offline`,
        security,
        response: { 200: presenceView },
      },
    },
    async (request) =>
      setPresence(deps, actorOf(request), staffPrincipal(request).staffUserId, 'heartbeat', presenceMs),
  );

  app.get(
    '/api/v1/agents/me/earnings',
    {
      preHandler: requireRoles('agent'),
      schema: {
        tags: ['agents'],
        summary: 'Your earnings ledger, newest first, with totals',
        security,
        response: { 200: earningsViewSchema },
      },
    },
    async (request) => {
      const agent = await agentOfStaff(deps.db, staffPrincipal(request).staffUserId);
      return listEarnings(deps.db, agent.id);
    },
  );
};
