import type { Transaction } from 'kysely';
import type { KbCitation } from '../knowledge/search-articles.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { EventBus } from '../platform/events/event-bus.js';
import { newId } from '../platform/ids.js';
import type { HandoffRequest, MessageRole } from './assistant-port.js';
import {
  type ConversationRow,
  conversationTopic,
  type MessageRow,
  toMessageView,
} from './conversation-views.js';

type Trx = Transaction<DB>;

/** The assistant acting on its own, e.g. when it hands a conversation over. */
export const aiActor = (requestId?: string): Actor => ({ type: 'ai', id: null, requestId });

export interface NewMessage {
  role: MessageRole;
  text: string;
  citations?: KbCitation[] | undefined;
  clientMessageId?: string | undefined;
}

export async function findConversation(db: Sql | Trx, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the conversation row: every writer to a conversation goes through this, so seq numbers never collide. */
export async function lockConversation(trx: Trx, id: string): Promise<ConversationRow | undefined> {
  return trx.selectFrom('conversations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listMessages(db: Sql | Trx, conversationId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('conversation_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('seq')
    .execute();
}

/**
 * Appends messages with the next seq numbers and publishes `message.created` for each.
 * Call only while holding the conversation row lock.
 */
export async function appendMessages(
  trx: Trx,
  events: EventBus,
  conversationId: string,
  messages: NewMessage[],
  now: Date,
): Promise<MessageRow[]> {
  if (!messages.length) return [];
  const last = await trx
    .selectFrom('conversation_messages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  const rows: MessageRow[] = [];
  for (const m of messages) {
    seq += 1;
    // Distinct timestamps keep createdAt order equal to seq order for clients that sort by time.
    const createdAt = new Date(now.getTime() + rows.length);
    const row = await trx
      .insertInto('conversation_messages')
      .values({
        id: newId(),
        conversation_id: conversationId,
        seq,
        role: m.role,
        text: m.text,
        citations: m.citations?.length ? JSON.stringify(m.citations) : null,
        client_message_id: m.clientMessageId ?? null,
        created_at: createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    rows.push(row);
    await events.publish(conversationTopic(conversationId), 'message.created', toMessageView(row), trx);
  }
  return rows;
}

export const HANDOFF_NOTE: Record<string, string> = {
  en: 'A person from our team will take over this conversation and reply here.',
  sv: 'En person från vårt team tar över samtalet och svarar här.',
  de: 'Eine Person aus unserem Team übernimmt das Gespräch und antwortet hier.',
  fr: 'Une personne de notre équipe va prendre le relais et vous répondre ici.',
  es: 'Una persona de nuestro equipo continuará la conversación y responderá aquí.',
  it: 'Una persona del nostro team prenderà in carico la conversazione e risponderà qui.',
  nl: 'Iemand van ons team neemt het gesprek over en antwoordt hier.',
  vi: 'Một nhân viên của chúng tôi sẽ tiếp nhận cuộc trò chuyện và trả lời tại đây.',
};

/**
 * Moves a conversation to `waiting_for_human` with the assistant's handoff decision:
 * audit row, status event on the conversation, and a notice on the staff topic for the queue.
 */
export async function requestHandoff(
  trx: Trx,
  events: EventBus,
  actor: Actor,
  conversation: ConversationRow,
  handoff: HandoffRequest,
  now: Date,
): Promise<ConversationRow> {
  const updated = await trx
    .updateTable('conversations')
    .set({ status: 'waiting_for_human', handoff: JSON.stringify(handoff), updated_at: now })
    .where('id', '=', conversation.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, actor, {
    action: 'conversation.status_changed',
    entityType: 'conversation',
    entityId: conversation.id,
    before: { status: conversation.status, handoff: conversation.handoff ?? null },
    after: { status: updated.status, handoff },
    reason: handoff.reason,
  });
  const data = { conversationId: conversation.id, status: updated.status, handoff };
  await events.publish(conversationTopic(conversation.id), 'conversation.status_changed', data, trx);
  await events.publish(
    'staff',
    'conversation.handoff_requested',
    { ...data, customerId: conversation.customer_id, language: updated.language },
    trx,
  );
  return updated;
}
