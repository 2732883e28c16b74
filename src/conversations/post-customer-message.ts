import type { Logger } from 'pino';
import { redactCardNumbers } from '../assistant/entities/card-numbers.js';
import { dispatchRightAway } from '../handoff/dispatch-conversation.js';
import type { DomainDeps } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import type { AppConfig } from '../platform/config.js';
import type { Sql } from '../platform/db/database.js';
import { conflict, notFound } from '../platform/errors.js';
import { type OutgoingEvent, publishEvents } from '../platform/events/event-bus.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import type { Assistant, AssistantTurn, ConversationStatus, HandoffRequest } from './assistant-port.js';
import {
  aiActor,
  appendMessages,
  findConversation,
  HANDOFF_NOTE,
  insertMessages,
  lockConversationForTurn,
  messageCreatedEvents,
  type NewMessage,
  queueDeps,
  recentMessages,
  requestHandoff,
} from './conversation-store.js';
import {
  type ConversationRow,
  conversationTopic,
  handoffOf,
  languageOf,
  type MessageRow,
  type MessageView,
  stateOf,
  toMessageView,
  toStoredMessage,
} from './conversation-views.js';
import type { TurnLock } from './turn-lock.js';
import { storeBotReplies, storeCustomerMessage } from './turn-statements.js';

export interface PostCustomerMessageDeps extends DomainDeps {
  /** A handoff enters the human queue and enqueues dispatch in the same transaction (the app always passes these). */
  jobs?: JobQueue;
  config?: Pick<AppConfig, 'dispatch'>;
  assistant: Assistant;
  turns: TurnLock;
  logger: Pick<Logger, 'error'>;
}

export interface PostCustomerMessageInput {
  conversationId: string;
  /** Already trimmed and validated by the route. */
  text: string;
  /** Set by the client so a retried request returns the first result instead of a second turn. */
  clientMessageId?: string | undefined;
  /**
   * Who writes, for the one-statement path: a customer's id, or null for an anonymous writer.
   * Undefined (e.g. staff) always takes the transactional path.
   */
  writerCustomerId?: string | null | undefined;
  /** Access check on the locked conversation (undefined when it does not exist); throws to refuse. */
  authorize?: (conversation: ConversationRow | undefined) => void;
}

export interface PostCustomerMessageResult {
  status: ConversationStatus;
  language: string;
  /** What this message caused: assistant replies and system notes, in order. */
  messages: MessageView[];
  handoff: HandoffRequest | null;
}

/** How much of the conversation the assistant sees: enough context for a reply, bounded cost per turn. */
export const HISTORY_WINDOW = 50;

const FAILURE_NOTE =
  'Sorry, I could not answer that just now. Please try again in a moment, or ask to talk to a person.';

/**
 * Stores a customer message and, while the bot owns the conversation, runs one assistant
 * turn and stores its replies, state and any handoff. Once a person is (to be) involved
 * the bot stays quiet and the message simply waits for them.
 *
 * Three short steps rather than one long transaction: (1) lock, store the message, then
 * publish it and `typing` (one statement, or a transaction when that cannot decide); (2) ask the assistant with no transaction open (it may read the
 * database, and on PGlite a transaction owns the only session); (3) lock again, store the
 * result, then publish the replies. Turns on one conversation are queued by `turns`, so each
 * starts from the previous state and its events go out in order.
 *
 * A turn's message events are published just after their transaction commits, not inside it:
 * PostgreSQL serialises committing transactions that NOTIFY, WAL flush included, and two such
 * commits per turn capped the whole server's turn rate. What can be lost is a live event if the
 * process dies between commit and publish; the messages are stored, and a client that reloads
 * the conversation sees them. A handoff still publishes in its transaction (staff queue notice).
 */
