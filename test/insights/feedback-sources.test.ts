import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSentimentModel } from '../../src/assistant/sentiment/sentiment-model-file.js';
import { copyTranscriptsForAnalytics } from '../../src/insights/copy-transcripts-for-analytics.js';
import type { FeedbackExtractor } from '../../src/insights/feedback/extract-feedback.js';
import { feedbackFromHotlineCall } from '../../src/insights/feedback/feedback-from-hotline-call.js';
import { loadProductTaxonomy } from '../../src/insights/feedback/product-areas.js';
import { extractPendingFeedback } from '../../src/insights/register-insights.js';
import { newId } from '../../src/platform/ids.js';
import { openTestDatabase, type TestDatabase, testDatabaseTargets } from '../support/test-database.js';

let extractor: FeedbackExtractor;
beforeAll(async () => {
  extractor = { sentiment: await loadSentimentModel(), taxonomy: loadProductTaxonomy() };
});

describe.each(testDatabaseTargets())('feedback items from Tandem sources (%s)', (kind) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
  });
  afterAll(async () => tdb?.close());
  const db = () => tdb.database.db;

  async function conversation(
    language: 'en' | 'sv',
    messages: string[] = [],
    channel: 'chat' | 'hotline' = 'chat',
  ) {
    const id = newId();
    await db().insertInto('conversations').values({ id, customer_id: null, channel, language }).execute();
    if (messages.length) {
      await db()
        .insertInto('conversation_messages')
        .values(
          messages.map((text, i) => ({
            id: newId(),
            conversation_id: id,
            seq: i + 1,
            role: i % 2 === 0 ? ('customer' as const) : ('assistant' as const),
            text,
            citations: null,
          })),
        )
        .execute();
    }
    return id;
  }

  const itemsFor = (sourceRef: string) =>
    db()
      .selectFrom('feedback_items')
      .selectAll()
      .where('source_ref', '=', sourceRef)
      .orderBy('quote')
      .execute();

  it("turns an ended hotline call's feedback into items, once however often the job runs", async () => {
    await db()
      .insertInto('hotline_personas')
      .values({ id: 'test-founder', name: 'Test Founder', definition: '{}' })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const callId = newId();
    const ended = new Date('2026-03-02T10:05:00Z');
    await db()
      .insertInto('hotline_calls')
      .values({
        id: callId,
        persona_id: 'test-founder',
        channel: 'phone',
        language: 'sv',
        consent_notice: 'Det här är en AI.',
        status: 'ended',
        wants_follow_up: true,
        started_at: new Date('2026-03-02T10:00:00Z'),
        ended_at: ended,
      })
      .execute();
    await db()
      .insertInto('hotline_feedback_items')
      .values([
        {
          id: newId(),
          call_id: callId,
          kind: 'bug',
          summary: 'Appen kraschar',
          quote: 'appen kraschar när jag betalar med kortet',
          language: 'sv',
        },
        {
          id: newId(),
          call_id: callId,
          kind: 'feature_request',
          summary: 'Mörkt läge',
          quote: 'jag önskar mörkt läge i appen, ring mig på 070-123 45 67',
          language: 'sv',
        },
      ])
      .execute();

    expect(await feedbackFromHotlineCall(db(), extractor, callId)).toBe(2);
    expect(await feedbackFromHotlineCall(db(), extractor, callId)).toBe(0);
    const items = await itemsFor(callId);
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.kind).sort()).toEqual(['bug', 'feature_request']);
    for (const item of items) {
      expect(item).toMatchObject({
        source: 'hotline_call',
        source_link: `/hotline/calls/${callId}`,
        language: 'sv',
        wants_follow_up: true,
        product_area: 'app',
      });
      expect(item.occurred_at.toISOString()).toBe(ended.toISOString());
    }
    expect(items.find((i) => i.kind === 'feature_request')?.quote).toBe(
      'jag önskar mörkt läge i appen, ring mig på [phone]',
    );
    // A call that does not exist is nothing to do, not a failure.
    expect(await feedbackFromHotlineCall(db(), extractor, newId())).toBe(0);
  });

  it('chats: complaints and wishes in customer messages become items, questions and thanks do not', async () => {
    const chat = await conversation('en', [
      'When is my next payment due?',
      'Your next payment is on 1 May.',
      'The app keeps crashing when I open my plan, so annoying. Mail me at a.b@example.com',
      'Sorry to hear that.',
      'It would be great if I could pay with Swish',
      'Anything else?',
      'ok thanks',
    ]);
    const hotlineChat = await conversation('en', ['The app crashes all the time'], 'hotline');
    await copyTranscriptsForAnalytics(db());
    await extractPendingFeedback(db(), extractor);
    const items = await itemsFor(chat);
    expect(items.map((i) => [i.kind, i.source, i.source_link])).toEqual([
      ['feature_request', 'chat', `/conversations/${chat}`],
      ['bug', 'chat', `/conversations/${chat}`],
    ]);
    expect(items[1]?.quote).toBe(
      'The app keeps crashing when I open my plan, so annoying. Mail me at [email]',
    );
    expect(await itemsFor(hotlineChat)).toEqual([]);
    // Looked at once: a second run finds nothing new.
    expect(await extractPendingFeedback(db(), extractor)).toBe(0);
  });

  it("CSAT comments and agents' notes: feedback becomes an item, routine notes do not", async () => {
    const rated = await conversation('sv');
    const unrated = await conversation('en');
    await db()
      .insertInto('conversation_ratings')
      .values([
        { conversation_id: rated, score: 1, comment: 'Tog tre dagar att få ett svar', handled_by: 'human' },
        { conversation_id: unrated, score: 5, comment: null, handled_by: 'ai' },
      ])
      .execute();
    const staffId = newId();
    await db()
      .insertInto('staff_users')
      .values({
        id: staffId,
        email: `${staffId}@x.test`,
        name: 'Agent',
        password_hash: 'x',
        roles: ['agent'],
      })
      .execute();
    await db()
      .insertInto('conversation_notes')
      .values([
        { id: newId(), conversation_id: unrated, author_staff_id: staffId, text: 'Refund processed.' },
        {
          id: newId(),
          conversation_id: unrated,
          author_staff_id: staffId,
          text: 'Customer says the checkout page is broken on Android, could not finish the order',
        },
      ])
      .execute();
    expect(await extractPendingFeedback(db(), extractor)).toBe(2);
    const csat = await itemsFor(rated);
    expect(csat).toHaveLength(1);
    expect(csat[0]).toMatchObject({
      source: 'csat',
      kind: 'complaint',
      language: 'sv',
      source_label: 'csat:1',
    });
    const notes = await itemsFor(unrated);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ source: 'agent_note', kind: 'bug', product_area: 'checkout' });
    expect(await extractPendingFeedback(db(), extractor)).toBe(0);
  });
});
