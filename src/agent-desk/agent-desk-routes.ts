import { z } from 'zod';
import { messageViewSchema } from '../conversations/conversation-views.js';
import { TurnLock } from '../conversations/turn-lock.js';
import { requireRoles } from '../identity/guards.js';
import { actorOf, staffPrincipal } from '../identity/principal.js';
import type { KnowledgeBaseSearch } from '../knowledge/search-articles.js';
import type { RouteModule } from '../platform/http/types.js';
import { ACTION_NAMES, deskActionSchema } from './agent-actions.js';
import { conversationContextSchema, getConversationContext } from './get-conversation-context.js';
import { runAgentAction } from './run-agent-action.js';
import { suggestForConversation, suggestionsSchema } from './suggest-for-conversation.js';

const idParams = z.object({ id: z.uuid() });
const security = [{ staffSession: [] }];
const HANDLER_NOTE =
  'For the agent the conversation is assigned to, or a supervisor or admin; any other agent gets 403, ' +
  'an unknown conversation 404.';

/** The agent console: what the person handling a conversation sees and can do for the customer. */
export const agentDeskRoutes =
  (kb: KnowledgeBaseSearch): RouteModule =>
  (app, deps) => {
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

    app.get(
      '/api/v1/conversations/:id/suggestions',
      {
        preHandler: staffOnly,
        schema: {
          tags: ['handoff'],
          summary:
            "Suggested replies (help centre, the assistant's flows with the account's figures) and the actions available now",
          description: `${HANDLER_NOTE} Replies are in the conversation's language; actions carry the same rule checks as the use cases.`,
          security,
          params: idParams,
          response: { 200: suggestionsSchema },
        },
      },
      async (request) => suggestForConversation({ ...deps, kb }, staffPrincipal(request), request.params.id),
    );

    const actionLock = new TurnLock();
    app.post(
      '/api/v1/conversations/:id/actions',
      {
        preHandler: staffOnly,
        schema: {
          tags: ['handoff'],
          summary:
            'Act for the customer (postpone, return, dispute, waive a late fee); the customer is told in their language',
          description:
            `${HANDLER_NOTE} Runs the same domain use case as the assistant, audited as the staff user, then posts ` +
            'an agent message with the figures from the database (message.created on conversation:<id>). ' +
            '409/422 when the rules refuse. Send an idempotency-key header: a retry with it returns the first ' +
            'result without acting again. Cookie sessions must send x-csrf-token.',
          security,
          params: idParams,
          headers: z.object({ 'idempotency-key': z.string().optional() }),
          body: deskActionSchema,
          response: {
            200: z.object({
              action: z.enum(ACTION_NAMES),
              outcome: z.literal('done'),
              message: messageViewSchema,
            }),
          },
        },
      },
      async (request) =>
        runAgentAction({ ...deps, actionLock }, actorOf(request), staffPrincipal(request), {
          conversationId: request.params.id,
          action: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        }),
    );
  };
