import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvError, parseCsv, readLabelledCsv, toLabelledTexts } from './csv.js';

const dir = mkdtempSync(join(tmpdir(), 'tandem-csv-'));
const columns = { textColumn: 'text', labelColumn: 'label' };

describe('parseCsv', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads quoted fields with commas, escaped quotes and newlines, CRLF and a BOM', () => {
    const records = parseCsv('\uFEFFtext,label\r\n"hi, ""you""",greet\r\n"two\r\nlines",multi\r\nplain,x');
    expect(records.map((r) => r.fields)).toEqual([
      ['text', 'label'],
      ['hi, "you"', 'greet'],
      ['two\r\nlines', 'multi'],
      ['plain', 'x'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('skips blank lines but keeps empty fields', () => {
    expect(parseCsv('a,b\n\n,x\n""\n').map((r) => r.fields)).toEqual([['a', 'b'], ['', 'x'], ['']]);
  });

  it('rejects an unterminated quote with its line', () => {
    expect(() => parseCsv('text,label\n"open,x\n')).toThrow(/line 2: a quoted field is never closed/);
  });

  it('names the missing column and lists the ones present', () => {
    const records = parseCsv('text,category\nhello,greet\n');
    expect(() => toLabelledTexts(records, columns, 'data.csv')).toThrow(
      'data.csv has no column "label" (--label-column); its columns are: text, category',
    );
    expect(toLabelledTexts(records, { textColumn: 'text', labelColumn: 'category' })).toEqual({
      texts: ['hello'],
      labels: ['greet'],
    });
  });

  it('reports empty files, header-only files, ragged rows and unreadable paths as CsvError', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(readLabelledCsv(empty, columns)).rejects.toThrow(/is empty/);
    const headerOnly = join(dir, 'header.csv');
    writeFileSync(headerOnly, 'text,label\n');
    await expect(readLabelledCsv(headerOnly, columns)).rejects.toThrow(/no data rows/);
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'text,label\na,b,c\n');
    await expect(readLabelledCsv(ragged, columns)).rejects.toThrow(/line 2: 3 fields, but the header has 2/);
    await expect(readLabelledCsv(join(dir, 'nope.csv'), columns)).rejects.toBeInstanceOf(CsvError);
    await expect(readLabelledCsv(dir, columns)).rejects.toThrow(/it is a directory/);
  });
});
