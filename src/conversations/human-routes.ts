import { z } from 'zod';
import { handoffSummarySchema } from '../handoff/build-handoff-summary.js';
import { requireRoles } from '../identity/guards.js';
import { actorOf, staffPrincipal } from '../identity/principal.js';
import { AppError, notFound } from '../platform/errors.js';
import type { RouteModule } from '../platform/http/types.js';
import { addInternalNote, listInternalNotes } from './add-internal-note.js';
import { closeConversation } from './close-conversation.js';
import { mayRead } from './conversation-access.js';
import { handlerFor } from './conversation-handler.js';
import { messageText } from './conversation-routes.js';
import { findConversation } from './conversation-store.js';
import { messageViewSchema } from './conversation-views.js';
import { handBackToAssistant } from './hand-back-to-assistant.js';
import { RESOLUTION_CODES } from './human-copy.js';
import { leaveConversation } from './leave-conversation.js';
import { postAgentMessage } from './post-agent-message.js';
import { rateConversation } from './rate-conversation.js';

const idParams = z.object({ id: z.uuid() });
const staffSecurity = [{ staffSession: [] }];
const HANDLER_NOTE =
  'For the agent the conversation is assigned to, or a supervisor or admin; any other agent gets 403. ' +
  'Cookie sessions must send x-csrf-token. Every change writes an audit row.';

const noteSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  authorStaffId: z.string(),
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
const finishSchema = z.object({
  conversationId: z.string(),
  status: z.enum(['bot', 'closed']),
  resolutionCode: z.enum(RESOLUTION_CODES),
});
const resolutionCode = z.enum(RESOLUTION_CODES).describe('The wrap-up outcome');
const ratingSchema = z.object({
  conversationId: z.string(),
  score: z.number().int(),
  comment: z.string().nullable(),
  handledBy: z.enum(['ai', 'human']),
  createdAt: z.string(),
});

/** The human side of a conversation: the handling person's actions, the handoff summary, and the customer's rating. */
export const humanRoutes: RouteModule = (app, deps) => {
  const staffOnly = requireRoles('agent', 'supervisor');

  app.get(
    '/api/v1/conversations/:id/handoff-summary',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['handoff'],
        summary: 'The structured summary built when the conversation was handed to a person',
        description: HANDLER_NOTE,
        security: staffSecurity,
        params: idParams,
        response: { 200: handoffSummarySchema },
      },
    },
    async (request) => {
      const conversation = await findConversation(deps.db, request.params.id);
      if (!conversation) throw notFound('Conversation');
      await handlerFor(deps.db, staffPrincipal(request), conversation);
      const parsed = handoffSummarySchema.safeParse(conversation.handoff_summary);
      if (!parsed.success) throw notFound('Handoff summary');
      return parsed.data;
    },
  );

  app.post(
    '/api/v1/conversations/:id/agent-messages',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['handoff'],
        summary: "The handling person's reply; the customer sees it live with the agent's name",
        description: `${HANDLER_NOTE} 409 while the assistant has the conversation or after it is closed.`,
        security: staffSecurity,
        params: idParams,
        body: z.object({ text: messageText }),
        response: { 201: messageViewSchema },
      },
    },
    async (request, reply) => {
      const view = await postAgentMessage(deps, actorOf(request), staffPrincipal(request), {
        conversationId: request.params.id,
        text: request.body.text,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/conversations/:id/notes',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['handoff'],
        summary: 'Internal notes on the conversation (never shown to the customer)',
        description: HANDLER_NOTE,
        security: staffSecurity,
        params: idParams,
        response: { 200: z.object({ notes: z.array(noteSchema) }) },
      },
    },
    async (request) => ({
      notes: await listInternalNotes(deps.db, staffPrincipal(request), request.params.id),
    }),
  );

  app.post(
    '/api/v1/conversations/:id/notes',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['handoff'],
        summary: 'Add an internal note for colleagues; announced on the staff topic only',
        description: HANDLER_NOTE,
        security: staffSecurity,
        params: idParams,
        body: z.object({ text: messageText }),
        response: { 201: noteSchema },
      },
    },
    async (request, reply) => {
      const note = await addInternalNote(deps, actorOf(request), staffPrincipal(request), {
        conversationId: request.params.id,
        text: request.body.text,
      });
      return reply.status(201).send(note);
    },
  );

  app.post(
    '/api/v1/conversations/:id/hand-back',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['handoff'],
        summary:
          'Hand the conversation back to the assistant, with a wrap-up code; the customer is asked to rate it',
        description: `${HANDLER_NOTE} Publishes conversation.human_finished on the staff topic.`,
        security: staffSecurity,
        params: idParams,
        body: z.object({ resolutionCode: resolutionCode.optional() }).optional(),
        response: { 200: finishSchema },
      },
    },
    async (request) =>
      handBackToAssistant(deps, actorOf(request), staffPrincipal(request), {
        conversationId: request.params.id,
        resolutionCode: request.body?.resolutionCode,
      }),
  );

  app.post(
    '/api/v1/conversations/:id/close',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['handoff'],
        summary: 'Close the conversation with a wrap-up code; the customer is asked to rate it',
        description: `${HANDLER_NOTE} Publishes conversation.human_finished on the staff topic.`,
        security: staffSecurity,
        params: idParams,
        body: z.object({ resolutionCode }),
        response: { 200: finishSchema },
      },
    },
    async (request) =>
      closeConversation(deps, actorOf(request), staffPrincipal(request), {
        conversationId: request.params.id,
        resolutionCode: request.body.resolutionCode,
      }),
  );

  app.post(
    '/api/v1/conversations/:id/rating',
    {
      schema: {
        tags: ['conversations'],
        summary: "The customer's satisfaction rating (1-5, optional comment), once per conversation",
        description:
          'By the conversation’s customer (token) or, for an anonymous conversation, whoever holds its id. ' +
          'Staff get 403, a second rating 409, and a conversation a person is still handling 409.',
        security: [{ customerToken: [] }, {}],
        params: idParams,
        body: z.object({
          score: z.number().int().min(1).max(5).describe('1 (very poor) to 5 (excellent)'),
          comment: z.string().trim().max(2000).optional(),
        }),
        response: { 201: ratingSchema },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      const rating = await rateConversation(deps, actorOf(request), {
        conversationId: request.params.id,
        score: request.body.score,
        comment: request.body.comment || undefined,
        authorize: (conversation) => {
          if (!conversation || principal?.kind === 'api_key' || !mayRead(principal, conversation)) {
            throw notFound('Conversation');
          }
          if (principal?.kind === 'staff') {
            throw new AppError(403, 'forbidden', 'Only the customer can rate a conversation');
          }
        },
      });
      return reply.status(201).send(rating);
    },
  );

  app.post(
    '/api/v1/conversations/:id/leave',
    {
      schema: {
        tags: ['conversations'],
        summary: 'The customer ends the chat, while the assistant has it or while waiting for a person',
        description:
          'By the conversation’s customer (token) or the anonymous id holder; staff get 403. Leaving the queue ' +
          'unanswered is recorded as `customer_left_queue` (counted as abandoned by GET /api/v1/ops/support) and ' +
          'withdraws a pending offer; otherwise `customer_closed`. 409 when closed or while a person handles it.',
        security: [{ customerToken: [] }, {}],
        params: idParams,
        response: {
          200: z.object({
            conversationId: z.string(),
            status: z.literal('closed'),
            resolutionCode: z.enum(['customer_left_queue', 'customer_closed']),
          }),
        },
      },
    },
    async (request) => leaveConversation(deps, actorOf(request), request.principal, request.params.id),
  );
};
