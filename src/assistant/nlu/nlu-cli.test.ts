import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The CLI runs from dist/, which `npm test` builds before the suite.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/tandem.js');
const dir = mkdtempSync(join(tmpdir(), 'tandem-nlu-cli-'));

function tandem(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const rows = (pairs: [string, string][]) =>
  `text,intent\r\n${pairs.map(([t, l]) => `"${t.replaceAll('"', '""')}",${l}`).join('\r\n')}\r\n`;

const TRAIN: [string, string][] = [
  ['where is my refund', 'refund'],
  ['when do I get my money back', 'refund'],
  ['refund not received, "still waiting"', 'refund'],
  ['wo ist meine Rückerstattung', 'refund'],
  ['I lost my card', 'card_lost'],
  ['my card was stolen', 'card_lost'],
  ['block my card please', 'card_lost'],
  ['jag har tappat mitt kort', 'card_lost'],
  ['tell me a joke', 'oos'],
  ['what is the weather today', 'oos'],
  ['who won the game last night', 'oos'],
];
const TEST: [string, string][] = [
  ['where is the refund', 'refund'],
  ['card stolen', 'card_lost'],
  ['tell me a funny joke', 'oos'],
  ['zzqx vvkw', 'oos'],
];

describe('tandem nlu', () => {
  const train = join(dir, 'train.csv');
  const test = join(dir, 'test.csv');
  const model = join(dir, 'model.bin');

  beforeAll(() => {
    // `npm test` builds before running the suite; rebuilding here would rewrite dist/ under other CLI tests.
    if (!existsSync(join(ROOT, 'dist/cli/commands/nlu.js'))) {
      throw new Error('dist/ is not built: run `npm run build:server` (npm test does it first)');
    }
    writeFileSync(train, `\uFEFF${rows(TRAIN)}`);
    writeFileSync(test, rows(TEST));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains a model, then prints one JSON object of metrics including the oos figures', () => {
    const trained = tandem(['nlu', 'train', '--data', train, '--label-column', 'intent', '--out', model]);
    expect(trained.stderr).toBe('');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toMatch(/Trained on 11 rows, 3 labels/);
    const r = tandem(['nlu', 'eval', '--model', model, '--data', test, '--label-column', 'intent', '--json']);
    expect(r.code).toBe(0);
    const metrics = JSON.parse(r.stdout) as Record<string, number>;
    expect(Object.keys(metrics).sort()).toEqual(['accuracy', 'inScopeAccuracy', 'macroF1', 'n', 'oosRecall']);
    expect(metrics.n).toBe(4);
    expect(metrics.accuracy).toBe(1);
    expect(metrics.oosRecall).toBe(1);
  });

  it('exits 2 with a clear message and no stack trace for bad input files', () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const garbage = join(dir, 'garbage.bin');
    writeFileSync(garbage, 'not a model');
    const cases: [string[], RegExp][] = [
      [
        ['nlu', 'train', '--data', join(dir, 'missing.csv'), '--out', model],
        /cannot read .*missing\.csv: no such file/,
      ],
      [['nlu', 'train', '--data', empty, '--out', model], /empty\.csv is empty/],
      [
        ['nlu', 'train', '--data', train, '--out', model],
        /no column "label" \(--label-column\); its columns are: text, intent/,
      ],
      [
        [
          'nlu',
          'eval',
          '--model',
          model,
          '--data',
          test,
          '--text-column',
          'body',
          '--label-column',
          'intent',
        ],
        /no column "body"/,
      ],
      [
        ['nlu', 'eval', '--model', garbage, '--data', test, '--label-column', 'intent'],
        /not a Tandem NLU model/,
      ],
      [['nlu', 'eval', '--model', join(dir, 'none.bin'), '--data', test], /cannot read model .*no such file/],
    ];
    for (const [args, message] of cases) {
      const r = tandem(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
