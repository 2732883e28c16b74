import type { Sql } from '../../platform/db/database.js';

export interface FeedbackUpdate {
  id: string;
  /** What we tell the customer, e.g. that what they raised about "…" has shipped. */
  message: string;
  theme: string;
  /** The team's note with the decision, as they wrote it for customers to read. */
  note: string | null;
  shippedAt: Date;
  seen: boolean;
}

/**
 * What a customer who asked to hear back is told when the thing they raised ships: the follow-up
 * rows a `shipped` decision wrote for them, newest first. The host app shows them (in-app inbox).
 */
export async function listFeedbackUpdates(db: Sql, customerId: string): Promise<FeedbackUpdate[]> {
  const rows = await db
    .selectFrom('insight_follow_ups as f')
    .innerJoin('insight_themes as t', 't.id', 'f.theme_id')
    .select(['f.id', 'f.message', 'f.status', 'f.created_at', 't.label', 't.decision_note'])
    .where('f.customer_id', '=', customerId)
    .orderBy('f.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    message: r.message,
    theme: r.label,
    note: r.decision_note,
    shippedAt: r.created_at,
    seen: r.status === 'sent',
  }));
}
