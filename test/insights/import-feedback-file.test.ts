import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvError } from '../../src/assistant/nlu/csv.js';
import { loadSentimentModel } from '../../src/assistant/sentiment/sentiment-model-file.js';
import type { FeedbackExtractor } from '../../src/insights/feedback/extract-feedback.js';
import { importFeedbackFile } from '../../src/insights/feedback/import-feedback-file.js';
import { loadProductTaxonomy } from '../../src/insights/feedback/product-areas.js';
import { systemClock } from '../../src/platform/clock.js';
import { openTestDatabase, type TestDatabase, testDatabaseTargets } from '../support/test-database.js';

const dir = mkdtempSync(join(tmpdir(), 'tandem-import-'));
let extractor: FeedbackExtractor;
beforeAll(async () => {
  extractor = { sentiment: await loadSentimentModel(), taxonomy: loadProductTaxonomy() };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe.each(testDatabaseTargets())('importing feedback from a CSV file (%s)', (kind) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
  });
  afterAll(async () => tdb?.close());
  const run = (path: string, options: Partial<Parameters<typeof importFeedbackFile>[2]> = {}) =>
    importFeedbackFile(
      { db: tdb.database.db, extractor, clock: systemClock, maxTextChars: 10_000 },
      { type: 'system', id: null },
      {
        path,
        textColumn: 'review',
        sourceLabel: `app-store-${kind}`,
        createdBy: 'cli',
        batchSize: 2,
        ...options,
      },
    );

  it('imports a messy file: BOM, empty rows, a Latin-1 row, a huge row, quoted newlines; a re-run adds nothing', async () => {
    const utf8 = (s: string) => Buffer.from(s, 'utf8');
    const huge = 'x'.repeat(12_000);
    const content = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8('id,date,review,lang\r\n'),
      utf8('1,2026-03-01,"The app crashes when I pay, every single time",en\r\n'),
      utf8('2,2026-03-01,,en\r\n'),
      utf8(',,,\r\n'),
      utf8('\r\n'),
      // Windows-1252 bytes in a UTF-8 file: "Påminnelseavgiften är för hög" with å = E5, ä = E4, ö = F6.
      Buffer.from('3,2026-03-02,P\xe5minnelseavgiften \xe4r f\xf6r h\xf6g och orimlig,sv\r\n', 'latin1'),
      utf8(`4,2026-03-02,"${huge}",en\r\n`),
      utf8('5,2026-03-03,"It would be great to choose\nmy own due date",en\r\n'),
      utf8('6,2026-03-03,ok,en\r\n'),
      utf8('7,not-a-date,The checkout is confusing,en\r\n'),
      utf8('8,2026-03-04,Jag älskar appen, den är så smidig,sv\r\n'),
      utf8('9,2026-03-05,Refunds are far too slow,en'),
    ]);
    const path = file('reviews.csv', content);
    const first = await run(path, { dateColumn: 'date', languageColumn: 'lang' });
    expect(first).toMatchObject({
      // The blank line is no row; row 8 has an unquoted comma, so one field too many.
      rowsRead: 10,
      imported: 4,
      duplicates: 0,
      recoded: 1,
      skipped: { empty: 2, too_long: 1, no_feedback: 1, bad_date: 1, wrong_field_count: 1 },
    });
    const items = await tdb.database.db
      .selectFrom('feedback_items')
      .selectAll()
      .where('import_id', '=', first.importId)
      .orderBy('occurred_at')
      .execute();
    expect(items.map((i) => [i.quote, i.kind, i.language, i.occurred_at.toISOString().slice(0, 10)])).toEqual(
      [
        ['The app crashes when I pay, every single time', 'bug', 'en', '2026-03-01'],
        ['Påminnelseavgiften är för hög och orimlig', 'complaint', 'sv', '2026-03-02'],
        ['It would be great to choose\nmy own due date', 'feature_request', 'en', '2026-03-03'],
        ['Refunds are far too slow', 'complaint', 'en', '2026-03-05'],
      ],
    );
    expect(items[1]?.product_area).toBe('fees');
    const record = await tdb.database.db
      .selectFrom('feedback_imports')
      .selectAll()
      .where('id', '=', first.importId)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ file_name: 'reviews.csv', rows_read: 10, imported: 4, recoded: 1 });
    expect(record.skipped).toEqual(first.skipped);

    const again = await run(path, { dateColumn: 'date', languageColumn: 'lang' });
    expect(again).toMatchObject({ rowsRead: 10, imported: 0, duplicates: 4 });
  });

  it('keeps the same review twice in one file twice, and an id column makes the id the key', async () => {
    const path = file('twice.csv', 'review\nThe fees are too high\nThe fees are too high\n');
    expect(await run(path)).toMatchObject({ imported: 2, duplicates: 0 });
    expect(await run(path)).toMatchObject({ imported: 0, duplicates: 2 });
    const ids = file('ids.csv', 'rid,review\nA1,Checkout keeps failing\nA2,Checkout keeps failing\n');
    expect(await run(ids, { idColumn: 'rid' })).toMatchObject({ imported: 2 });
    const edited = file('ids2.csv', 'rid,review\nA1,Checkout keeps failing on my phone\n');
    expect(await run(edited, { idColumn: 'rid' })).toMatchObject({ imported: 0, duplicates: 1 });
  });

  it('refuses a missing column, naming the columns the file has, and stores nothing', async () => {
    const path = file('wrong.csv', 'id,body,stars\n1,The app is slow,2\n');
    const before = await tdb.database.db.selectFrom('feedback_imports').select('id').execute();
    await expect(run(path)).rejects.toThrow(
      new CsvError(`${path} has no column "review" (--text-column); its columns are: id, body, stars`),
    );
    await expect(run(path, { textColumn: 'body', dateColumn: 'when' })).rejects.toThrow(
      /no column "when" \(--date-column\)/,
    );
    expect(await tdb.database.db.selectFrom('feedback_imports').select('id').execute()).toHaveLength(
      before.length,
    );
    await expect(run(join(dir, 'missing.csv'))).rejects.toThrow(/no such file/);
    await expect(run(file('empty.csv', ''))).rejects.toThrow(/is empty/);
    await expect(run(file('utf16.csv', Buffer.from([0xff, 0xfe, 0x72, 0])))).rejects.toThrow(/UTF-16/);
  });
});
