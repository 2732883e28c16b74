import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import type { FeedbackKind, FeedbackSource } from '../../platform/db/schema.js';
import { badRequest } from '../../platform/errors.js';
import { type FeedbackItemView, feedbackView } from './feedback-view.js';

export interface FeedbackFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  area?: string | undefined;
  kind?: FeedbackKind | undefined;
  source?: FeedbackSource | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Feedback items, newest first, in pages: `nextCursor` continues after the last item shown. */
export async function listFeedback(
  db: Sql,
  filter: FeedbackFilter,
): Promise<{ items: FeedbackItemView[]; nextCursor: string | null }> {
  let query = db.selectFrom('feedback_items').selectAll();
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (filter.area) query = query.where('product_area', '=', filter.area);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    query = query.where(sql<boolean>`(occurred_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await query
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(feedbackView),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.occurred_at, last.id) : null,
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    !at ||
    !id ||
    Number.isNaN(Date.parse(at)) ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
  ) {
    throw badRequest('cursor: not a cursor this API returned', [
      { path: 'query.cursor', message: 'invalid' },
    ]);
  }
  return { at, id };
}
