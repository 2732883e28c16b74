import { z } from 'zod';
import { requireCustomer, requireRoles } from '../identity/guards.js';
import { actorOf, customerPrincipal } from '../identity/principal.js';
import type { RouteModule } from '../platform/http/types.js';
import { refundViewSchema } from '../refunds/refund-views.js';
import { DISPUTE_REASONS, disputeViewSchema } from './dispute-views.js';
import { openDispute } from './open-dispute.js';
import { resolveDispute } from './resolve-dispute.js';

const planStatus = z.enum(['active', 'paused', 'completed', 'cancelled', 'defaulted']).nullable();

/** Customers opening disputes (which pause the plan) and supervisors resolving them. */
export const disputeRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/me/orders/:orderId/disputes',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary: 'Open a dispute on an order; its payment plan is paused until it is resolved',
        security: [{ customerToken: [] }],
        params: z.object({ orderId: z.string().uuid() }),
        body: z.object({
          reason: z.enum(DISPUTE_REASONS),
          description: z.string().trim().max(2000).optional(),
        }),
        response: {
          201: z.object({ dispute: disputeViewSchema, planStatus, pausedInstallments: z.number().int() }),
        },
      },
    },
    async (request, reply) => {
      const result = await openDispute(deps, actorOf(request), {
        customerId: customerPrincipal(request).customerId,
        orderId: request.params.orderId,
        reason: request.body.reason,
        description: request.body.description,
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/staff/disputes/:id/resolve',
    {
      preHandler: requireRoles('supervisor'),
      schema: {
        tags: ['staff'],
        summary: 'Resolve a dispute: for the customer (refund), for the merchant (plan resumes) or withdrawn',
        security: [{ staffSession: [] }],
        params: z.object({ id: z.string().uuid() }),
        body: z.object({
          outcome: z.enum(['customer', 'merchant', 'withdrawn']),
          note: z.string().trim().max(2000).optional(),
        }),
        response: {
          200: z.object({ dispute: disputeViewSchema, planStatus, refund: refundViewSchema.nullable() }),
        },
      },
    },
    async (request) =>
      resolveDispute(deps, actorOf(request), {
        disputeId: request.params.id,
        outcome: request.body.outcome,
        note: request.body.note,
      }),
  );
};
