import { appendMessages } from '../conversations/conversation-store.js';
import { conversationTopic, languageOf } from '../conversations/conversation-views.js';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { agentTopic } from '../workforce/agent-views.js';
import { agentOfStaff } from '../workforce/list-agents.js';
import type { DispatchDeps } from './dispatch-conversation.js';
import { triggerDispatch } from './dispatch-trigger.js';
import { agentJoinedText } from './handoff-texts.js';
import { type OfferView, toOfferView } from './offer-views.js';

export interface AnswerOfferInput {
  staffUserId: string;
  offerId: string;
  answer: 'accept' | 'decline';
  reason?: string | undefined;
}

/**
 * An agent accepts or declines their pending offer. Accepting assigns the conversation and
 * tells the customer who has joined; declining cascades the conversation to the next agent.
 * Someone else's offer is "not found" (its existence is not revealed); an answered or
 * lapsed offer is a conflict.
 */
export async function answerOffer(
  deps: DispatchDeps,
  actor: Actor,
  input: AnswerOfferInput,
): Promise<OfferView> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const agent = await agentOfStaff(trx, input.staffUserId);
    const offer = await trx
      .selectFrom('dispatch_offers')
      .selectAll()
      .where('id', '=', input.offerId)
      .where('agent_id', '=', agent.id)
      .forUpdate()
      .executeTakeFirst();
    if (!offer) throw notFound('Offer');
    if (offer.status !== 'pending') throw conflict(`This offer is already ${offer.status}`);
    if (new Date(offer.expires_at).getTime() <= now.getTime()) {
      throw conflict('This offer has expired and is going to another agent');
    }
    if (input.answer === 'decline') {
      const declined = await trx
        .updateTable('dispatch_offers')
        .set({ status: 'declined', answered_at: now, decline_reason: input.reason ?? null })
        .where('id', '=', offer.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, actor, {
        action: 'offer.declined',
        entityType: 'dispatch_offer',
        entityId: offer.id,
        before: { status: 'pending' },
        after: { status: 'declined' },
        reason: input.reason,
      });
      await deps.events.publish(
        agentTopic(agent.staff_user_id),
        'offer.declined',
        { offer: toOfferView(declined) },
        trx,
      );
      await triggerDispatch(deps.jobs, trx, offer.conversation_id);
      return toOfferView(declined);
    }
    if (agent.status !== 'approved')
      throw new AppError(403, 'forbidden', `Your agent profile is ${agent.status}`);
    const conversation = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', offer.conversation_id)
      .forUpdate()
      .executeTakeFirst();
    if (conversation?.status !== 'waiting_for_human') {
      throw conflict('This conversation is no longer waiting for a person');
    }
    const accepted = await trx
      .updateTable('dispatch_offers')
      .set({ status: 'accepted', answered_at: now })
      .where('id', '=', offer.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('conversations')
      .set({ status: 'with_human', assigned_agent_id: agent.id, assigned_at: now, updated_at: now })
      .where('id', '=', conversation.id)
      .execute();
    await trx
      .updateTable('agent_presence')
      .set({ last_assigned_at: now })
      .where('agent_id', '=', agent.id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'conversation.assigned',
      entityType: 'conversation',
      entityId: conversation.id,
      before: { status: conversation.status, assignedAgentId: conversation.assigned_agent_id },
      after: { status: 'with_human', assignedAgentId: agent.id, offerId: offer.id },
    });
    await appendMessages(
      trx,
      deps.events,
      conversation.id,
      [{ role: 'system', text: agentJoinedText(languageOf(conversation), agent.display_name) }],
      now,
    );
    const topic = conversationTopic(conversation.id);
    await deps.events.publish(
      topic,
      'conversation.status_changed',
      { conversationId: conversation.id, status: 'with_human' },
      trx,
    );
    await deps.events.publish(
      topic,
      'agent.joined',
      { conversationId: conversation.id, agent: { id: agent.id, displayName: agent.display_name } },
      trx,
    );
    await deps.events.publish(
      agentTopic(agent.staff_user_id),
      'offer.accepted',
      { offer: toOfferView(accepted) },
      trx,
    );
    await deps.events.publish(
      'staff',
      'conversation.assigned',
      { conversationId: conversation.id, agentId: agent.id },
      trx,
    );
    // Everyone behind moves up, and this agent may have room for another.
    await triggerDispatch(deps.jobs, trx);
    return toOfferView(accepted);
  });
}
