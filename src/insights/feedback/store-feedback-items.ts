import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, FeedbackItemsTable, FeedbackSource } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import type { FeedbackDraft } from './extract-feedback.js';

/** Where an item came from: the parts of a row extraction does not decide. */
export interface FeedbackOrigin {
  source: FeedbackSource;
  sourceRef: string;
  sourceLabel?: string | null;
  sourceLink?: string | null;
  customerId?: string | null;
  wantsFollowUp?: boolean;
  importId?: string | null;
  /** Unique per piece of feedback, so processing a source twice stores it once. */
  dedupeKey: string;
  occurredAt: Date;
}

export type NewFeedbackItem = Insertable<FeedbackItemsTable>;

export function feedbackRow(draft: FeedbackDraft, origin: FeedbackOrigin): NewFeedbackItem {
  return {
    id: newId(),
    source: origin.source,
    source_ref: origin.sourceRef,
    source_label: origin.sourceLabel ?? null,
    source_link: origin.sourceLink ?? null,
    quote: draft.quote,
    language: draft.language,
    kind: draft.kind,
    product_area: draft.productArea,
    sentiment: draft.sentiment,
    sentiment_score: draft.sentimentScore,
    urgency: draft.urgency,
    customer_id: origin.customerId ?? null,
    wants_follow_up: origin.wantsFollowUp ?? false,
    import_id: origin.importId ?? null,
    dedupe_key: origin.dedupeKey,
    occurred_at: origin.occurredAt,
  };
}

/**
 * Inserts items, skipping any whose dedupe key is already stored (a re-run, a retried job, a
 * repeated API call). Returns the dedupe keys actually inserted.
 */
export async function storeFeedbackItems(
  db: Kysely<DB> | Transaction<DB>,
  rows: readonly NewFeedbackItem[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('feedback_items')
    .values([...rows])
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('dedupe_key')
    .execute();
  return new Set(inserted.map((r) => r.dedupe_key));
}
