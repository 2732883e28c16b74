import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTranscriptsForAnalytics } from '../../src/insights/copy-transcripts-for-analytics.js';
import { newId } from '../../src/platform/ids.js';
import { openTestDatabase, type TestDatabase, testDatabaseTargets } from '../support/test-database.js';

describe.each(testDatabaseTargets())('analytics copies of transcripts (%s)', (kind) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
  });
  afterAll(async () => tdb?.close());

  async function conversationWith(texts: string[]): Promise<string> {
    const db = tdb.database.db;
    const id = newId();
    await db
      .insertInto('conversations')
      .values({ id, customer_id: null, channel: 'chat', language: 'sv' })
      .execute();
    await db
      .insertInto('conversation_messages')
      .values(
        texts.map((text, i) => ({
          id: newId(),
          conversation_id: id,
          seq: i + 1,
          role: i % 2 === 0 ? ('customer' as const) : ('assistant' as const),
          text,
          citations: null,
        })),
      )
      .execute();
    return id;
  }

  it('copies each message once with card numbers, ids, emails and phones removed, leaving the original alone', async () => {
    const db = tdb.database.db;
    const id = await conversationWith([
      'Hej, mitt personnummer är 19811218-9876 och kortet 4111 1111 1111 1111',
      'Tack! Din nästa betalning är 250,00 kr den 2026-12-01.',
      'Mejla elsa@example.se eller ring 070-123 45 67',
    ]);
    expect(await copyTranscriptsForAnalytics(db)).toBeGreaterThanOrEqual(3);

    const copy = await db
      .selectFrom('analytics_transcript_messages')
      .select(['seq', 'role', 'channel', 'language', 'text', 'redactions'])
      .where('conversation_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(copy.map((m) => m.text)).toEqual([
      'Hej, mitt personnummer är [national id] och kortet [card number removed]',
      'Tack! Din nästa betalning är 250,00 kr den 2026-12-01.',
      'Mejla [email] eller ring [phone]',
    ]);
    expect(copy[0]).toMatchObject({ role: 'customer', channel: 'chat', language: 'sv' });
    expect(copy[0]?.redactions).toEqual({ card: 1, national_id: 1 });

    const original = await db
      .selectFrom('conversation_messages')
      .select('text')
      .where('conversation_id', '=', id)
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    expect(original.text).toBe('Mejla elsa@example.se eller ring 070-123 45 67');

    // Nothing left to copy; a new message is picked up by the next run.
    expect(await copyTranscriptsForAnalytics(db)).toBe(0);
    await conversationWith(['min mejl är a.b@c.se']);
    expect(await copyTranscriptsForAnalytics(db)).toBe(1);
  });

  it('copies in batches and never twice when two copiers run at once', async () => {
    const db = tdb.database.db;
    const ids = await Promise.all(
      Array.from({ length: 6 }, () => conversationWith(Array.from({ length: 10 }, (_, i) => `message ${i}`))),
    );
    const [a, b] = await Promise.all([
      copyTranscriptsForAnalytics(db, 7),
      copyTranscriptsForAnalytics(db, 7),
    ]);
    expect(a + b).toBe(60);
    const copied = await db
      .selectFrom('analytics_transcript_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('conversation_id', 'in', ids)
      .executeTakeFirstOrThrow();
    expect(Number(copied.n)).toBe(60);
  });
});