export async function postCustomerMessage(
  deps: PostCustomerMessageDeps,
  actor: Actor,
  received: PostCustomerMessageInput,
): Promise<PostCustomerMessageResult> {
  // A card number typed into the chat is never stored, published or passed on, only a placeholder.
  const input = { ...received, text: redactCardNumbers(received.text) };
  const { text } = input;
  return deps.turns.run(input.conversationId, async () => {
    const now = deps.clock.now();
    const stored =
      (await storeInOneStatement(deps, input, now)) ?? (await storeInTransaction(deps, input, now));
    if (stored.kind === 'replay') return replay(deps.db, input.conversationId, stored.seq);
    const { conversation, history } = stored;
    // Not awaited yet: the assistant can start while the notify is on its way (another connection).
    const published = publishCommitted(deps, stored.events);
    if (conversation.status !== 'bot') {
      await published;
      return result(conversation, []);
    }

    let turn: AssistantTurn;
    let failed = false;
    try {
      turn = await deps.assistant.respond(
        {
          conversationId: conversation.id,
          customerId: conversation.customer_id,
          customerLocale: conversation.customer_locale,
          language: languageOf(conversation),
          channel: conversation.channel,
          history: history.map(toStoredMessage),
          state: stateOf(conversation),
          now,
        },
        text,
      );
    } catch (err) {
      // The customer's message is already stored; tell them rather than leave them waiting.
      deps.logger.error({ err, conversationId: conversation.id }, 'assistant turn failed');
      failed = true;
      turn = { language: languageOf(conversation), replies: [], state: stateOf(conversation) };
    }

    const replies: NewMessage[] = failed
      ? [{ role: 'system', text: FAILURE_NOTE }]
      : turn.replies.map((r) => ({ role: 'assistant', text: r.text, citations: r.citations }));
    // The common turn (replies, no handoff) is one statement; a handoff, a turn without replies
    // or a seq conflict with another writer takes the transaction below.
    if (replies.length && !turn.handoff) {
      const fast = await storeBotReplies(
        deps.db,
        conversation.id,
        { language: turn.language, state: turn.state ?? {}, messages: replies },
        deps.clock.now(),
      );
      if (fast !== 'conflict') {
        await published; // The customer's message and `typing` go out before the replies.
        if (!fast) {
          const current = await findConversation(deps.db, conversation.id);
          if (!current) throw notFound('Conversation');
          return result(current, []);
        }
        await publishCommitted(deps, messageCreatedEvents(conversation.id, fast.rows));
        return result(fast.conversation, fast.rows);
      }
    }

    const answered = await deps.db.transaction().execute(async (trx) => {
      // Locks the row and, in the same statement, refuses to overwrite a person's takeover
      // (or a close) that happened while the assistant was thinking: their word wins.
      let updated = await trx
        .updateTable('conversations')
        .set({ language: turn.language, assistant_state: JSON.stringify(turn.state ?? {}), updated_at: now })
        .where('id', '=', conversation.id)
        .where('status', '=', 'bot')
        .returningAll()
        .executeTakeFirst();
      if (!updated) {
        const current = await findConversation(trx, conversation.id);
        if (!current) throw notFound('Conversation');
        return { result: result(current, []), events: [] };
      }
      if (!turn.handoff) {
        const rows = await insertMessages(trx, updated.id, replies, deps.clock.now());
        return { result: result(updated, rows), events: messageCreatedEvents(updated.id, rows) };
      }
      replies.push({ role: 'system', text: HANDOFF_NOTE[turn.language] ?? HANDOFF_NOTE.en ?? '' });
      const rows = await appendMessages(trx, deps.events, updated.id, replies, deps.clock.now());
      updated = await requestHandoff(
        trx,
        queueDeps(deps),
        aiActor(actor.requestId),
        updated,
        turn.handoff,
        now,
      );
      return { result: result(updated, rows), events: [] };
    });
    await published; // The customer's message and `typing` go out before the replies.
    await publishCommitted(deps, answered.events);
    if (turn.handoff && answered.result.status === 'waiting_for_human' && deps.jobs && deps.config) {
      const { jobs, config } = deps;
      dispatchRightAway({ ...deps, jobs, dispatch: config.dispatch }, conversation.id, deps.logger);
    }
    return answered.result;
  });
}

/** After the commit: a lost live event must not turn a stored message into an error for the customer. */
async function publishCommitted(deps: PostCustomerMessageDeps, events: OutgoingEvent[]): Promise<void> {
  try {
    await publishEvents(deps.events, events);
  } catch (err) {
    deps.logger.error({ err }, 'publishing committed conversation events failed');
  }
}

type Stored =
  | { kind: 'replay'; seq: number }
  | {
      kind: 'stored';
      conversation: ConversationRow & { customer_locale: string | null };
      events: OutgoingEvent[];
      history: MessageRow[];
    };

