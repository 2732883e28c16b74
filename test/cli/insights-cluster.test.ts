import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/assistant/nlu/csv.js';
import { generateFeedback } from '../../src/insights/themes/synthetic-feedback.js';

// The CLI runs from dist/, which `npm test` builds before the suite.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/tandem.js');
const dir = mkdtempSync(join(tmpdir(), 'tandem-insights-cli-'));

function tandem(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'insights', 'cluster', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('tandem insights cluster', () => {
  it('writes one row,cluster,label line per input row and prints the largest clusters', () => {
    const items = generateFeedback(300, 9);
    const csv = `id,text\n${items.map((item, i) => `${i},"${item.text.replaceAll('"', '""')}"`).join('\n')}\n1000,""\n`;
    const data = join(dir, 'feedback.csv');
    const out = join(dir, 'clusters.csv');
    writeFileSync(data, csv);
    const r = tandem(['--data', data, '--text-column', 'text', '--out', out, '--seed', '3']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^301 rows → \d+ clusters in [\d.]+ s \(1 rows without words: cluster -1\); wrote /,
    );
    expect(r.stdout).toContain('Largest clusters:');
    const records = parseCsv(readFileSync(out, 'utf8'));
    expect(records[0]!.fields).toEqual(['row', 'cluster', 'label']);
    expect(records).toHaveLength(302);
    expect(records.slice(1).map((rec) => Number(rec.fields[0]))).toEqual(
      Array.from({ length: 301 }, (_, i) => i),
    );
    expect(records.at(-1)!.fields).toEqual(['300', '-1', '']);
    const byCluster = new Map(records.slice(1, -1).map((rec) => [rec.fields[1], rec.fields[2]]));
    for (const label of byCluster.values()) expect(label).not.toBe('');
  });

  it('prints a JSON summary with --json and honours --k', () => {
    const data = join(dir, 'small.csv');
    writeFileSync(
      data,
      `text\n${generateFeedback(80, 2)
        .map((i) => i.text)
        .join('\n')}\n`,
    );
    const r = tandem(['--data', data, '--k', '5', '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ rows: 80, clusters: 5, out: null });
    expect(summary.largest[0]).toHaveProperty('label');
  });

  it('exits 2 with a clear message for a missing file, a missing column or an empty file', () => {
    const missing = tandem(['--data', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv: no such file/);

    const wrong = join(dir, 'wrong.csv');
    writeFileSync(wrong, 'comment,stars\ngreat app,5\n');
    const column = tandem(['--data', wrong, '--text-column', 'body']);
    expect(column.code).toBe(2);
    expect(column.stderr).toMatch(/no column "body".*its columns are: comment, stars/);

    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const e = tandem(['--data', empty]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/empty/);

    const k = tandem(['--data', wrong, '--text-column', 'comment', '--k', '0']);
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/--k must be a positive whole number/);
  });
});
