import { z } from 'zod';
import { withQueueStatus } from '../handoff/with-queue-status.js';
import type { CustomerTokenService } from '../identity/customer-tokens.js';
import { actorOf } from '../identity/principal.js';
import { AppError, badRequest } from '../platform/errors.js';
import type { RouteModule } from '../platform/http/types.js';
import type { Assistant } from './assistant-port.js';
import { assertWritable, readableConversation, writerOf } from './conversation-access.js';
import {
  conversationViewSchema,
  handoffSchema,
  MAX_MESSAGE_CHARS,
  messageViewSchema,
} from './conversation-views.js';
import { getConversation } from './get-conversation.js';
import { postCustomerMessage } from './post-customer-message.js';
import { startConversation } from './start-conversation.js';
import { TurnLock } from './turn-lock.js';

// Any C0/C1 control character except newline and tab: NUL and friends break logs, terminals and exports.
const CONTROL_CHARS = /(?![\n\t])\p{Cc}/u;

export const messageText = z
  .string()
  .trim()
  .min(1, 'Message text cannot be empty')
  .max(MAX_MESSAGE_CHARS, `Message text can be at most ${MAX_MESSAGE_CHARS} characters`)
  .refine(
    (t) => !CONTROL_CHARS.test(t),
    'Message text cannot contain control characters (only newline and tab)',
  )
  .describe(
    `Plain text, ${MAX_MESSAGE_CHARS} characters at most after trimming; stored and returned verbatim`,
  );

const startBody = z
  .object({
    channel: z.enum(['chat', 'hotline']).optional().describe('Defaults to chat'),
    locale: z
      .string()
      .max(35)
      .optional()
      .describe('BCP 47, e.g. sv-SE; unknown languages fall back to English'),
    customerToken: z
      .string()
      .max(4000)
      .optional()
      .describe('Signed customer token; may instead be sent as Authorization: Bearer'),
  })
  .optional();

const idParams = z.object({ id: z.uuid() });

const postBody = z.object({
  text: messageText,
  clientMessageId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Client-chosen id; a retry with the same id returns the first result without a second turn'),
});

const postResponse = z.object({
  status: conversationViewSchema.shape.status,
  language: z.string(),
  messages: z.array(messageViewSchema).describe('Replies and notes this message caused'),
  handoff: handoffSchema.nullable(),
});

const ACCESS_NOTE =
  'A conversation started with a customer token is visible only to that customer and to agents, supervisors ' +
  'and admins (anyone else gets 404). An anonymous conversation is reachable by whoever holds its id, a random ' +
  'UUID v4 returned only to the client that started it: treat the id as a secret.';

/**
 * The customer-facing conversation API. Built from the assistant and the customer token
 * service so the composition root decides which assistant answers.
 */
export function conversationRoutes(assistant: Assistant, customerTokens: CustomerTokenService): RouteModule {
  const turns = new TurnLock();
  return (app, deps) => {
    const security: Record<string, string[]>[] = [{ customerToken: [] }, { staffSession: [] }, {}];

    app.post(
      '/api/v1/conversations',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Start a conversation with the assistant; the reply holds its greeting',
          description: ACCESS_NOTE,
          security,
          body: startBody,
          response: { 201: conversationViewSchema },
        },
      },
      async (request, reply) => {
        const principal = request.principal;
        if (principal?.kind === 'staff') {
          throw new AppError(403, 'forbidden', 'Staff cannot start customer conversations');
        }
        let customerId = principal?.kind === 'customer' ? principal.customerId : null;
        const bodyToken = request.body?.customerToken;
        if (bodyToken !== undefined) {
          const verified = await customerTokens.verify(bodyToken);
          if (customerId && customerId !== verified.customerId) {
            throw badRequest('The body token and the Authorization token name different customers');
          }
          customerId = verified.customerId;
        }
        const actor =
          customerId && principal?.kind !== 'customer'
            ? { type: 'customer' as const, id: customerId, requestId: request.id }
            : actorOf(request);
        const view = await startConversation({ ...deps, assistant }, actor, {
          channel: request.body?.channel ?? 'chat',
          customerId,
          locale: request.body?.locale,
        });
        return reply.status(201).send(view);
      },
    );

    app.post(
      '/api/v1/conversations/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          summary: "Send the customer's message; the reply holds the assistant's answers",
          description: `${ACCESS_NOTE} While a person is (about to be) handling the conversation the assistant does not answer; the message waits for them. A closed conversation answers 409.`,
          security,
          params: idParams,
          body: postBody,
          response: { 200: postResponse },
        },
      },
      async (request) => {
        const result = await postCustomerMessage({ ...deps, assistant, turns }, actorOf(request), {
          conversationId: request.params.id,
          text: request.body.text,
          clientMessageId: request.body.clientMessageId,
          writerCustomerId: writerOf(request.principal),
          authorize: (conversation) => assertWritable(request.principal, conversation),
        });
        return withQueueStatus(deps.db, deps.config.dispatch, request.params.id, result, deps.clock.now());
      },
    );

    app.get(
      '/api/v1/conversations/:id',
      {
        schema: {
          tags: ['conversations'],
          summary: 'A whole conversation: status, language, handoff and every message',
          description: ACCESS_NOTE,
          security,
          params: idParams,
          response: { 200: conversationViewSchema },
        },
      },
      async (request) => {
        await readableConversation(deps.db, request.principal, request.params.id);
        const view = await getConversation(deps.db, request.params.id);
        return withQueueStatus(deps.db, deps.config.dispatch, view.id, view, deps.clock.now());
      },
    );
  };
}
