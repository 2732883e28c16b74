import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { feedbackRow, type NewFeedbackItem, storeFeedbackItems } from './store-feedback-items.js';

/**
 * Agents' notes on conversations ("customer says the app logs her out at checkout"): an item only
 * when extraction finds feedback in the note; "refund processed" is not. Redacted by extraction.
 * Batches mark what they looked at, like the chat source. Returns how many items were stored.
 */
export async function feedbackFromAgentNotes(
  db: Sql,
  extractor: FeedbackExtractor,
  batchSize = 500,
): Promise<number> {
  let stored = 0;
  for (;;) {
    const { seen, added } = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('conversation_notes as n')
        .innerJoin('conversations as c', 'c.id', 'n.conversation_id')
        .select(['n.id', 'n.conversation_id', 'n.text', 'n.created_at', 'c.language', 'c.customer_id'])
        .where('n.feedback_extracted_at', 'is', null)
        .orderBy('n.created_at')
        .limit(batchSize)
        .forUpdate('n')
        .skipLocked()
        .execute();
      if (rows.length === 0) return { seen: 0, added: 0 };
      const items: NewFeedbackItem[] = [];
      for (const row of rows) {
        // A note describes the customer's problem; a question in it is the agent's, not feedback.
        const draft = extractFeedback(extractor, row.text, { language: row.language, conversational: true });
        if (!draft) continue;
        items.push(
          feedbackRow(draft, {
            source: 'agent_note',
            sourceRef: row.conversation_id,
            sourceLink: `/conversations/${row.conversation_id}`,
            customerId: row.customer_id,
            dedupeKey: `agent_note:${row.id}`,
            occurredAt: row.created_at,
          }),
        );
      }
      const inserted = await storeFeedbackItems(trx, items);
      await trx
        .updateTable('conversation_notes')
        .set({ feedback_extracted_at: sql<Date>`now()` })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return { seen: rows.length, added: inserted.size };
    });
    stored += added;
    if (seen < batchSize) return stored;
  }
}
