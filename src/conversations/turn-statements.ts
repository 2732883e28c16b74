import { sql } from 'kysely';
import type { Sql } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import type { NewMessage } from './conversation-store.js';
import type { ConversationRow, MessageRow } from './conversation-views.js';

/*
 * The two writes of a common chat turn, each as one statement with no begin/commit. Each takes
 * the conversation's row lock in a CTE and numbers messages with max(seq) + n read in the same
 * statement. That read uses the statement's snapshot, taken before any wait for the lock: if
 * another writer committed messages during the wait, the unique seq key refuses the insert, the
 * statement rolls back as a whole, and the caller takes its transactional path instead.
 */

const isSeqConflict = (err: unknown) => {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'conversation_messages_seq_key';
};

export interface CustomerMessageStatement {
  conversation: ConversationRow & { customer_locale: string | null };
  /** The new message; undefined when nothing was stored (closed, not this writer's, or a known client id). */
  message: MessageRow | undefined;
  /** Seq of an earlier message with the same client message id: a retry. */
  replaySeq: number | null;
  /** The last `historyLimit` messages, oldest first, ending with the new one. */
  history: MessageRow[];
}

interface HistoryJson {
  id: string;
  conversation_id: string;
  seq: number;
  role: MessageRow['role'];
  text: string;
  citations: MessageRow['citations'];
  client_message_id: string | null;
  agent_id: string | null;
  analytics_copied_at: string | null;
  created_at: string;
}

/**
 * Locks the conversation, reads what the turn needs (the customer's locale, recent history, an
 * earlier message with the same client id) and stores the customer's message if the conversation
 * is open and `writerCustomerId` may write to it: an anonymous conversation, or the writer's own
 * (`null` = an anonymous writer). The caller still runs its access check on the returned row; this
 * condition only keeps a refused writer's message out. Undefined: no such conversation.
 */
export async function storeCustomerMessage(
  db: Sql,
  input: {
    conversationId: string;
    writerCustomerId: string | null;
    text: string;
    clientMessageId: string | null;
    now: Date;
    historyLimit: number;
  },
): Promise<CustomerMessageStatement | undefined | 'conflict'> {
  const id = newId();
  const { conversationId, text, clientMessageId, now } = input;
  try {
    const { rows } = await sql<
      ConversationRow & {
        customer_locale: string | null;
        inserted_seq: number | null;
        replay_seq: number | null;
        history: HistoryJson[];
      }
    >`with c as (
        select c.*, cu.locale as customer_locale
        from conversations c left join customers cu on cu.id = c.customer_id
        where c.id = ${conversationId} for update of c
      ), ins as (
        insert into conversation_messages (id, conversation_id, seq, role, text, client_message_id, created_at)
        select ${id}, c.id,
          (select coalesce(max(seq), 0) from conversation_messages where conversation_id = c.id) + 1,
          'customer', ${text}, ${clientMessageId}, ${now}
        from c
        where c.status <> 'closed' and (c.customer_id is null or c.customer_id = ${input.writerCustomerId}::uuid)
        on conflict (conversation_id, client_message_id) do nothing
        returning seq
      )
      select c.*, (select seq from ins) as inserted_seq,
        (select seq from conversation_messages
          where conversation_id = c.id and client_message_id = ${clientMessageId}) as replay_seq,
        (select coalesce(json_agg(h order by h.seq), '[]'::json) from (
          select * from conversation_messages where conversation_id = c.id
          order by seq desc limit ${Math.max(0, input.historyLimit - 1)}
        ) h) as history
      from c`.execute(db);
    const row = rows[0];
    if (!row) return undefined;
    const { inserted_seq, replay_seq, history, ...conversation } = row;
    const message: MessageRow | undefined =
      inserted_seq === null
        ? undefined
        : {
            id,
            conversation_id: conversationId,
            seq: inserted_seq,
            role: 'customer',
            text,
            citations: null,
            client_message_id: clientMessageId,
            agent_id: null,
            analytics_copied_at: null,
            created_at: now,
          };
    const earlier = history.map(
      (h): MessageRow => ({
        ...h,
        created_at: new Date(h.created_at),
        analytics_copied_at: h.analytics_copied_at === null ? null : new Date(h.analytics_copied_at),
      }),
    );
    return {
      conversation,
      message,
      replaySeq: replay_seq,
      history: message ? [...earlier, message] : earlier,
    };
  } catch (err) {
    if (isSeqConflict(err)) return 'conflict';
    throw err;
  }
}

export interface BotReplies {
  language: string;
  state: Record<string, unknown>;
  messages: NewMessage[];
}

/**
 * Stores an assistant turn's state and replies if the bot still owns the conversation: the
 * update takes the row lock and re-checks the status on the newest row version. Returns the
 * conversation's status, language and handoff with the stored rows, or undefined when a person
 * took over or closed it meanwhile (nothing is stored).
 */
export async function storeBotReplies(
  db: Sql,
  conversationId: string,
  replies: BotReplies,
  now: Date,
): Promise<
  | { conversation: Pick<ConversationRow, 'status' | 'language' | 'handoff'>; rows: MessageRow[] }
  | undefined
  | 'conflict'
> {
  const m = replies.messages;
  try {
    const { rows } = await sql<
      MessageRow & Record<'conversation_status' | 'conversation_language' | 'conversation_handoff', unknown>
    >`with u as (
        update conversations
        set language = ${replies.language}, assistant_state = ${JSON.stringify(replies.state)}::jsonb, updated_at = ${now}
        where id = ${conversationId} and status = 'bot'
        returning id, status, language, handoff
      ), ins as (
        insert into conversation_messages (id, conversation_id, seq, role, text, citations, created_at)
        select m.id, u.id,
          (select coalesce(max(seq), 0) from conversation_messages where conversation_id = u.id) + m.ord,
          m.role, m.text, m.citations, m.created_at
        from u cross join unnest(
          ${m.map(() => newId())}::uuid[], ${m.map((x) => x.role)}::text[], ${m.map((x) => x.text)}::text[],
          ${m.map((x) => (x.citations?.length ? JSON.stringify(x.citations) : null))}::jsonb[],
          ${m.map((_, i) => new Date(now.getTime() + i).toISOString())}::timestamptz[]
        ) with ordinality as m(id, role, text, citations, created_at, ord)
        returning *
      )
      select ins.*, u.status as conversation_status, u.language as conversation_language,
        u.handoff as conversation_handoff
      from ins cross join u order by ins.seq`.execute(db);
    const first = rows[0];
    if (!first) return undefined;
    const conversation = {
      status: first.conversation_status as ConversationRow['status'],
      language: first.conversation_language as string,
      handoff: first.conversation_handoff as ConversationRow['handoff'],
    };
    return {
      conversation,
      rows: rows.map(({ conversation_status, conversation_language, conversation_handoff, ...row }) => row),
    };
  } catch (err) {
    if (isSeqConflict(err)) return 'conflict';
    throw err;
  }
}
