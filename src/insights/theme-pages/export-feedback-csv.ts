import { Readable } from 'node:stream';
import type { Sql } from '../../platform/db/database.js';

const COLUMNS = [
  'id',
  'occurred_at',
  'source',
  'source_label',
  'source_link',
  'language',
  'kind',
  'product_area',
  'sentiment',
  'urgency',
  'theme_id',
  'theme_label',
  'theme_status',
  'quote',
] as const;
const PAGE = 1000;

/** RFC 4180 field; a leading = + - @ gets a quote prefix so spreadsheets don't run it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Feedback items in [from, to) with their theme, oldest first, streamed page by page (keyset). */
export function exportFeedbackCsv(db: Sql, range: { from: Date; to: Date }): Readable {
  let cursor: { at: Date; id: string } | null = null;
  let header = true;
  return new Readable({
    async read() {
      try {
        let q = db
          .selectFrom('feedback_items as f')
          .leftJoin('insight_themes as t', 't.id', 'f.theme_id')
          .select([
            'f.id',
            'f.occurred_at',
            'f.source',
            'f.source_label',
            'f.source_link',
            'f.language',
            'f.kind',
            'f.product_area',
            'f.sentiment',
            'f.urgency',
            'f.theme_id',
            't.label as theme_label',
            't.status as theme_status',
            'f.quote',
          ])
          .where('f.occurred_at', '>=', range.from)
          .where('f.occurred_at', '<', range.to)
          .orderBy('f.occurred_at')
          .orderBy('f.id')
          .limit(PAGE);
        const c = cursor;
        if (c)
          q = q.where((eb) =>
            eb.or([
              eb('f.occurred_at', '>', c.at),
              eb.and([eb('f.occurred_at', '=', c.at), eb('f.id', '>', c.id)]),
            ]),
          );
        const rows = await q.execute();
        let chunk = header ? `${COLUMNS.join(',')}\r\n` : '';
        header = false;
        for (const r of rows) chunk += `${COLUMNS.map((k) => csvField(r[k])).join(',')}\r\n`;
        if (chunk) this.push(chunk);
        if (rows.length < PAGE) this.push(null);
        else cursor = { at: rows[rows.length - 1]!.occurred_at, id: rows[rows.length - 1]!.id };
      } catch (err) {
        this.destroy(err as Error);
      }
    },
  });
}
