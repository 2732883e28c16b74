import type { Actor } from '../../platform/audit/write-audit.js';
import { writeAudit } from '../../platform/audit/write-audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Sql } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { contentKey } from './feedback-import-batch.js';
import { feedbackRow, type NewFeedbackItem, storeFeedbackItems } from './store-feedback-items.js';

export interface ApiFeedbackInput {
  text: string;
  /** A label for where the text comes from ("app-store", "nps"); default "api". */
  source?: string | undefined;
  language?: string | undefined;
  occurredAt?: Date | undefined;
  /** The caller's id for the text: sending it again never makes a second item. */
  externalId?: string | undefined;
}

export type ApiFeedbackResult =
  | { index: number; status: 'imported' | 'duplicate'; id: string }
  | { index: number; status: 'skipped'; reason: 'empty' | 'no_feedback' };

export interface ApiImportResult {
  importId: string;
  received: number;
  imported: number;
  duplicates: number;
  skipped: { empty?: number; no_feedback?: number };
  results: ApiFeedbackResult[];
}

/**
 * Feedback sent by another system (validated by the route). One transaction: the batch's
 * `feedback_imports` row, its items and an audit row. Idempotent by `externalId` (per source
 * label); without one, by text and time, so a retried request adds nothing.
 */
export async function importFeedbackItems(
  deps: { db: Sql; extractor: FeedbackExtractor; clock: Clock },
  actor: Actor,
  input: { createdBy: string; items: readonly ApiFeedbackInput[] },
): Promise<ApiImportResult> {
  const importId = newId();
  const now = deps.clock.now();
  const skipped: ApiImportResult['skipped'] = {};
  const pending: { index: number; key: string }[] = [];
  const rows = new Map<string, NewFeedbackItem>();
  const results: (ApiFeedbackResult | undefined)[] = [];

  input.items.forEach((item, index) => {
    const label = item.source?.toLowerCase() ?? 'api';
    const text = item.text.trim();
    const draft = text === '' ? null : extractFeedback(deps.extractor, text, { language: item.language });
    if (!draft) {
      const reason = text === '' ? 'empty' : 'no_feedback';
      skipped[reason] = (skipped[reason] ?? 0) + 1;
      results[index] = { index, status: 'skipped', reason };
      return;
    }
    const occurredAt = item.occurredAt ?? now;
    const key = item.externalId
      ? `api:${label}:id:${item.externalId}`
      : `api:${label}:${contentKey(text, item.occurredAt?.toISOString() ?? '')}`;
    pending.push({ index, key });
    if (!rows.has(key)) {
      rows.set(
        key,
        feedbackRow(draft, {
          source: 'api',
          sourceRef: importId,
          sourceLabel: label,
          importId,
          dedupeKey: key,
          occurredAt,
        }),
      );
    }
  });

  return deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('feedback_imports')
      .values({ id: importId, source_label: 'api', file_name: null, created_by: input.createdBy })
      .execute();
    const inserted = await storeFeedbackItems(trx, [...rows.values()]);
    const keys = pending.map((p) => p.key);
    const ids = new Map<string, string>();
    if (keys.length) {
      const stored = await trx
        .selectFrom('feedback_items')
        .select(['id', 'dedupe_key'])
        .where('dedupe_key', 'in', keys)
        .execute();
      for (const s of stored) ids.set(s.dedupe_key, s.id);
    }
    const claimed = new Set<string>();
    for (const { index, key } of pending) {
      // The first mention of a new key is the import; any other mention is a duplicate.
      const fresh = inserted.has(key) && !claimed.has(key);
      claimed.add(key);
      results[index] = { index, status: fresh ? 'imported' : 'duplicate', id: ids.get(key)! };
    }
    const imported = inserted.size;
    const duplicates = pending.length - imported;
    const counts = { rows_read: input.items.length, imported, duplicates, skipped: JSON.stringify(skipped) };
    await trx.updateTable('feedback_imports').set(counts).where('id', '=', importId).execute();
    await writeAudit(trx, actor, {
      action: 'insights.feedback.imported',
      entityType: 'feedback_import',
      entityId: importId,
      after: { received: input.items.length, imported, duplicates, skipped },
    });
    return {
      importId,
      received: input.items.length,
      imported,
      duplicates,
      skipped,
      results: results as ApiFeedbackResult[],
    };
  });
}
