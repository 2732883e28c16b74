import type { Transaction } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { type NewFeedbackItem, storeFeedbackItems } from './store-feedback-items.js';

/** One table that feedback is read from: which rows are new, what item a row makes, how to mark it read. */
export interface FeedbackSource<Row> {
  /** Unread rows, oldest first, locked `for update skip locked` so processes share the work. */
  claim(trx: Transaction<DB>, limit: number): Promise<Row[]>;
  /** The item a row makes, or null when the row holds no feedback. */
  toItem(row: Row): NewFeedbackItem | null;
  markRead(trx: Transaction<DB>, rows: readonly Row[]): Promise<void>;
}

/**
 * Reads a source in batches until one comes back short. Each batch stores its items and marks the
 * rows it looked at in one transaction, so a crash repeats a batch (the dedupe key makes that
 * harmless) and never skips one. Returns how many items were stored.
 */
export async function drainFeedbackSource<Row>(
  db: Sql,
  source: FeedbackSource<Row>,
  batchSize = 500,
): Promise<number> {
  let stored = 0;
  for (;;) {
    const { seen, added } = await db.transaction().execute(async (trx) => {
      const rows = await source.claim(trx, batchSize);
      if (rows.length === 0) return { seen: 0, added: 0 };
      const items = rows.map((row) => source.toItem(row)).filter((i): i is NewFeedbackItem => i !== null);
      const inserted = await storeFeedbackItems(trx, items);
      await source.markRead(trx, rows);
      return { seen: rows.length, added: inserted.size };
    });
    stored += added;
    if (seen < batchSize) return stored;
  }
}
