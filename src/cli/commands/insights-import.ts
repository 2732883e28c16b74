import type { Command } from 'commander';
import { CsvError } from '../../assistant/nlu/csv.js';
import { importFeedbackFile } from '../../insights/feedback/import-feedback-file.js';
import { loadFeedbackExtractor } from '../../insights/feedback/load-feedback-extractor.js';
import { TaxonomyError } from '../../insights/feedback/product-areas.js';
import { systemClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { CliUsageError, reportCliError } from '../cli-errors.js';
import { insightsGroup } from './insights.js';

interface ImportOptions {
  data: string;
  textColumn: string;
  source: string;
  languageColumn?: string;
  dateColumn?: string;
  idColumn?: string;
}

const SKIP_TEXT: Record<string, string> = {
  empty: 'empty text',
  too_long: 'text too long',
  no_feedback: 'no feedback in the text',
  bad_date: 'unreadable date',
  wrong_field_count: 'wrong number of fields',
  malformed: 'broken quoting',
};

/** `tandem insights import`: feedback from a CSV (app-store reviews, survey answers) into feedback items. */
export function registerInsightsImportCommand(program: Command) {
  insightsGroup(program)
    .command('import')
    .description(
      'Import feedback from a CSV file (one item per row that holds feedback; re-runs add nothing)',
    )
    .requiredOption('--data <file>', 'CSV with a header row (UTF-8; Windows-1252 rows are detected)')
    .requiredOption('--text-column <name>', 'column holding the feedback text')
    .option('--source <label>', 'what the rows are, e.g. app-store or survey-q1', 'import')
    .option('--language-column <name>', 'column with a language code (detected when absent)')
    .option('--date-column <name>', 'column with the date (YYYY-MM-DD or ISO date-time); default: now')
    .option('--id-column <name>', "column with the source's own row id (the row's key when given)")
    .action(async (opts: ImportOptions) => {
      try {
        if (!/^[a-z0-9][a-z0-9._-]{0,39}$/i.test(opts.source)) {
          throw new CliUsageError(
            `--source must be a short label of letters, digits, . _ -, got "${opts.source}"`,
          );
        }
        const config = loadConfig();
        const extractor = await loadFeedbackExtractor(config.insights);
        const database = await openDatabase(config.database);
        try {
          await migrate(database);
          const started = performance.now();
          const result = await importFeedbackFile(
            { db: database.db, extractor, clock: systemClock, maxTextChars: config.insights.maxTextChars },
            { type: 'system', id: null },
            {
              path: opts.data,
              textColumn: opts.textColumn,
              sourceLabel: opts.source.toLowerCase(),
              languageColumn: opts.languageColumn,
              dateColumn: opts.dateColumn,
              idColumn: opts.idColumn,
              createdBy: 'cli',
            },
          );
          const seconds = (performance.now() - started) / 1000;
          const skipped = Object.entries(result.skipped);
          const skippedTotal = skipped.reduce((sum, [, n]) => sum + (n ?? 0), 0);
          const lines = [
            `Import ${result.importId} from ${opts.data} (source ${opts.source.toLowerCase()}) in ${seconds.toFixed(1)} s`,
            `rows read       ${result.rowsRead}`,
            `imported        ${result.imported}`,
            `already there   ${result.duplicates}`,
            `skipped         ${skippedTotal}`,
            ...skipped.map(([reason, n]) => `  ${(SKIP_TEXT[reason] ?? reason).padEnd(24)}${n}`),
          ];
          if (result.recoded) lines.push(`read as Windows-1252 (not UTF-8): ${result.recoded} rows`);
          if (result.malformedLines.length)
            lines.push(`broken quoting at line(s): ${result.malformedLines.join(', ')}`);
          process.stdout.write(`${lines.join('\n')}\n`);
        } finally {
          await database.close();
        }
      } catch (err) {
        if (err instanceof CsvError || err instanceof TaxonomyError)
          reportCliError(new CliUsageError(err.message));
        reportCliError(err);
      }
    });
}
