import { z } from 'zod';
import { requireRoles } from '../identity/guards.js';
import { staffPrincipal } from '../identity/principal.js';
import type { RouteModule } from '../platform/http/types.js';
import { conversationContextSchema, getConversationContext } from './get-conversation-context.js';

const idParams = z.object({ id: z.uuid() });
const security = [{ staffSession: [] }];
const HANDLER_NOTE =
  'For the agent the conversation is assigned to, or a supervisor or admin; any other agent gets 403, ' +
  'an unknown conversation 404.';

/** The agent console: what the person handling a conversation sees and can do for the customer. */
export const agentDeskRoutes: RouteModule = (app, deps) => {
  const staffOnly = requireRoles('agent', 'supervisor');

  app.get(
    '/api/v1/conversations/:id/context',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['handoff'],
        summary:
          "The customer's context: profile, orders with plans and installments, next payment, recent conversations",
        description: HANDLER_NOTE,
        security,
        params: idParams,
        response: { 200: conversationContextSchema },
      },
    },
    async (request) => getConversationContext(deps, staffPrincipal(request), request.params.id),
  );
};
