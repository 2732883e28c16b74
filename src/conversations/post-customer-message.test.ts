import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { systemClock } from '../platform/clock.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { Assistant, AssistantTurn } from './assistant-port.js';
import { postCustomerMessage } from './post-customer-message.js';
import { TurnLock } from './turn-lock.js';

/** Another writer inside `trx`: locks the conversation row and adds a system message at `seq`. */
async function actAsOtherWriter(trx: Transaction<DB>, conversationId: string, seq: number) {
  await trx.selectFrom('conversations').select('id').where('id', '=', conversationId).forUpdate().execute();
  await trx
    .insertInto('conversation_messages')
    .values({ id: newId(), conversation_id: conversationId, seq, role: 'system', text: 'Other writer' })
    .execute();
}

/**
 * A turn stores the customer's message and its reply each in one statement whose next seq comes
 * from a snapshot taken before it waits for the conversation's row lock. Here another writer (a
 * second process, say) holds that lock and adds a message while the turn waits: the turn must
 * still store its messages after that one, in order, and answer normally.
 */
describe.skipIf(!process.env.DATABASE_URL)('a customer turn racing another writer (postgres)', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await tdb?.close();
  });

  async function newConversation(): Promise<string> {
    const id = newId();
    const now = new Date();
    await tdb.database.db
      .insertInto('conversations')
      .values({
        id,
        customer_id: null,
        channel: 'chat',
        status: 'bot',
        language: 'en',
        assistant_state: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  /** Until some statement of a turn waits for a row lock (or 2 s). */
  async function untilWaitingForLock() {
    for (let i = 0; i < 100; i++) {
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where wait_event_type = 'Lock' and query like '%with % as (%conversations%'`.execute(tdb.database.db);
      if (waiting.rows[0]?.n) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const deps = (assistant: Assistant) => ({
    db: tdb.database.db,
    events: new RecordingEventBus(),
    clock: systemClock,
    assistant,
    turns: new TurnLock(),
    logger: { error: () => {} },
  });

  const stored = (conversationId: string) =>
    tdb.database.db
      .selectFrom('conversation_messages')
      .select(['seq', 'role', 'text'])
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();

  it('stores the customer message after one committed while it waited for the lock', async () => {
    const db = tdb.database.db;
    const conversationId = await newConversation();
    const echo: Assistant = {
      greet: async () => ({ language: 'en', replies: [], state: {} }),
      respond: async (_context, text) => ({
        language: 'en',
        replies: [{ text: `Answer to: ${text}` }],
        state: {},
      }),
    };
    let turn: Promise<unknown> | undefined;
    await db.transaction().execute(async (trx) => {
      await actAsOtherWriter(trx, conversationId, 1);
      turn = postCustomerMessage(
        deps(echo),
        { type: 'customer', id: null },
        { conversationId, text: 'Hello', clientMessageId: 'c-1', writerCustomerId: null },
      );
      await untilWaitingForLock();
    });
    expect(await turn).toMatchObject({ status: 'bot', messages: [{ text: 'Answer to: Hello' }] });
    expect(await stored(conversationId)).toEqual([
      { seq: 1, role: 'system', text: 'Other writer' },
      { seq: 2, role: 'customer', text: 'Hello' },
      { seq: 3, role: 'assistant', text: 'Answer to: Hello' },
    ]);
  });

  it('stores the reply after a message committed while it waited for the lock', async () => {
    const db = tdb.database.db;
    const conversationId = await newConversation();

    let release!: () => void;
    let started!: () => void;
    const thinking = new Promise<void>((r) => {
      started = r;
    });
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const assistant: Assistant = {
      greet: async () => ({ language: 'en', replies: [], state: {} }),
      async respond(context, text): Promise<AssistantTurn> {
        started();
        await gate;
        return { language: 'en', replies: [{ text: `Answer to: ${text}` }], state: context.state };
      },
    };
    const turn = postCustomerMessage(
      deps(assistant),
      { type: 'customer', id: null },
      { conversationId, text: 'When is my next payment?', writerCustomerId: null },
    );
    await thinking;

    // The other writer: lock the row, add a message, and commit only once the turn waits for the lock.
    const other = db.transaction().execute(async (trx) => {
      await actAsOtherWriter(trx, conversationId, 2);
      release();
      await untilWaitingForLock();
    });
    await other;
    const result = await turn;

    expect(result.messages.map((m) => m.text)).toEqual(['Answer to: When is my next payment?']);
    expect(await stored(conversationId)).toEqual([
      { seq: 1, role: 'customer', text: 'When is my next payment?' },
      { seq: 2, role: 'system', text: 'Other writer' },
      { seq: 3, role: 'assistant', text: 'Answer to: When is my next payment?' },
    ]);
  });
});
