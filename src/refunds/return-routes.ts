import { z } from 'zod';
import { requireCustomer } from '../identity/guards.js';
import { actorOf, customerPrincipal } from '../identity/principal.js';
import type { RouteModule } from '../platform/http/types.js';
import { returnViewSchema } from './refund-views.js';
import { RETURN_WINDOW_DAYS, registerReturn } from './register-return.js';

/** Customers registering returns; the refund follows when the merchant receives the goods. */
export const returnRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/me/orders/:orderId/returns',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary: `Register a return (within ${RETURN_WINDOW_DAYS} days of purchase)`,
        security: [{ customerToken: [] }],
        params: z.object({ orderId: z.string().uuid() }),
        body: z.object({
          reason: z.string().trim().min(3).max(1000),
          trackingNumber: z.string().trim().min(1).max(100).optional(),
        }),
        response: { 201: z.object({ return: returnViewSchema }) },
      },
    },
    async (request, reply) => {
      const created = await registerReturn(deps, actorOf(request), {
        customerId: customerPrincipal(request).customerId,
        orderId: request.params.orderId,
        reason: request.body.reason,
        trackingNumber: request.body.trackingNumber,
      });
      return reply.status(201).send({ return: created });
    },
  );
};
