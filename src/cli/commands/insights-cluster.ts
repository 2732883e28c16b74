import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { CsvError } from '../../assistant/nlu/csv.js';
import { clusterTexts } from '../../insights/themes/cluster-texts.js';
import { readTextColumn } from '../../insights/themes/read-text-column.js';
import { CliUsageError, parsePositiveInt, reportCliError } from '../cli-errors.js';
import { insightsGroup } from './insights.js';

interface ClusterCliOptions {
  data: string;
  textColumn: string;
  out?: string;
  k?: string;
  seed: string;
  json?: boolean;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

async function writeAssignments(path: string, assignments: number[], labels: string[]): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async () => {
    let buffer = 'row,cluster,label\n';
    for (let i = 0; i < assignments.length; i++) {
      const c = assignments[i]!;
      buffer += `${i},${c},${csvField(c < 0 ? '' : labels[c]!)}\n`;
      if (buffer.length > 1 << 16) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    out.end(buffer);
    await once(out, 'finish');
  };
  try {
    await Promise.race([write(), failed]);
  } catch (err) {
    throw new CliUsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

export function registerInsightsClusterCommand(program: Command) {
  insightsGroup(program)
    .command('cluster')
    .description('Group the texts of a CSV into themes; writes row,cluster,label per input row')
    .requiredOption('--data <file>', 'CSV with a header row')
    .option('--text-column <name>', 'column holding the text', 'text')
    .option('--out <file>', 'where to write row,cluster,label (row = 0-based data row)')
    .option('--k <n>', 'fixed number of clusters (default: chosen automatically)')
    .option('--seed <n>', 'random seed (same data + seed = same clusters)', '1')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: ClusterCliOptions) => {
      try {
        const seed = parsePositiveInt(opts.seed, '--seed');
        const k = opts.k === undefined ? undefined : parsePositiveInt(opts.k, '--k');
        const started = performance.now();
        const { texts } = await readTextColumn(opts.data, opts.textColumn).catch((err: unknown) => {
          throw err instanceof CsvError ? new CliUsageError(err.message) : err;
        });
        if (k !== undefined && k > texts.length) {
          throw new CliUsageError(`--k ${k} is more than the ${texts.length} rows of ${opts.data}`);
        }
        const result = clusterTexts(texts, { k, seed });
        if (opts.out) {
          await writeAssignments(
            opts.out,
            result.assignments,
            result.clusters.map((c) => c.label),
          );
        }
        const seconds = (performance.now() - started) / 1000;
        const withoutText = result.assignments.filter((a) => a < 0).length;
        const summary = {
          rows: texts.length,
          clusters: result.clusters.length,
          rowsWithoutWords: withoutText,
          seconds: Number(seconds.toFixed(2)),
          out: opts.out ?? null,
          largest: result.clusters.slice(0, 10).map((c) => ({
            cluster: c.id,
            size: c.size,
            label: c.label,
            terms: c.terms,
            example: texts[c.representatives[0]!] ?? '',
          })),
        };
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          return;
        }
        const lines = [
          `${summary.rows} rows → ${summary.clusters} clusters in ${seconds.toFixed(1)} s` +
            (withoutText > 0 ? ` (${withoutText} rows without words: cluster -1)` : '') +
            (opts.out ? `; wrote ${opts.out}` : ''),
          'Largest clusters:',
          ...summary.largest.map(
            (c) => `  ${String(c.cluster).padStart(4)}  ${String(c.size).padStart(6)}  ${c.label}`,
          ),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } catch (err) {
        reportCliError(err);
      }
    });
}
