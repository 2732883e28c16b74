import type { Sql } from '../../platform/db/database.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { feedbackRow, type NewFeedbackItem, storeFeedbackItems } from './store-feedback-items.js';

/**
 * Turns an ended hotline call's feedback (kinds and quotes chosen by the interview) into feedback
 * items: area, sentiment, urgency and language computed here, the caller's follow-up wish
 * carried over. Keyed by the hotline item's id, so a retried job adds nothing. Returns how many
 * items were new.
 */
export async function feedbackFromHotlineCall(
  db: Sql,
  extractor: FeedbackExtractor,
  callId: string,
): Promise<number> {
  const call = await db
    .selectFrom('hotline_calls as h')
    .leftJoin('conversations as c', 'c.id', 'h.conversation_id')
    .select(['h.id', 'h.language', 'h.wants_follow_up', 'h.ended_at', 'h.started_at', 'c.customer_id'])
    .where('h.id', '=', callId)
    .executeTakeFirst();
  if (!call) return 0;
  const items = await db
    .selectFrom('hotline_feedback_items')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('created_at')
    .execute();
  const rows: NewFeedbackItem[] = [];
  for (const item of items) {
    // The quote is the caller's words; an empty quote falls back to the interview's summary.
    const text = item.quote.trim() || item.summary;
    const draft = extractFeedback(extractor, text, {
      kind: item.kind,
      language: item.language || call.language,
      languageKnown: true,
    });
    if (!draft) continue;
    rows.push(
      feedbackRow(draft, {
        source: 'hotline_call',
        sourceRef: call.id,
        sourceLabel: 'hotline',
        sourceLink: `/hotline/calls/${call.id}`,
        customerId: call.customer_id,
        wantsFollowUp: call.wants_follow_up === true,
        dedupeKey: `hotline_call:${item.id}`,
        occurredAt: call.ended_at ?? call.started_at,
      }),
    );
  }
  return (await storeFeedbackItems(db, rows)).size;
}
