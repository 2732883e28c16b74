import { readFile } from 'node:fs/promises';

/** A CSV problem the user can fix (bad path, missing column, broken quoting); the CLI maps it to exit 2. */
export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

export interface CsvRecord {
  /** 1-based line where the record starts, for error messages. */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 reader: quoted fields with "" escapes and embedded newlines, CRLF/LF/CR line ends,
 * a leading UTF-8 BOM. Blank lines are skipped so a trailing newline does not make an empty row.
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && field === '' && !quotedField)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quotedField = false;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== '') throw new CsvError(`line ${line}: a quote inside an unquoted field`);
      inQuotes = true;
      quotedField = true;
      i++;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      quotedField = false;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      if (quotedField) throw new CsvError(`line ${line}: text after a closing quote`);
      field += ch;
      i++;
    }
  }
  if (inQuotes) throw new CsvError(`line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}

export interface LabelledTexts {
  texts: string[];
  labels: string[];
}

export interface ColumnNames {
  textColumn: string;
  labelColumn: string;
}

/** Picks the text and label columns of a parsed CSV (first record is the header). */
export function toLabelledTexts(
  records: CsvRecord[],
  columns: ColumnNames,
  source = 'the CSV',
): LabelledTexts {
  const header = records[0];
  if (!header) throw new CsvError(`${source} is empty`);
  const names = header.fields.map((name) => name.trim());
  const find = (column: string, option: string) => {
    const index = names.indexOf(column);
    if (index < 0) {
      throw new CsvError(
        `${source} has no column "${column}" (${option}); its columns are: ${names.join(', ') || '(none)'}`,
      );
    }
    return index;
  };
  const textIndex = find(columns.textColumn, '--text-column');
  const labelIndex = find(columns.labelColumn, '--label-column');
  const texts: string[] = [];
  const labels: string[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      throw new CsvError(
        `${source} line ${record.line}: ${record.fields.length} fields, but the header has ${names.length}`,
      );
    }
    const label = record.fields[labelIndex]!.trim();
    if (label === '') throw new CsvError(`${source} line ${record.line}: empty label`);
    texts.push(record.fields[textIndex]!);
    labels.push(label);
  }
  if (texts.length === 0) throw new CsvError(`${source} has a header but no data rows`);
  return { texts, labels };
}

export async function readLabelledCsv(path: string, columns: ColumnNames): Promise<LabelledTexts> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
    throw new CsvError(`cannot read ${path}: ${reason}`);
  }
  if (content.includes('\u0000')) throw new CsvError(`${path} is not a text CSV file`);
  return toLabelledTexts(parseCsv(content), columns, path);
}
