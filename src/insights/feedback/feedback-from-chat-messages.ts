import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { feedbackRow, type NewFeedbackItem, storeFeedbackItems } from './store-feedback-items.js';

/**
 * Complaints, bug reports, wishes and praise in customers' chat messages, read from the redacted
 * analytics copy (never the original). Each batch marks the messages it looked at in the same
 * transaction as the items it stores, with `skip locked` so processes share the work. Hotline
 * chats are left out: their feedback arrives with the call. Returns how many items were stored.
 */
export async function feedbackFromChatMessages(
  db: Sql,
  extractor: FeedbackExtractor,
  batchSize = 500,
): Promise<number> {
  let stored = 0;
  for (;;) {
    const { seen, added } = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('analytics_transcript_messages as m')
        .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .select(['m.message_id', 'm.conversation_id', 'm.text', 'm.language', 'm.channel', 'm.created_at'])
        .select('c.customer_id')
        .where('m.feedback_extracted_at', 'is', null)
        .where('m.role', '=', 'customer')
        .orderBy('m.created_at')
        .limit(batchSize)
        .forUpdate('m')
        .skipLocked()
        .execute();
      if (rows.length === 0) return { seen: 0, added: 0 };
      const items: NewFeedbackItem[] = [];
      for (const row of rows) {
        if (row.channel === 'hotline') continue;
        const draft = extractFeedback(extractor, row.text, { language: row.language, conversational: true });
        if (!draft) continue;
        items.push(
          feedbackRow(draft, {
            source: 'chat',
            sourceRef: row.conversation_id,
            sourceLabel: row.channel,
            sourceLink: `/conversations/${row.conversation_id}`,
            customerId: row.customer_id,
            dedupeKey: `chat:${row.message_id}`,
            occurredAt: row.created_at,
          }),
        );
      }
      const inserted = await storeFeedbackItems(trx, items);
      await trx
        .updateTable('analytics_transcript_messages')
        .set({ feedback_extracted_at: sql<Date>`now()` })
        .where(
          'message_id',
          'in',
          rows.map((r) => r.message_id),
        )
        .execute();
      return { seen: rows.length, added: inserted.size };
    });
    stored += added;
    if (seen < batchSize) return stored;
  }
}
