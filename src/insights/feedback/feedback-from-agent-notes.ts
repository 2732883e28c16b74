import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import { drainFeedbackSource } from './drain-feedback-source.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { feedbackRow } from './store-feedback-items.js';

/**
 * Agents' notes on conversations ("customer says the app logs her out at checkout"): an item only
 * when extraction finds feedback in the note; "refund processed" is not. Redacted by extraction.
 * Batches mark what they looked at, like the chat source. Returns how many items were stored.
 */
export function feedbackFromAgentNotes(
  db: Sql,
  extractor: FeedbackExtractor,
  batchSize = 500,
): Promise<number> {
  return drainFeedbackSource(
    db,
    {
      claim: (trx, limit) =>
        trx
          .selectFrom('conversation_notes as n')
          .innerJoin('conversations as c', 'c.id', 'n.conversation_id')
          .select(['n.id', 'n.conversation_id', 'n.text', 'n.created_at', 'c.language', 'c.customer_id'])
          .where('n.feedback_extracted_at', 'is', null)
          .orderBy('n.created_at')
          .limit(limit)
          .forUpdate('n')
          .skipLocked()
          .execute(),
      toItem(row) {
        // A note describes the customer's problem; a question in it is the agent's, not feedback.
        const draft = extractFeedback(extractor, row.text, { language: row.language, conversational: true });
        return draft
          ? feedbackRow(draft, {
              source: 'agent_note',
              sourceRef: row.conversation_id,
              sourceLink: `/conversations/${row.conversation_id}`,
              customerId: row.customer_id,
              dedupeKey: `agent_note:${row.id}`,
              occurredAt: row.created_at,
            })
          : null;
      },
      async markRead(trx, rows) {
        await trx
          .updateTable('conversation_notes')
          .set({ feedback_extracted_at: sql<Date>`now()` })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      },
    },
    batchSize,
  );
}
