import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextColumn } from './read-text-column.js';

const dir = mkdtempSync(join(tmpdir(), 'tandem-themes-csv-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('readTextColumn', () => {
  it('reads quoted fields with commas, quotes and newlines, CRLF and a BOM', async () => {
    const path = file(
      'a.csv',
      '\ufeffid,text\r\n1,"card, ""declined""\r\nat checkout"\r\n2,app crash\r\n\r\n3\r\n',
    );
    const { texts, columns } = await readTextColumn(path, 'text');
    expect(columns).toEqual(['id', 'text']);
    expect(texts).toEqual(['card, "declined"\r\nat checkout', 'app crash', '']);
  });

  it('keeps multi-byte characters split across stream chunks', async () => {
    const body = Array.from({ length: 30_000 }, () => 'återbetalning saknas').join('\n');
    const { texts } = await readTextColumn(file('big.csv', `text\n${body}\n`), 'text');
    expect(texts).toHaveLength(30_000);
    expect(new Set(texts)).toEqual(new Set(['återbetalning saknas']));
  });

  it('names the columns it found when the wanted one is missing', async () => {
    await expect(readTextColumn(file('b.csv', 'comment,score\nhi,1\n'), 'text')).rejects.toThrow(
      /no column "text".*comment, score/,
    );
  });

  it('rejects a missing, empty or header-only file and binary data', async () => {
    await expect(readTextColumn(join(dir, 'nope.csv'), 'text')).rejects.toThrow(/no such file/);
    await expect(readTextColumn(file('e.csv', ''), 'text')).rejects.toThrow(/is empty/);
    await expect(readTextColumn(file('h.csv', 'text\n'), 'text')).rejects.toThrow(/no data rows/);
    await expect(readTextColumn(file('z.csv', Buffer.from([116, 0, 1, 2])), 'text')).rejects.toThrow(
      /not a text CSV/,
    );
  });
});
