import { z } from 'zod';
import { readableConversation } from '../conversations/conversation-access.js';
import { requireRoles } from '../identity/guards.js';
import { actorOf, staffPrincipal } from '../identity/principal.js';
import { AppError } from '../platform/errors.js';
import type { RouteModule } from '../platform/http/types.js';
import { agentOfStaff } from '../workforce/list-agents.js';
import { answerOffer } from './answer-offer.js';
import type { DispatchDeps } from './dispatch-conversation.js';
import {
  offeredConversationSchema,
  offerViewSchema,
  toOfferedConversation,
  toOfferView,
} from './offer-views.js';
import { requestCallback } from './request-callback.js';

const staffSecurity = [{ staffSession: [] }];
const idParams = z.object({ id: z.uuid() });

/** Offers for agents (accept/decline) and the waiting customer's callback request. */
export const handoffRoutes: RouteModule = (app, deps) => {
  const dispatchDeps: DispatchDeps = { ...deps, dispatch: deps.config.dispatch };

  app.get(
    '/api/v1/agents/me/offers',
    {
      preHandler: requireRoles('agent'),
      schema: {
        tags: ['agents'],
        summary: 'Your pending offer (at most one), with its countdown and what the conversation needs',
        security: staffSecurity,
        response: {
          200: z.object({
            offers: z.array(offerViewSchema.extend({ conversation: offeredConversationSchema })),
          }),
        },
      },
    },
    async (request) => {
      const agent = await agentOfStaff(deps.db, staffPrincipal(request).staffUserId);
      const rows = await deps.db
        .selectFrom('dispatch_offers')
        .selectAll()
        .where('agent_id', '=', agent.id)
        .where('status', '=', 'pending')
        .where('expires_at', '>', deps.clock.now())
        .execute();
      const conversations = rows.length
        ? await deps.db
            .selectFrom('conversations')
            .select(['id', 'language', 'queue', 'priority', 'required_skills', 'waiting_since'])
            .where(
              'id',
              'in',
              rows.map((r) => r.conversation_id),
            )
            .execute()
        : [];
      const byId = new Map(conversations.map((c) => [c.id, toOfferedConversation(c)]));
      return {
        offers: rows.flatMap((row) => {
          const conversation = byId.get(row.conversation_id);
          return conversation ? [{ ...toOfferView(row), conversation }] : [];
        }),
      };
    },
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/api/v1/offers/:id/${answer}`,
      {
        preHandler: requireRoles('agent'),
        schema: {
          tags: ['agents'],
          summary:
            answer === 'accept'
              ? 'Accept your offer: the conversation is yours and the customer is told who joined'
              : 'Decline your offer: it goes to the next best agent',
          description: "Someone else's offer answers 404; an answered or lapsed one 409.",
          security: staffSecurity,
          params: idParams,
          body: z.object({ reason: z.string().trim().max(500).optional() }).nullish(),
          response: { 200: z.object({ offer: offerViewSchema }) },
        },
      },
      async (request) => ({
        offer: await answerOffer(dispatchDeps, actorOf(request), {
          staffUserId: staffPrincipal(request).staffUserId,
          offerId: request.params.id,
          answer,
          reason: request.body?.reason,
        }),
      }),
    );
  }

  app.post(
    '/api/v1/conversations/:id/callback',
    {
      schema: {
        tags: ['conversations'],
        summary: 'While waiting for a person: ask to be contacted here when one is free',
        security: [{ customerToken: [] }, {}],
        params: idParams,
        response: { 200: z.object({ callbackRequestedAt: z.string() }) },
      },
    },
    async (request) => {
      await readableConversation(deps.db, request.principal, request.params.id);
      if (request.principal?.kind === 'staff') {
        throw new AppError(403, 'forbidden', 'Only the customer can ask for a callback');
      }
      return requestCallback(deps, actorOf(request), request.params.id);
    },
  );
};
