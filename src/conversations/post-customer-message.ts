import type { Logger } from 'pino';
import { redactCardNumbers } from '../assistant/entities/card-numbers.js';
import type { DomainDeps } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import { conflict, notFound } from '../platform/errors.js';
import type { Assistant, AssistantTurn, ConversationStatus, HandoffRequest } from './assistant-port.js';
import {
  aiActor,
  appendMessages,
  findConversation,
  HANDOFF_NOTE,
  listMessages,
  lockConversation,
  type NewMessage,
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

export interface PostCustomerMessageDeps extends DomainDeps {
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
}

export interface PostCustomerMessageResult {
  status: ConversationStatus;
  language: string;
  /** What this message caused: assistant replies and system notes, in order. */
  messages: MessageView[];
  handoff: HandoffRequest | null;
}

const FAILURE_NOTE =
  'Sorry, I could not answer that just now. Please try again in a moment, or ask to talk to a person.';

/**
 * Stores a customer message and, while the bot owns the conversation, runs one assistant
 * turn and stores its replies, state and any handoff. Once a person is (to be) involved
 * the bot stays quiet and the message simply waits for them.
 *
 * Three short steps rather than one long transaction: (1) lock, store the message, publish
 * it and `typing`; (2) ask the assistant with no transaction open (it may read the database,
 * and on PGlite a transaction owns the only session); (3) lock again and store the result.
 * Turns on one conversation are queued by `turns`, so each starts from the previous state.
 */
export async function postCustomerMessage(
  deps: PostCustomerMessageDeps,
  actor: Actor,
  input: PostCustomerMessageInput,
): Promise<PostCustomerMessageResult> {
  // A card number typed into the chat is never stored, published or passed on, only a placeholder.
  const text = redactCardNumbers(input.text);
  return deps.turns.run(input.conversationId, async () => {
    const now = deps.clock.now();
    const stored = await deps.db.transaction().execute(async (trx) => {
      const conversation = await lockConversation(trx, input.conversationId);
      if (!conversation) throw notFound('Conversation');
      if (input.clientMessageId) {
        const previous = await trx
          .selectFrom('conversation_messages')
          .select('seq')
          .where('conversation_id', '=', conversation.id)
          .where('client_message_id', '=', input.clientMessageId)
          .executeTakeFirst();
        if (previous) return { kind: 'replay', seq: previous.seq } as const;
      }
      if (conversation.status === 'closed') {
        throw conflict('This conversation is closed; start a new conversation to continue');
      }
      await appendMessages(
        trx,
        deps.events,
        conversation.id,
        [{ role: 'customer', text, clientMessageId: input.clientMessageId }],
        now,
      );
      if (conversation.status !== 'bot') return { kind: 'stored', conversation, history: [] } as const;
      // Published in this transaction, so it arrives as this one commits: just before the assistant starts.
      await deps.events.publish(
        conversationTopic(conversation.id),
        'typing',
        { conversationId: conversation.id, role: 'assistant' },
        trx,
      );
      return { kind: 'stored', conversation, history: await listMessages(trx, conversation.id) } as const;
    });

    if (stored.kind === 'replay') return replay(deps.db, input.conversationId, stored.seq);
    const { conversation, history } = stored;
    if (conversation.status !== 'bot') return result(conversation, []);

    let turn: AssistantTurn;
    let failed = false;
    try {
      turn = await deps.assistant.respond(
        {
          conversationId: conversation.id,
          customerId: conversation.customer_id,
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

    return deps.db.transaction().execute(async (trx) => {
      const current = await lockConversation(trx, conversation.id);
      if (!current) throw notFound('Conversation');
      // A person took over (or closed it) while the assistant was thinking: their word wins.
      if (current.status !== 'bot') return result(current, []);
      const replies: NewMessage[] = failed
        ? [{ role: 'system', text: FAILURE_NOTE }]
        : turn.replies.map((r) => ({ role: 'assistant', text: r.text, citations: r.citations }));
      if (turn.handoff) {
        replies.push({ role: 'system', text: HANDOFF_NOTE[turn.language] ?? HANDOFF_NOTE.en ?? '' });
      }
      const rows = await appendMessages(trx, deps.events, current.id, replies, deps.clock.now());
      let updated = await trx
        .updateTable('conversations')
        .set({ language: turn.language, assistant_state: JSON.stringify(turn.state ?? {}), updated_at: now })
        .where('id', '=', current.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (turn.handoff) {
        updated = await requestHandoff(
          trx,
          deps.events,
          aiActor(actor.requestId),
          updated,
          turn.handoff,
          now,
        );
      }
      return result(updated, rows);
    });
  });
}

function result(conversation: ConversationRow, rows: MessageRow[]): PostCustomerMessageResult {
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
