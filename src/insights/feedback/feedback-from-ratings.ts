import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import { drainFeedbackSource } from './drain-feedback-source.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { feedbackRow } from './store-feedback-items.js';

/**
 * CSAT comments: the comment is the quote (redacted by extraction), the score decides a comment without cues
 * (1–2 complaint, 4–5 praise). One rating per conversation, so the conversation id is the key.
 * Batches mark what they looked at, like the chat source. Returns how many items were stored.
 */
export function feedbackFromRatings(db: Sql, extractor: FeedbackExtractor, batchSize = 500): Promise<number> {
  return drainFeedbackSource(
    db,
    {
      claim: (trx, limit) =>
        trx
          .selectFrom('conversation_ratings as r')
          .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
          .select([
            'r.conversation_id',
            'r.score',
            'r.comment',
            'r.created_at',
            'c.language',
            'c.customer_id',
          ])
          .where('r.feedback_extracted_at', 'is', null)
          .where('r.comment', 'is not', null)
          .orderBy('r.created_at')
          .limit(limit)
          .forUpdate('r')
          .skipLocked()
          .execute(),
      toItem(row) {
        const draft = extractFeedback(extractor, row.comment ?? '', {
          language: row.language,
          ratingScore: row.score,
        });
        return draft
          ? feedbackRow(draft, {
              source: 'csat',
              sourceRef: row.conversation_id,
              sourceLabel: `csat:${row.score}`,
              sourceLink: `/conversations/${row.conversation_id}`,
              customerId: row.customer_id,
              dedupeKey: `csat:${row.conversation_id}`,
              occurredAt: row.created_at,
            })
          : null;
      },
      async markRead(trx, rows) {
        await trx
          .updateTable('conversation_ratings')
          .set({ feedback_extracted_at: sql<Date>`now()` })
          .where(
            'conversation_id',
            'in',
            rows.map((r) => r.conversation_id),
          )
          .execute();
      },
    },
    batchSize,
  );
}
