import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvError } from '../../assistant/nlu/csv.js';
import type { Actor } from '../../platform/audit/write-audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Sql } from '../../platform/db/database.js';
import { extractFeedback, type FeedbackExtractor } from './extract-feedback.js';
import { contentKey, type ImportCounts, openImportBatch, parseOccurredAt } from './feedback-import-batch.js';
import { type CsvRow, readCsvRows } from './read-csv-rows.js';
import { feedbackRow } from './store-feedback-items.js';

export interface ImportFileInput {
  path: string;
  textColumn: string;
  /** What the rows are ("app-store"); part of each row's key, so two sources never collide. */
  sourceLabel: string;
  languageColumn?: string | undefined;
  dateColumn?: string | undefined;
  /** A column with the source's own id for each row (a review id): the row's key when given. */
  idColumn?: string | undefined;
  createdBy: string;
  batchSize?: number;
}

export interface ImportFileDeps {
  db: Sql;
  extractor: FeedbackExtractor;
  clock: Clock;
  /** Longer texts are skipped (`too_long`), not truncated: half a review misleads. */
  maxTextChars: number;
}

export interface ImportFileResult extends ImportCounts {
  importId: string;
  /** Lines of the first rows skipped as malformed, for the user to look at. */
  malformedLines: number[];
}

/**
 * Imports feedback from a CSV file of any size (streamed): one item per row whose text column
 * extracts as feedback. Wrong columns are an error naming the columns found; bad rows are skipped
 * and counted by reason; items commit in batches; re-running the same file adds nothing.
 */
export async function importFeedbackFile(
  deps: ImportFileDeps,
  actor: Actor,
  input: ImportFileInput,
): Promise<ImportFileResult> {
  try {
    const info = await stat(input.path);
    if (info.isDirectory()) throw new CsvError(`cannot read ${input.path}: it is a directory`);
  } catch (err) {
    if (err instanceof CsvError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CsvError(
      `cannot read ${input.path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`,
    );
  }
  const rows = readCsvRows(createReadStream(input.path, { highWaterMark: 256 * 1024 }), {
    // UTF-8 needs at most 4 bytes a character; other columns get as much again.
    maxRecordBytes: deps.maxTextChars * 8 + 64 * 1024,
    source: input.path,
  });

  let batchInput: { names: string[]; indexes: (number | undefined)[] };
  try {
    batchInput = await readHeader(rows, input);
  } catch (err) {
    await rows.return(undefined);
    throw err;
  }
  const { names } = batchInput;
  const [textIndex, languageIndex, dateIndex, idIndex] = batchInput.indexes as [
    number,
    number | undefined,
    number | undefined,
    number | undefined,
  ];

  const batch = await openImportBatch(deps.db, actor, {
    sourceLabel: input.sourceLabel,
    fileName: basename(input.path),
    createdBy: input.createdBy,
    ...(input.batchSize ? { batchSize: input.batchSize } : {}),
  });
  const importedAt = deps.clock.now();
  const repeats = new Map<string, number>();
  const malformedLines: number[] = [];

  for await (const row of rows) {
    batch.counts.rowsRead++;
    if (row.kind === 'too_long') {
      batch.skip('too_long');
      continue;
    }
    if (row.kind === 'malformed') {
      batch.skip('malformed');
      if (malformedLines.length < 10) malformedLines.push(row.line);
      continue;
    }
    if (row.recoded) batch.counts.recoded++;
    if (row.fields.length !== names.length) {
      // A stray comma shifts every column: the text column would hold the wrong text.
      batch.skip(row.fields.every((f) => f.trim() === '') ? 'empty' : 'wrong_field_count');
      continue;
    }
    const text = row.fields[textIndex]!.trim();
    if (text === '') {
      batch.skip('empty');
      continue;
    }
    if (text.length > deps.maxTextChars) {
      batch.skip('too_long');
      continue;
    }
    const dateText = dateIndex === undefined ? '' : row.fields[dateIndex]!.trim();
    const occurredAt = dateText === '' ? importedAt : parseOccurredAt(dateText);
    if (!occurredAt) {
      batch.skip('bad_date');
      continue;
    }
    const draft = extractFeedback(deps.extractor, text, {
      language: languageIndex === undefined ? undefined : row.fields[languageIndex],
    });
    if (!draft) {
      batch.skip('no_feedback');
      continue;
    }
    const externalId = idIndex === undefined ? '' : row.fields[idIndex]!.trim();
    let key: string;
    if (externalId) key = `import:${input.sourceLabel}:id:${externalId}`;
    else {
      // The same review twice in one file is two reviews; the repeat number keeps both, once each.
      const content = contentKey(text, dateText);
      const n = (repeats.get(content) ?? 0) + 1;
      repeats.set(content, n);
      key = `import:${input.sourceLabel}:${contentKey(content, String(n))}`;
    }
    await batch.add(
      feedbackRow(draft, {
        source: 'import',
        sourceRef: batch.id,
        sourceLabel: input.sourceLabel,
        importId: batch.id,
        dedupeKey: key,
        occurredAt,
      }),
    );
  }
  const counts = await batch.finish();
  return { importId: batch.id, malformedLines, ...counts };
}

async function readHeader(
  rows: AsyncGenerator<CsvRow>,
  input: ImportFileInput,
): Promise<{ names: string[]; indexes: (number | undefined)[] }> {
  const first = await rows.next();
  if (first.done) throw new CsvError(`${input.path} is empty`);
  if (first.value.kind !== 'row') throw new CsvError(`${input.path}: the header row cannot be read`);
  const names = first.value.fields.map((n) => n.trim());
  const column = (name: string | undefined, option: string): number | undefined => {
    if (name === undefined) return undefined;
    const index = names.indexOf(name);
    if (index < 0) {
      throw new CsvError(
        `${input.path} has no column "${name}" (${option}); its columns are: ${names.join(', ') || '(none)'}`,
      );
    }
    return index;
  };
  return {
    names,
    indexes: [
      column(input.textColumn, '--text-column'),
      column(input.languageColumn, '--language-column'),
      column(input.dateColumn, '--date-column'),
      column(input.idColumn, '--id-column'),
    ],
  };
}
