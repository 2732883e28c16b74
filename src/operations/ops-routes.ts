import { z } from 'zod';
import { requireRoles } from '../identity/guards.js';
import type { RouteModule } from '../platform/http/types.js';
import { getOpsOverview, opsOverviewSchema } from './get-ops-overview.js';

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
};
