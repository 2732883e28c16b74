import { z } from 'zod';
import { requireRoles } from '../identity/guards.js';
import type { RouteModule } from '../platform/http/types.js';
import { listSharedDevices, sharedDevicesSchema } from './list-shared-devices.js';

/** First investigator view: devices and payment fingerprints shared across customers. */
export const fraudRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/fraud/shared-devices',
    {
      preHandler: requireRoles('fraud_analyst'),
      schema: {
        tags: ['fraud'],
        summary: 'Devices and card/bank fingerprints shared by several customers, with the customers linked',
        security: [{ staffSession: [] }],
        querystring: z.object({ minCustomers: z.coerce.number().int().min(2).max(1000).default(3) }),
        response: { 200: sharedDevicesSchema },
      },
    },
    async (request) => listSharedDevices(deps.db, request.query.minCustomers),
  );
};