const typingEvent = (conversationId: string): OutgoingEvent => ({
  topic: conversationTopic(conversationId),
  type: 'typing',
  data: { conversationId, role: 'assistant' },
});

/**
 * Step 1 as one statement (see `turn-statements.ts`); undefined sends the caller to the
 * transaction: staff (refused there), a seq conflict with another writer, or a client id
 * committed while this one waited for the lock.
 */
async function storeInOneStatement(
  deps: PostCustomerMessageDeps,
  input: PostCustomerMessageInput,
  now: Date,
): Promise<Stored | undefined> {
  if (input.writerCustomerId === undefined) return undefined;
  const done = await storeCustomerMessage(deps.db, {
    conversationId: input.conversationId,
    writerCustomerId: input.writerCustomerId,
    text: input.text,
    clientMessageId: input.clientMessageId ?? null,
    now,
    historyLimit: HISTORY_WINDOW,
  });
  if (done === 'conflict') return undefined;
  input.authorize?.(done?.conversation);
  if (!done) throw notFound('Conversation');
  const { conversation, message } = done;
  if (!message) {
    if (done.replaySeq) return { kind: 'replay', seq: done.replaySeq };
    if (conversation.status === 'closed') {
      throw conflict('This conversation is closed; start a new conversation to continue');
    }
    return undefined;
  }
  const events = messageCreatedEvents(conversation.id, [message]);
  if (conversation.status !== 'bot') return { kind: 'stored', conversation, events, history: [] };
  events.push(typingEvent(conversation.id));
  return { kind: 'stored', conversation, events, history: done.history };
}

/** Step 1 in a transaction: lock, check, store, read the recent history. */
async function storeInTransaction(
  deps: PostCustomerMessageDeps,
  input: PostCustomerMessageInput,
  now: Date,
): Promise<Stored> {
  return deps.db.transaction().execute(async (trx): Promise<Stored> => {
    const conversation = await lockConversationForTurn(trx, input.conversationId);
    input.authorize?.(conversation);
    if (!conversation) throw notFound('Conversation');
    if (conversation.status === 'closed') {
      const seq = input.clientMessageId && (await seqOf(trx, conversation.id, input.clientMessageId));
      if (seq) return { kind: 'replay', seq } as const;
      throw conflict('This conversation is closed; start a new conversation to continue');
    }
    const rows = await insertMessages(
      trx,
      conversation.id,
      [{ role: 'customer', text: input.text, clientMessageId: input.clientMessageId }],
      now,
    );
    if (!rows.length) {
      // The same clientMessageId is already stored: this is a retry.
      const seq = await seqOf(trx, conversation.id, input.clientMessageId ?? '');
      if (!seq) throw new Error('customer message was neither stored nor found');
      return { kind: 'replay', seq } as const;
    }
    const events = messageCreatedEvents(conversation.id, rows);
    if (conversation.status !== 'bot') return { kind: 'stored', conversation, events, history: [] } as const;
    events.push(typingEvent(conversation.id));
    const history = await recentMessages(trx, conversation.id, HISTORY_WINDOW);
    return { kind: 'stored', conversation, events, history } as const;
  });
}

async function seqOf(db: Sql, conversationId: string, clientMessageId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('conversation_messages')
    .select('seq')
    .where('conversation_id', '=', conversationId)
    .where('client_message_id', '=', clientMessageId)
    .executeTakeFirst();
  return row?.seq;
}

function result(
  conversation: Pick<ConversationRow, 'status' | 'language' | 'handoff'>,
  rows: MessageRow[],
): PostCustomerMessageResult {
  return {
    status: conversation.status,
    language: conversation.language,
    messages: rows.map(toMessageView),
    handoff: handoffOf(conversation),
  };
}

/** The answer a retried request gets: what followed the original message, up to the next customer message. */
async function replay(db: Sql, conversationId: string, seq: number): Promise<PostCustomerMessageResult> {
  const conversation = await findConversation(db, conversationId);
  if (!conversation) throw notFound('Conversation');
  const later = await db
    .selectFrom('conversation_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
  const next = later.findIndex((m) => m.role === 'customer');
  return result(conversation, next === -1 ? later : later.slice(0, next));
}
