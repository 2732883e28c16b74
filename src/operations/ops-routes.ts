import { z } from 'zod';
import { requireRoles } from '../identity/guards.js';
import type { RouteModule } from '../platform/http/types.js';
import { getLiveQueue, liveQueueSchema } from './get-live-queue.js';
import { getOpsOverview, opsOverviewSchema } from './get-ops-overview.js';
import { getSupportOutcomes, supportOutcomesSchema } from './get-support-outcomes.js';

/** The supervisors' live operations overview. */
export const opsRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/ops/overview',
    {
      preHandler: requireRoles('supervisor'),
      schema: {
        tags: ['operations'],
        summary:
          'Live figures: customers, plans, outstanding balance, due and overdue installments, disputes, refunds, fees',
        security: [{ staffSession: [] }],
        response: { 200: z.object({ overview: opsOverviewSchema }) },
      },
    },
    async () => ({ overview: await getOpsOverview(deps.db, deps.clock.now()) }),
  );

  app.get(
    '/api/v1/ops/support',
    {
      preHandler: requireRoles('supervisor'),
      schema: {
        tags: ['operations'],
        summary:
          'Support outcomes over conversations started in the last `days` days: resolved by AI, handoffs and ' +
          'reasons, service level vs target, abandonment, time to resolution and CSAT (AI vs human), repeat ' +
          'contacts, cost per conversation (definitions in src/operations/README.md)',
        security: [{ staffSession: [] }],
        querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(7) }),
        response: { 200: z.object({ support: supportOutcomesSchema }) },
      },
    },
    async (request) => ({
      support: await getSupportOutcomes(
        deps.db,
        {
          days: request.query.days,
          waitTargetSeconds: deps.config.dispatch.waitTargetSeconds,
          support: deps.config.support,
        },
        deps.clock.now(),
      ),
    }),
  );

  app.get(
    '/api/v1/ops/live',
    {
      preHandler: requireRoles('supervisor'),
      schema: {
        tags: ['operations'],
        summary: 'The live queue, agents online by skill and language, and agent sign-ups awaiting approval',
        security: [{ staffSession: [] }],
        response: { 200: z.object({ live: liveQueueSchema }) },
      },
    },
    async () => ({ live: await getLiveQueue(deps.db, deps.config.dispatch, deps.clock.now()) }),
  );
};
