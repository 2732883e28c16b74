import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict } from '../platform/errors.js';
import { lockConversation } from './conversation-store.js';
import type { HumanActionDeps } from './post-agent-message.js';

export interface RatingView {
  conversationId: string;
  score: number;
  comment: string | null;
  handledBy: 'ai' | 'human';
  createdAt: string;
}

/**
 * The customer's satisfaction rating (CSAT 1-5), once per conversation. Handled by a human
 * when a person was assigned to it, otherwise by the AI. Not while a person is still on it.
 * Access (the conversation's customer, or the anonymous id holder) is checked by `authorize`.
 */
export async function rateConversation(
  deps: HumanActionDeps,
  actor: Actor,
  input: {
    conversationId: string;
    score: number;
    comment?: string | undefined;
    authorize: (conversation: { customer_id: string | null } | undefined) => void;
  },
): Promise<RatingView> {
  return deps.db.transaction().execute(async (trx) => {
    const conversation = await lockConversation(trx, input.conversationId);
    input.authorize(conversation);
    if (!conversation) throw new Error('unreachable: authorize refuses a missing conversation');
    if (conversation.status === 'waiting_for_human' || conversation.status === 'with_human') {
      throw conflict('A person is still handling this conversation; rate it when they are done');
    }
    const handledBy = conversation.assigned_agent_id ? 'human' : 'ai';
    const row = await trx
      .insertInto('conversation_ratings')
      .values({
        conversation_id: conversation.id,
        score: input.score,
        comment: input.comment ?? null,
        handled_by: handledBy,
        agent_id: conversation.assigned_agent_id,
        created_at: deps.clock.now(),
      })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw conflict('This conversation has already been rated');
    await writeAudit(trx, actor, {
      action: 'conversation.rated',
      entityType: 'conversation',
      entityId: conversation.id,
      after: { score: row.score, handledBy, agentId: row.agent_id, hasComment: row.comment !== null },
    });
    await deps.events.publish(
      'staff',
      'conversation.rated',
      { conversationId: conversation.id, score: row.score, handledBy, agentId: row.agent_id },
      trx,
    );
    return {
      conversationId: conversation.id,
      score: row.score,
      comment: row.comment,
      handledBy,
      createdAt: row.created_at.toISOString(),
    };
  });
}
