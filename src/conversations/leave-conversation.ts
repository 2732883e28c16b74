import type { Principal } from '../identity/principal.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict } from '../platform/errors.js';
import { agentTopic } from '../workforce/agent-views.js';
import { assertWritable } from './conversation-access.js';
import { lockConversation } from './conversation-store.js';
import { conversationTopic } from './conversation-views.js';
import type { HumanActionDeps } from './post-agent-message.js';

/** Stored in `resolution_code`: the operations view counts `customer_left_queue` as abandoned. */
export type LeaveOutcome = 'customer_left_queue' | 'customer_closed';

export interface LeaveResult {
  conversationId: string;
  status: 'closed';
  resolutionCode: LeaveOutcome;
}

/**
 * The customer ends the chat: while the assistant has it, or while waiting for a person (an
 * abandoned wait, which the service level counts). Not while a person is handling it (they close
 * it). A pending offer is withdrawn so no agent accepts a conversation nobody is in any more.
 */
export async function leaveConversation(
  deps: HumanActionDeps,
  actor: Actor,
  principal: Principal | undefined,
  conversationId: string,
): Promise<LeaveResult> {
  return deps.db.transaction().execute(async (trx) => {
    const conversation = await lockConversation(trx, conversationId);
    assertWritable(principal, conversation);
    if (!conversation) throw new Error('unreachable: assertWritable refuses a missing conversation');
    if (conversation.status === 'closed') throw conflict('The conversation is already closed');
    if (conversation.status === 'with_human') {
      throw conflict('A person is handling this conversation; they will close it with you');
    }
    const now = deps.clock.now();
    const resolutionCode: LeaveOutcome =
      conversation.status === 'waiting_for_human' ? 'customer_left_queue' : 'customer_closed';
    await trx
      .updateTable('conversations')
      .set({ status: 'closed', closed_at: now, updated_at: now, resolution_code: resolutionCode })
      .where('id', '=', conversation.id)
      .execute();
    const withdrawn = await trx
      .updateTable('dispatch_offers as o')
      .from('agents as a')
      .set({ status: 'withdrawn', answered_at: now })
      .whereRef('a.id', '=', 'o.agent_id')
      .where('o.conversation_id', '=', conversation.id)
      .where('o.status', '=', 'pending')
      .returning(['o.id', 'a.staff_user_id'])
      .execute();
    await writeAudit(trx, actor, {
      action: 'conversation.left',
      entityType: 'conversation',
      entityId: conversation.id,
      before: { status: conversation.status },
      after: { status: 'closed', resolutionCode },
    });
    for (const offer of withdrawn) {
      await deps.events.publish(
        agentTopic(offer.staff_user_id),
        'offer.withdrawn',
        { offerId: offer.id, conversationId: conversation.id },
        trx,
      );
    }
    await deps.events.publish(
      conversationTopic(conversation.id),
      'conversation.status_changed',
      { conversationId: conversation.id, status: 'closed', handoff: null, ratingRequested: false },
      trx,
    );
    if (resolutionCode === 'customer_left_queue') {
      await deps.events.publish(
        'staff',
        'conversation.abandoned',
        { conversationId: conversation.id, waitingSince: conversation.waiting_since?.toISOString() ?? null },
        trx,
      );
    }
    return { conversationId: conversation.id, status: 'closed', resolutionCode };
  });
}
