import type { Command } from 'commander';
import { CsvError, readLabelledCsv } from '../../assistant/nlu/csv.js';
import { evaluateClassifier } from '../../assistant/nlu/evaluate-classifier.js';
import { loadModel, ModelFileError, saveModel } from '../../assistant/nlu/model-file.js';
import { mergeTrainOptions, trainClassifier } from '../../assistant/nlu/train-classifier.js';
import { CliUsageError, parsePositiveInt, reportCliError } from '../cli-errors.js';

interface ColumnOptions {
  data: string;
  textColumn: string;
  labelColumn: string;
}

/** Problems with the user's files are usage errors (exit 2), not crashes. */
function asUsageError(err: unknown): unknown {
  if (err instanceof CsvError || err instanceof ModelFileError) return new CliUsageError(err.message);
  return err;
}

function parseC(value: string): number {
  const c = Number(value);
  if (!Number.isFinite(c) || c <= 0) throw new CliUsageError(`--c must be a positive number, got "${value}"`);
  return c;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

export function registerNluCommand(program: Command) {
  const nlu = program.command('nlu').description('Train and evaluate the assistant intent classifier');

  nlu
    .command('train')
    .description(
      'Train an intent classifier from a CSV of labelled texts (rows labelled "oos" = out of scope)',
    )
    .requiredOption('--data <file>', 'training CSV with a header row')
    .option('--text-column <name>', 'column holding the text', 'text')
    .option('--label-column <name>', 'column holding the intent label', 'label')
    .requiredOption('--out <file>', 'where to write the model')
    .option('--seed <n>', 'random seed (same data + seed = same model)', '1')
    .option('--c <number>', 'SVM regularisation C (default from tuning on banking77)')
    .action(async (opts: ColumnOptions & { out: string; seed: string; c?: string }) => {
      try {
        const seed = parsePositiveInt(opts.seed, '--seed');
        const c = opts.c === undefined ? undefined : parseC(opts.c);
        const data = await readLabelledCsv(opts.data, opts);
        const distinct = new Set(data.labels).size;
        if (distinct < 2) throw new CliUsageError(`${opts.data} needs at least two different labels`);
        const started = performance.now();
        const model = trainClassifier(
          data.texts,
          data.labels,
          mergeTrainOptions({ svm: c === undefined ? { seed } : { seed, c } }),
        );
        const seconds = (performance.now() - started) / 1000;
        let bytes: number;
        try {
          bytes = await saveModel(opts.out, model);
        } catch (err) {
          throw new CliUsageError(
            `cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
          );
        }
        process.stdout.write(
          `Trained on ${data.texts.length} rows, ${model.labels.length} labels, ` +
            `${model.vectorizer.size} features in ${seconds.toFixed(1)} s; ` +
            `wrote ${opts.out} (${(bytes / 1024).toFixed(0)} KiB)` +
            (model.oosThreshold > 0 ? `; oos threshold ${model.oosThreshold.toFixed(3)}` : '') +
            '\n',
        );
      } catch (err) {
        reportCliError(asUsageError(err));
      }
    });

  nlu
    .command('eval')
    .description('Evaluate a trained model on a labelled CSV')
    .requiredOption('--model <file>', 'model written by `tandem nlu train`')
    .requiredOption('--data <file>', 'test CSV with a header row')
    .option('--text-column <name>', 'column holding the text', 'text')
    .option('--label-column <name>', 'column holding the intent label', 'label')
    .option('--json', 'print one JSON object instead of a table')
    .action(async (opts: ColumnOptions & { model: string; json?: boolean }) => {
      try {
        const model = await loadModel(opts.model);
        const data = await readLabelledCsv(opts.data, opts);
        const metrics = evaluateClassifier(model, data.texts, data.labels);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(metrics)}\n`);
          return;
        }
        const lines = [
          `rows            ${metrics.n}`,
          `accuracy        ${percent(metrics.accuracy)}`,
          `macro-F1        ${percent(metrics.macroF1)}`,
        ];
        if (metrics.inScopeAccuracy !== undefined)
          lines.push(`in-scope acc.   ${percent(metrics.inScopeAccuracy)}`);
        if (metrics.oosRecall !== undefined) lines.push(`oos recall      ${percent(metrics.oosRecall)}`);
        process.stdout.write(`${lines.join('\n')}\n`);
      } catch (err) {
        reportCliError(asUsageError(err));
      }
    });
}
