import { z } from 'zod';
import { requireCustomer } from '../../identity/guards.js';
import { actorOf, customerPrincipal } from '../../identity/principal.js';
import type { RouteModule } from '../../platform/http/types.js';
import { listFeedbackUpdates } from './list-feedback-updates.js';
import { markFeedbackUpdateSeen } from './mark-feedback-update-seen.js';

const update = z.object({
  id: z.string(),
  message: z.string(),
  theme: z.string(),
  note: z.string().nullable(),
  shippedAt: z.date(),
  seen: z.boolean(),
});

/** The customer's side of "tell me when it changes": updates on feedback they gave, for the host app's inbox. */
export const feedbackUpdateRoutes: RouteModule = (app, deps) => {
  const security = [{ customerToken: [] }];
  app.get(
    '/api/v1/me/feedback-updates',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary: 'Updates on feedback I gave and asked to hear back about (what shipped)',
        security,
        response: { 200: z.object({ updates: z.array(update) }) },
      },
    },
    async (request) => ({
      updates: await listFeedbackUpdates(deps.db, customerPrincipal(request).customerId),
    }),
  );
  app.post(
    '/api/v1/me/feedback-updates/:id/seen',
    {
      preHandler: requireCustomer,
      schema: {
        tags: ['customer'],
        summary: 'Marks an update as shown to me (delivered)',
        security,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await markFeedbackUpdateSeen(deps.db, actorOf(request), {
        customerId: customerPrincipal(request).customerId,
        followUpId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );
};
