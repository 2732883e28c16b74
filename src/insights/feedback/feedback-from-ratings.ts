import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { feedbackRow, type NewFeedbackItem, storeFeedbackItems } from './store-feedback-items.js';

/**
 * CSAT comments: the comment is the quote (redacted by extraction), the score decides a comment without cues
 * (1–2 complaint, 4–5 praise). One rating per conversation, so the conversation id is the key.
 * Batches mark what they looked at, like the chat source. Returns how many items were stored.
 */
export async function feedbackFromRatings(
  db: Sql,
  extractor: FeedbackExtractor,
  batchSize = 500,
): Promise<number> {
  let stored = 0;
  for (;;) {
    const { seen, added } = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('conversation_ratings as r')
        .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
        .select(['r.conversation_id', 'r.score', 'r.comment', 'r.created_at', 'c.language', 'c.customer_id'])
        .where('r.feedback_extracted_at', 'is', null)
        .where('r.comment', 'is not', null)
        .orderBy('r.created_at')
        .limit(batchSize)
        .forUpdate('r')
        .skipLocked()
        .execute();
      if (rows.length === 0) return { seen: 0, added: 0 };
      const items: NewFeedbackItem[] = [];
      for (const row of rows) {
        const draft = extractFeedback(extractor, row.comment ?? '', {
          language: row.language,
          ratingScore: row.score,
        });
        if (!draft) continue;
        items.push(
          feedbackRow(draft, {
            source: 'csat',
            sourceRef: row.conversation_id,
            sourceLabel: `csat:${row.score}`,
            sourceLink: `/conversations/${row.conversation_id}`,
            customerId: row.customer_id,
            dedupeKey: `csat:${row.conversation_id}`,
            occurredAt: row.created_at,
          }),
        );
      }
      const inserted = await storeFeedbackItems(trx, items);
      await trx
        .updateTable('conversation_ratings')
        .set({ feedback_extracted_at: sql<Date>`now()` })
        .where(
          'conversation_id',
          'in',
          rows.map((r) => r.conversation_id),
        )
        .execute();
      return { seen: rows.length, added: inserted.size };
    });
    stored += added;
    if (seen < batchSize) return stored;
  }
}
