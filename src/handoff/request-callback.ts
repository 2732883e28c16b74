import { appendMessages, lockConversation } from '../conversations/conversation-store.js';
import { conversationTopic, languageOf } from '../conversations/conversation-views.js';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { Clock } from '../platform/clock.js';
import type { Sql } from '../platform/db/database.js';
import { conflict, notFound } from '../platform/errors.js';
import type { EventBus } from '../platform/events/event-bus.js';
import { CALLBACK_CONFIRMED } from './handoff-texts.js';

/**
 * The waiting customer asks to be contacted when an agent is free instead of watching the
 * queue. Access is checked by the caller; asking twice is harmless (the first time is kept).
 */
export async function requestCallback(
  deps: { db: Sql; events: EventBus; clock: Clock },
  actor: Actor,
  conversationId: string,
): Promise<{ callbackRequestedAt: string }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const conversation = await lockConversation(trx, conversationId);
    if (!conversation) throw notFound('Conversation');
    if (conversation.status !== 'waiting_for_human') {
      throw conflict('A callback can be requested only while waiting for a person');
    }
    if (conversation.callback_requested_at) {
      return { callbackRequestedAt: conversation.callback_requested_at.toISOString() };
    }
    await trx
      .updateTable('conversations')
      .set({ callback_requested_at: now, updated_at: now })
      .where('id', '=', conversationId)
      .execute();
    await writeAudit(trx, actor, {
      action: 'conversation.callback_requested',
      entityType: 'conversation',
      entityId: conversationId,
      after: { callbackRequestedAt: now },
    });
    await appendMessages(
      trx,
      deps.events,
      conversationId,
      [{ role: 'system', text: CALLBACK_CONFIRMED[languageOf(conversation)] }],
      now,
    );
    await deps.events.publish(
      conversationTopic(conversationId),
      'queue.updated',
      { conversationId, callbackRequested: true },
      trx,
    );
    await deps.events.publish('staff', 'conversation.callback_requested', { conversationId }, trx);
    return { callbackRequestedAt: now.toISOString() };
  });
}
