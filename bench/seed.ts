/**
 * Seed benchmark: loads N demo customers into a fresh schema on DATABASE_URL (PostgreSQL)
 * and into a PGlite in a temporary directory, and prints rows/s, elapsed time and size.
 *
 *   npm run bench:seed -- [--customers 100000] [--pglite-customers N] [--skip-postgres] [--skip-pglite]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseSize, directorySize, formatBytes, formatDuration } from '../src/cli/commands/seed.js';
import { type SeedSummary, seedDemoCompany } from '../src/demo/seed-database.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';

interface BenchResult {
  target: string;
  customers: number;
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  sizeBytes: number;
  foreignKeys: SeedSummary['foreignKeys'];
  generatorThreads: number;
  peakRssMb: number;
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    process.stderr.write(`bench:seed: ${name} must be a positive whole number, got "${value}"\n`);
    process.exit(2);
  }
  return Number(value);
}

async function run(target: string, database: Database, customers: number, size: () => Promise<number>) {
  await migrate(database);
  let lastTenth = -1;
  const summary = await seedDemoCompany(database, {
    customers,
    seed: 1,
    onProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      process.stderr.write(
        `  ${target}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} customers\n`,
      );
    },
  });
  const result: BenchResult = {
    target,
    customers,
    rows: summary.totalRows,
    elapsedMs: summary.elapsedMs,
    rowsPerSecond: Math.round(summary.totalRows / (summary.elapsedMs / 1000)),
    sizeBytes: await size(),
    foreignKeys: summary.foreignKeys,
    generatorThreads: summary.generatorThreads,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(
    `${target}: ${customers.toLocaleString('en-US')} customers, ${result.rows.toLocaleString('en-US')} rows in ` +
      `${formatDuration(result.elapsedMs / 1000)} (${result.rowsPerSecond.toLocaleString('en-US')} rows/s), ` +
      `size ${formatBytes(result.sizeBytes)}, peak RSS ${result.peakRssMb} MB\n`,
  );
  return result;
}

async function benchPostgres(url: string, customers: number): Promise<BenchResult> {
  const schema = `bench_seed_${process.pid}`;
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4, schema });
  try {
    return await run('postgres', database, customers, async () => {
      const lines = await databaseSize(database, undefined);
      // The schema line is the seeded data alone; other schemas share the database.
      const row = await database.pool!.query<{ size: string }>(
        `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as size
         from pg_class c where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'm')`,
        [schema],
      );
      process.stderr.write(`  ${lines.join('\n  ')}\n`);
      return Number(row.rows[0]?.size ?? 0);
    });
  } finally {
    await database.pool!.query(`drop schema if exists ${schema} cascade`);
    await database.close();
  }
}

async function benchPGlite(customers: number): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-bench-pglite-'));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir, schema: 'public' });
    let closed = false;
    try {
      return await run('pglite', database, customers, async () => {
        // Close first so everything is flushed to the directory being measured.
        await database.close();
        closed = true;
        return directorySize(dir);
      });
    } finally {
      if (!closed) await database.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    customers: { type: 'string' },
    'pglite-customers': { type: 'string' },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
  },
});
const customers = positive(values.customers, '--customers', 100_000);
const pgliteCustomers = positive(values['pglite-customers'], '--pglite-customers', customers);
const results: BenchResult[] = [];
const url = process.env.DATABASE_URL;
if (!values['skip-postgres']) {
  if (url) results.push(await benchPostgres(url, customers));
  else process.stderr.write('bench:seed: DATABASE_URL is not set; skipping PostgreSQL\n');
}
if (!values['skip-pglite']) results.push(await benchPGlite(pgliteCustomers));
process.stdout.write(`${JSON.stringify({ bench: 'seed', results })}\n`);
