import type { Sql } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { findConversation, listMessages } from './conversation-store.js';
import { type ConversationView, toConversationView } from './conversation-views.js';

/** The whole conversation, oldest message first. Access is checked by the caller. */
export async function getConversation(db: Sql, conversationId: string): Promise<ConversationView> {
  // One transaction so the messages and the status come from the same snapshot.
  return db.transaction().execute(async (trx) => {
    const conversation = await findConversation(trx, conversationId);
    if (!conversation) throw notFound('Conversation');
    return toConversationView(conversation, await listMessages(trx, conversationId));
  });
}
