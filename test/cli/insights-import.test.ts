import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/tandem.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-insights-cli-'));

function tandem(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: '', TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tandem insights import', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints what it read, imported and skipped by reason; a re-run imports nothing', () => {
    const csv = join(dataDir, 'reviews.csv');
    writeFileSync(
      csv,
      Buffer.concat([
        Buffer.from('\ufeffstars,text\n5,I love how easy the app is\n1,\n', 'utf8'),
        Buffer.from('2,Avgifterna \xe4r f\xf6r h\xf6ga\n', 'latin1'),
        Buffer.from(`3,"${'y'.repeat(11_000)}"\n4,ok\n`, 'utf8'),
      ]),
    );
    const first = tandem([
      'insights',
      'import',
      '--data',
      csv,
      '--text-column',
      'text',
      '--source',
      'app-store',
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/rows read\s+5\n/);
    expect(first.stdout).toMatch(/imported\s+2\n/);
    expect(first.stdout).toMatch(/skipped\s+3\n/);
    expect(first.stdout).toMatch(/empty text\s+1\n/);
    expect(first.stdout).toMatch(/text too long\s+1\n/);
    expect(first.stdout).toMatch(/no feedback in the text\s+1\n/);
    expect(first.stdout).toContain('read as Windows-1252 (not UTF-8): 1 rows');
    const again = tandem([
      'insights',
      'import',
      '--data',
      csv,
      '--text-column',
      'text',
      '--source',
      'app-store',
    ]);
    expect(again.stdout).toMatch(/imported\s+0\n/);
    expect(again.stdout).toMatch(/already there\s+2\n/);
  });

  it('exits 2 naming the columns the file has when the text column is wrong', () => {
    const csv = join(dataDir, 'wrong.csv');
    writeFileSync(csv, 'id,body\n1,The app is slow\n');
    const r = tandem(['insights', 'import', '--data', csv, '--text-column', 'review']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `tandem: ${csv} has no column "review" (--text-column); its columns are: id, body\n`,
    );
  });
});
