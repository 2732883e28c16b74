import { CsvError, parseCsv } from '../../assistant/nlu/csv.js';

/** One CSV record as read from the bytes of a file of unknown quality. */
export type CsvRow =
  | {
      kind: 'row';
      /** 1-based line where the record starts. */
      line: number;
      fields: string[];
      /** The record's bytes were not valid UTF-8 and were read as Windows-1252 (Latin-1). */
      recoded: boolean;
    }
  | { kind: 'too_long'; line: number }
  | { kind: 'malformed'; line: number; reason: string };

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Streams CSV records from raw bytes. Records are split on the bytes (quotes, CR, LF are the same
 * byte in UTF-8 and Windows-1252), then each record is decoded on its own: a file that is UTF-8
 * except for a few rows pasted from a Latin-1 tool loses nothing. A UTF-8 BOM is dropped. A record
 * longer than `maxRecordBytes` is reported as `too_long` without being held in memory. Fields are
 * split by the RFC 4180 parser in src/assistant/nlu/csv.ts. Blank lines yield nothing.
 */
export async function* readCsvRows(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxRecordBytes: number; source: string },
): AsyncGenerator<CsvRow> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let skipLf = false;
  let first = true;

  const finish = (): CsvRow | undefined => {
    const startLine = recordLine;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    const wasTooLong = tooLong;
    parts = [];
    size = 0;
    tooLong = false;
    if (wasTooLong) return { kind: 'too_long', line: startLine };
    if (bytes.length === 0) return undefined;
    let text: string;
    let recoded = false;
    try {
      text = utf8.decode(bytes);
    } catch {
      text = windows1252.decode(bytes);
      recoded = true;
    }
    try {
      const records = parseCsv(text);
      if (records.length === 0) return undefined;
      return { kind: 'row', line: startLine, fields: records[0]!.fields, recoded };
    } catch (err) {
      if (err instanceof CsvError)
        return { kind: 'malformed', line: startLine, reason: err.message.replace(/^line \d+: /, '') };
      throw err;
    }
  };
  const keep = (chunk: Uint8Array, from: number, to: number) => {
    if (to <= from || tooLong) return;
    size += to - from;
    if (size > options.maxRecordBytes) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(chunk.slice(from, to));
  };

  for await (let chunk of chunks) {
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe)
        throw new CsvError(`${options.source} is UTF-16; save it as UTF-8`);
      if (chunk[0] === 0xfe && chunk[1] === 0xff)
        throw new CsvError(`${options.source} is UTF-16; save it as UTF-8`);
      if (chunk.subarray(0, 4096).includes(0)) throw new CsvError(`${options.source} is not a text CSV file`);
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (skipLf) {
        skipLf = false;
        if (b === LF && !inQuotes) {
          start = i + 1;
          continue;
        }
      }
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === LF || b === CR) {
        if (inQuotes) {
          if (b === LF || chunk[i + 1] !== LF) line++;
          continue;
        }
        keep(chunk, start, i);
        const row = finish();
        if (row) yield row;
        line++;
        recordLine = line;
        start = i + 1;
        if (b === CR) {
          if (i + 1 < chunk.length) {
            if (chunk[i + 1] === LF) {
              i++;
              start = i + 1;
            }
          } else skipLf = true;
        }
      }
    }
    keep(chunk, start, chunk.length);
  }
  if (inQuotes) {
    parts = [];
    size = 0;
    yield {
      kind: 'malformed',
      line: recordLine,
      reason: 'a quoted field is never closed (the rest of the file)',
    };
    return;
  }
  const last = finish();
  if (last) yield last;
}
