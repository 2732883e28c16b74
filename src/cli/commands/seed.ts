import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { seedDemoCompany } from '../../demo/seed-database.js';
import { loadConfig } from '../../platform/config.js';
import { type Database, openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { CliUsageError, parsePositiveInt, reportCliError } from '../cli-errors.js';

const MAX_CUSTOMERS = 10_000_000;
const MAX_SEED = 0xffff_ffff;

interface SeedCommandOptions {
  customers?: string;
  seed: string;
  append?: boolean;
}

export function parseSeedOptions(opts: SeedCommandOptions, defaultCustomers: number) {
  const customers =
    opts.customers === undefined ? defaultCustomers : parsePositiveInt(opts.customers, '--customers');
  if (customers > MAX_CUSTOMERS) {
    throw new CliUsageError(
      `--customers must be at most ${MAX_CUSTOMERS.toLocaleString('en-US')}, got ${customers}`,
    );
  }
  if (!/^\d+$/.test(opts.seed) || Number(opts.seed) > MAX_SEED) {
    throw new CliUsageError(`--seed must be a whole number from 0 to ${MAX_SEED}, got "${opts.seed}"`);
  }
  return { customers, seed: Number(opts.seed), append: opts.append === true };
}

export function registerSeedCommand(program: Command) {
  program
    .command('seed')
    .description('Fill the database with a deterministic demo company (customers, orders, plans, payments)')
    .option('--customers <n>', 'number of customers (default: TANDEM_SEED_CUSTOMERS, or 200)')
    .option('--seed <s>', 'random seed; the same seed gives the same company', '1')
    .option('--append', 'add customers after the last seeded one instead of requiring an empty database')
    .action(async (opts: SeedCommandOptions) => {
      try {
        const config = loadConfig();
        const { customers, seed, append } = parseSeedOptions(opts, config.demoSeedCustomers);
        const database = await openDatabase(config.database);
        try {
          await migrate(database);
          const progress = progressReporter(customers);
          const summary = await seedDemoCompany(database, { customers, seed, append, onProgress: progress });
          const size = await databaseSize(
            database,
            config.database.kind === 'pglite' ? config.database.dataDir : undefined,
          );
          const seconds = summary.elapsedMs / 1000;
          const out = [
            `Seeded ${summary.customers.toLocaleString('en-US')} customers (seed ${seed}) into ${database.kind}` +
              `${database.schema !== 'public' ? ` schema ${database.schema}` : ''} in ${formatDuration(seconds)}`,
            `  rows: ${summary.totalRows.toLocaleString('en-US')} (${Math.round(summary.totalRows / seconds).toLocaleString('en-US')} rows/s)`,
            ...Object.entries(summary.rows)
              .filter(([, n]) => n > 0)
              .map(([table, n]) => `    ${table.padEnd(18)} ${n.toLocaleString('en-US').padStart(12)}`),
            `  foreign keys: ${summary.foreignKeys === 'per_row' ? 'checked per row' : 'verified in bulk after the load'}`,
            `  generated on ${summary.generatorThreads === 0 ? 'the main thread' : `${summary.generatorThreads} worker thread(s)`}`,
            ...size.map((line) => `  ${line}`),
          ];
          process.stdout.write(`${out.join('\n')}\n`);
        } finally {
          await database.close();
        }
      } catch (err) {
        reportCliError(err);
      }
    });
}

/** Progress on stderr: one rewritten line on a terminal, a line per 10% otherwise. */
function progressReporter(total: number): (done: number, total: number) => void {
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  let lastDraw = 0;
  return (done) => {
    const now = performance.now();
    const tenth = Math.floor((done / total) * 10);
    if (tty ? now - lastDraw < 250 && done < total : tenth === lastTenth) return;
    lastTenth = tenth;
    lastDraw = now;
    const elapsed = (now - started) / 1000;
    const eta = done > 0 ? (elapsed * (total - done)) / done : 0;
    const line =
      `seeding: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} customers ` +
      `(${Math.floor((done / total) * 100)}%), ${formatDuration(elapsed)} elapsed` +
      (done < total ? `, about ${formatDuration(eta)} left` : '');
    process.stderr.write(tty ? `\r${line.padEnd(100)}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Size lines for the summary: database and schema on a server, the data directory on PGlite. */
export async function databaseSize(database: Database, dataDir: string | undefined): Promise<string[]> {
  if (database.kind === 'postgres') {
    const result = await sql<{ database: number; schema: number }>`
      select pg_database_size(current_database())::bigint as database,
             (select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
              from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'm')) as schema
    `.execute(database.db);
    const row = result.rows[0];
    if (!row) return [];
    return [
      `database size: ${formatBytes(Number(row.database))} (whole database)`,
      `schema size: ${formatBytes(Number(row.schema))} (tables and indexes of ${database.schema})`,
    ];
  }
  if (!dataDir) return ['database size: in memory'];
  return [`database size: ${formatBytes(await directorySize(dataDir))} (data directory ${dataDir})`];
}

export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await directorySize(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}
