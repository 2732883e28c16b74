import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/audit/write-audit.js';
import { writeAudit } from '../../platform/audit/write-audit.js';
import type { Sql } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { type NewFeedbackItem, storeFeedbackItems } from './store-feedback-items.js';

export type SkipReason =
  | 'empty'
  | 'too_long'
  | 'no_feedback'
  | 'bad_date'
  | 'wrong_field_count'
  | 'malformed';

export interface ImportCounts {
  rowsRead: number;
  imported: number;
  /** Already imported before (same key): a re-run adds nothing. */
  duplicates: number;
  /** Rows read as Windows-1252 because their bytes were not UTF-8. */
  recoded: number;
  skipped: Partial<Record<SkipReason, number>>;
}

export interface ImportBatch {
  id: string;
  counts: ImportCounts;
  skip(reason: SkipReason): void;
  /** Queues an item; every `batchSize` items are committed with the running counts. */
  add(row: NewFeedbackItem): Promise<void>;
  /** Commits the rest, records the final counts and an audit row. */
  finish(): Promise<ImportCounts>;
}

/**
 * One import (a CSV file or an API call) as a `feedback_imports` row whose counts are updated in
 * the same transaction as each batch of items: an interrupted import keeps what it committed, and
 * its row says how far it got. Re-importing is harmless (items are keyed).
 */
export async function openImportBatch(
  db: Sql,
  actor: Actor,
  input: { sourceLabel: string; fileName: string | null; createdBy: string; batchSize?: number },
): Promise<ImportBatch> {
  const id = newId();
  const batchSize = input.batchSize ?? 500;
  await db
    .insertInto('feedback_imports')
    .values({ id, source_label: input.sourceLabel, file_name: input.fileName, created_by: input.createdBy })
    .execute();
  const counts: ImportCounts = { rowsRead: 0, imported: 0, duplicates: 0, recoded: 0, skipped: {} };
  let pending: NewFeedbackItem[] = [];

  const flush = async (final: boolean) => {
    const rows = pending;
    pending = [];
    await db.transaction().execute(async (trx) => {
      const inserted = await storeFeedbackItems(trx, rows);
      counts.imported += inserted.size;
      counts.duplicates += rows.length - inserted.size;
      await trx
        .updateTable('feedback_imports')
        .set({
          rows_read: counts.rowsRead,
          imported: counts.imported,
          duplicates: counts.duplicates,
          recoded: counts.recoded,
          skipped: JSON.stringify(counts.skipped),
        })
        .where('id', '=', id)
        .execute();
      if (final) {
        await writeAudit(trx, actor, {
          action: 'insights.feedback.imported',
          entityType: 'feedback_import',
          entityId: id,
          after: { sourceLabel: input.sourceLabel, fileName: input.fileName, ...counts },
        });
      }
    });
  };

  return {
    id,
    counts,
    skip(reason) {
      counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1;
    },
    async add(row) {
      pending.push(row);
      if (pending.length >= batchSize) await flush(false);
    },
    async finish() {
      await flush(true);
      return counts;
    },
  };
}

/** A stable key for imported text without an id of its own: same text, date and repeat number. */
export function contentKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}

/** Reads a date or date-time; undefined when it is not one. Date-only values are midnight UTC. */
export function parseOccurredAt(value: string): Date | undefined {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v))
    return undefined;
  const iso = v.length === 10 ? `${v}T00:00:00Z` : v.replace(' ', 'T');
  const date = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
