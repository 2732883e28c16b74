import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { CsvError } from '../../assistant/nlu/csv.js';

/**
 * Streams one column out of a CSV (RFC 4180: quoted fields, "" escapes, embedded newlines,
 * CRLF/LF, BOM) without holding the file in memory twice. Only the wanted column is kept, so
 * 100,000 rows cost little more than their texts. A record shorter than the header gives "".
 */
export interface TextColumn {
  texts: string[];
  columns: string[];
}

export async function readTextColumn(path: string, column: string): Promise<TextColumn> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new CsvError(`cannot read ${path}: it is a directory`);
  } catch (err) {
    if (err instanceof CsvError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CsvError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`);
  }
  const texts: string[] = [];
  let header: string[] | undefined;
  let wanted = -1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoted = false;
  let pendingQuote = false;
  let pendingCr = false;
  let first = true;
  let line = 1;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && field === '' && !quoted;
    if (!blank) {
      if (!header) {
        header = fields.map((f) => f.trim());
        wanted = header.indexOf(column);
        if (wanted < 0) {
          throw new CsvError(
            `${path} has no column "${column}" (--text-column); its columns are: ${header.join(', ') || '(none)'}`,
          );
        }
      } else texts.push(fields[wanted] ?? '');
    }
    fields = [];
    field = '';
    quoted = false;
  };
  const decoder = new StringDecoder('utf8');
  const consume = (chunk: string) => {
    let i = 0;
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (ch === '\u0000') throw new CsvError(`${path} is not a text CSV file`);
      if (pendingCr) {
        pendingCr = false;
        if (ch === '\n') continue;
      }
      if (pendingQuote) {
        pendingQuote = false;
        if (ch === '"') {
          field += '"';
          continue;
        }
        inQuotes = false;
      }
      if (inQuotes) {
        if (ch === '"') pendingQuote = true;
        else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"') {
        if (field !== '') throw new CsvError(`${path} line ${line}: a quote inside an unquoted field`);
        inQuotes = true;
        quoted = true;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        quoted = false;
      } else if (ch === '\n' || ch === '\r') {
        endRecord();
        line++;
        pendingCr = ch === '\r';
      } else {
        if (quoted) throw new CsvError(`${path} line ${line}: text after a closing quote`);
        field += ch;
      }
    }
  };
  for await (const chunk of createReadStream(path)) consume(decoder.write(chunk as Buffer));
  consume(decoder.end());
  if (pendingQuote) {
    pendingQuote = false;
    inQuotes = false;
  }
  if (inQuotes) throw new CsvError(`${path}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  if (!header) throw new CsvError(`${path} is empty`);
  if (texts.length === 0) throw new CsvError(`${path} has a header but no data rows`);
  return { texts, columns: header };
}
