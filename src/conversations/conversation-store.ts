import { sql, type Transaction } from 'kysely';
import { buildHandoffSummary } from '../handoff/build-handoff-summary.js';
import { type EnterQueueDeps, enterQueue } from '../handoff/enter-queue.js';
import type { KbCitation } from '../knowledge/search-articles.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { type EventBus, type OutgoingEvent, publishEvents } from '../platform/events/event-bus.js';
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
  /** The agent who wrote an `agent` message. */
  agentId?: string | null | undefined;
}

export async function findConversation(db: Sql | Trx, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the conversation row: every writer to a conversation goes through this, so seq numbers never collide. */
export async function lockConversation(trx: Trx, id: string): Promise<ConversationRow | undefined> {
  return trx.selectFrom('conversations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Locks the conversation row for a customer turn and reads, in the same statement, what the
 * turn needs besides it: the customer's stored locale (for formatting amounts and dates).
 */
export async function lockConversationForTurn(
  trx: Trx,
  id: string,
): Promise<(ConversationRow & { customer_locale: string | null }) | undefined> {
  return trx
    .selectFrom('conversations as c')
    .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
    .selectAll('c')
    .select('cu.locale as customer_locale')
    .where('c.id', '=', id)
    .forUpdate('c')
    .executeTakeFirst();
}

/** The last `limit` messages, oldest first. */
export async function recentMessages(
  db: Sql | Trx,
  conversationId: string,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await db
    .selectFrom('conversation_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
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
 * Inserts messages with the next seq numbers, in one statement whatever their number.
 * Call only while holding the conversation row lock, and not in the statement that took it:
 * the next seq is read in the insert itself, whose snapshot must postdate the lock.
 * A message whose client message id is already stored (a retry) is skipped: no row for it.
 */
export async function insertMessages(
  trx: Trx,
  conversationId: string,
  messages: NewMessage[],
  now: Date,
): Promise<MessageRow[]> {
  if (!messages.length) return [];
  const lastSeq = sql<number>`(select coalesce(max(seq), 0) from conversation_messages where conversation_id = ${conversationId})`;
  const rows = await trx
    .insertInto('conversation_messages')
    .values(
      messages.map((m, i) => ({
        id: newId(),
        conversation_id: conversationId,
        seq: sql<number>`${lastSeq} + ${i + 1}`,
        role: m.role,
        text: m.text,
        citations: m.citations?.length ? JSON.stringify(m.citations) : null,
        client_message_id: m.clientMessageId ?? null,
        agent_id: m.agentId ?? null,
        // Distinct timestamps keep createdAt order equal to seq order for clients that sort by time.
        created_at: new Date(now.getTime() + i),
      })),
    )
    .onConflict((oc) => oc.columns(['conversation_id', 'client_message_id']).doNothing())
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.seq - b.seq);
}

/** `message.created` for each row, on the conversation's topic. */
export function messageCreatedEvents(conversationId: string, rows: MessageRow[]): OutgoingEvent[] {
  const topic = conversationTopic(conversationId);
  return rows.map((row) => ({ topic, type: 'message.created', data: toMessageView(row) }));
}

/** Inserts messages (see `insertMessages`) and publishes `message.created` for each in the same transaction. */
export async function appendMessages(
  trx: Trx,
  events: EventBus,
  conversationId: string,
  messages: NewMessage[],
  now: Date,
): Promise<MessageRow[]> {
  const rows = await insertMessages(trx, conversationId, messages, now);
  await publishEvents(events, messageCreatedEvents(conversationId, rows), trx);
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

export interface HandoffDeps {
  events: EventBus;
  /** The human queue; absent only where the assistant is exercised alone (unit tests, eval). */
  queue: EnterQueueDeps | undefined;
}

/** What `requestHandoff` needs from a use case's dependencies. */
export function queueDeps(deps: {
  events: EventBus;
  jobs?: EnterQueueDeps['jobs'] | undefined;
  config?: { dispatch: EnterQueueDeps['dispatch']; assistant?: { provider: string } } | undefined;
}): HandoffDeps {
  const llmNote = (deps.config?.assistant?.provider ?? 'builtin') !== 'builtin';
  const queue =
    deps.jobs && deps.config
      ? { events: deps.events, jobs: deps.jobs, dispatch: deps.config.dispatch, llmNote }
      : undefined;
  return { events: deps.events, queue };
}

/**
 * Moves a conversation to `waiting_for_human` with the assistant's handoff decision:
 * audit row, status event on the conversation, the human queue (see `enterQueue`), and a
 * notice on the staff topic.
 */
export async function requestHandoff(
  trx: Trx,
  deps: HandoffDeps,
  actor: Actor,
  conversation: ConversationRow,
  handoff: HandoffRequest,
  now: Date,
): Promise<ConversationRow> {
  // Built in the handoff's transaction, so the person taking over never finds it missing.
  const summary = await buildHandoffSummary(
    trx,
    conversation,
    handoff,
    await listMessages(trx, conversation.id),
    now,
  );
  const updated = await trx
    .updateTable('conversations')
    .set({
      status: 'waiting_for_human',
      handoff: JSON.stringify(handoff),
      handoff_summary: JSON.stringify(summary),
      // A new round with a person: the previous wrap-up no longer describes it.
      resolution_code: null,
      updated_at: now,
    })
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
  const { events } = deps;
  await events.publish(conversationTopic(conversation.id), 'conversation.status_changed', data, trx);
  // Queue, priority, skills, waiting time, and a dispatch job committed with the handoff.
  if (deps.queue) await enterQueue(trx, deps.queue, conversation.id, handoff, now);
  await events.publish(
    'staff',
    'conversation.handoff_requested',
    { ...data, customerId: conversation.customer_id, language: updated.language },
    trx,
  );
  return updated;
}
