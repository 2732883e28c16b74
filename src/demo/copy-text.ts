import { formatTimestamp } from './time.js';

/** Values the demo rows hold; anything else is a programming error. */
export type CopyValue = string | number | boolean | Date | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function field(value: CopyValue, trusted: boolean): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return trusted ? value : escapeText(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Cannot COPY a non-finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return formatTimestamp(value.getTime());
}

/**
 * Rows as PostgreSQL COPY text format (tab-separated, `\N` for null, one row per line).
 * The same text feeds COPY FROM STDIN on a server and COPY FROM '/dev/blob' on PGlite.
 */
export function toCopyText(rows: readonly object[], columns: readonly string[]): string {
  // Ids are UUIDs the generator made, so the escape check (a third of the cost) is skipped for them.
  const trusted = columns.map((c) => c === 'id' || c.endsWith('_id'));
  const lines: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, CopyValue>;
    let line = field(row[columns[0]!] ?? null, trusted[0]!);
    for (let c = 1; c < columns.length; c++) line += `\t${field(row[columns[c]!] ?? null, trusted[c]!)}`;
    lines[r] = line;
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
