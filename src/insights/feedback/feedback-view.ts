import type { Selectable } from 'kysely';
import type { FeedbackItemsTable } from '../../platform/db/schema.js';

export type FeedbackItemRow = Selectable<FeedbackItemsTable>;

/** A feedback item as the API shows it. */
export function feedbackView(row: FeedbackItemRow) {
  return {
    id: row.id,
    source: row.source,
    sourceRef: row.source_ref,
    sourceLabel: row.source_label,
    sourceLink: row.source_link,
    quote: row.quote,
    language: row.language,
    kind: row.kind,
    productArea: row.product_area,
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    urgency: row.urgency,
    customerId: row.customer_id,
    wantsFollowUp: row.wants_follow_up,
    themeId: row.theme_id,
    occurredAt: row.occurred_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

export type FeedbackItemView = ReturnType<typeof feedbackView>;
