import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import { drainFeedbackSource } from './drain-feedback-source.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { feedbackRow } from './store-feedback-items.js';

/**
 * Complaints, bug reports, wishes and praise in customers' chat messages, read from the redacted
 * analytics copy (never the original). Each batch marks the messages it looked at in the same
 * transaction as the items it stores, with `skip locked` so processes share the work. Hotline
 * chats are left out: their feedback arrives with the call. Returns how many items were stored.
 */
export function feedbackFromChatMessages(
  db: Sql,
  extractor: FeedbackExtractor,
  batchSize = 500,
): Promise<number> {
  return drainFeedbackSource(
    db,
    {
      claim: (trx, limit) =>
        trx
          .selectFrom('analytics_transcript_messages as m')
          .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
          .select(['m.message_id', 'm.conversation_id', 'm.text', 'm.language', 'm.channel', 'm.created_at'])
          .select('c.customer_id')
          .where('m.feedback_extracted_at', 'is', null)
          .where('m.role', '=', 'customer')
          .orderBy('m.created_at')
          .limit(limit)
          .forUpdate('m')
          .skipLocked()
          .execute(),
      toItem(row) {
        if (row.channel === 'hotline') return null;
        const draft = extractFeedback(extractor, row.text, { language: row.language, conversational: true });
        return draft
          ? feedbackRow(draft, {
              source: 'chat',
              sourceRef: row.conversation_id,
              sourceLabel: row.channel,
              sourceLink: `/conversations/${row.conversation_id}`,
              customerId: row.customer_id,
              dedupeKey: `chat:${row.message_id}`,
              occurredAt: row.created_at,
            })
          : null;
      },
      async markRead(trx, rows) {
        await trx
          .updateTable('analytics_transcript_messages')
          .set({ feedback_extracted_at: sql<Date>`now()` })
          .where(
            'message_id',
            'in',
            rows.map((r) => r.message_id),
          )
          .execute();
      },
    },
    batchSize,
  );
}
