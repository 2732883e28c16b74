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
    const messages = await listMessages(trx, conversationId);
    const agentIds = [...new Set(messages.flatMap((m) => (m.agent_id ? [m.agent_id] : [])))];
    const agents = agentIds.length
      ? await trx.selectFrom('agents').select(['id', 'display_name']).where('id', 'in', agentIds).execute()
      : [];
    // A person finished with it (wrap-up recorded): the customer is asked to rate it, once.
    const finished =
      conversation.status === 'closed' ||
      (conversation.status === 'bot' && conversation.resolution_code !== null);
    const rated = finished
      ? await trx
          .selectFrom('conversation_ratings')
          .select('conversation_id')
          .where('conversation_id', '=', conversationId)
          .executeTakeFirst()
      : undefined;
    return toConversationView(conversation, messages, {
      agentNames: new Map(agents.map((a) => [a.id, a.display_name])),
      ratingRequested: finished && !rated,
    });
  });
}
