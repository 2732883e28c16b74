import { finished } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { systemActor, writeAudit } from '../platform/audit/write-audit.js';
import type { Database } from '../platform/db/database.js';
import { defaultWorkerCount, type EncodedBatch, encodeBatch, startBatchSource } from './batch-source.js';
import { DEFAULT_BATCH_SIZE, type DemoBatch, generateDemoCompany } from './generate-demo-company.js';
import { SEED_COLUMNS, SEED_TABLES, type SeedTable } from './rows.js';

export interface SeedOptions {
  customers: number;
  seed: number;
  /** The instant the demo history leads up to; defaults to the current time. */
  now?: Date;
  /**
   * Adds customers to a database that already has some, continuing after the last
   * seeded customer. Without it, seeding a database that has customers is refused.
   */
  append?: boolean;
  /** Customers per COPY transaction (default 1000). */
  batchSize?: number;
  /** Parallel loading connections on a server (default: up to 3, within the pool size). */
  concurrency?: number;
  /** Generator threads (default: cores - 1, at most 4); 0 generates on the calling thread. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  seed: number;
  customers: number;
  /** Index of the first generated customer (0 unless appending). */
  firstIndex: number;
  now: string;
  target: Database['kind'];
  /**
   * How foreign keys were enforced: by the usual per-row triggers, or (when the role may
   * skip triggers and the tables have no triggers of their own) by one bulk check per
   * constraint after the load, which is about 2.5 times faster at millions of rows.
   */
  foreignKeys: 'per_row' | 'verified_after_load';
  /** Threads that generated the data besides the loading one (0: all on one thread). */
  generatorThreads: number;
  rows: Record<SeedTable, number>;
  totalRows: number;
  elapsedMs: number;
}

export const SEED_AUDIT_ACTION = 'demo.seeded';

/** True when no customer exists yet (the signal that a fresh database may be seeded). */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Where an append continues: one past the highest customer index any earlier seed wrote. */
async function nextCustomerIndex(database: Database): Promise<number> {
  const rows = await database.db
    .selectFrom('audit_log')
    .select('after')
    .where('action', '=', SEED_AUDIT_ACTION)
    .execute();
  let next = 0;
  for (const { after } of rows) {
    const parsed = (typeof after === 'string' ? JSON.parse(after) : after) as Partial<SeedSummary> | null;
    if (parsed && typeof parsed.firstIndex === 'number' && typeof parsed.customers === 'number') {
      next = Math.max(next, parsed.firstIndex + parsed.customers);
    }
  }
  return next;
}

/**
 * Fills the database with a deterministic demo company: merchants and products, then
 * customers with their cards, devices, logins, orders, plans and payment history.
 * Loads with COPY (FROM STDIN on a server, from a blob on PGlite) in one transaction per
 * batch, so memory stays flat at millions of customers. A failure leaves the batches
 * already committed in place; reset the database (or the schema) before trying again.
 * Writes one audit row, `demo.seeded`, whose `after` is the returned summary.
 */
export async function seedDemoCompany(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const { customers, seed } = options;
  if (!Number.isInteger(customers) || customers < 1) throw new Error('customers must be a positive integer');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new Error('seed must be an integer between 0 and 4294967295');
  }
  const started = performance.now();
  const now = options.now ?? new Date();
  let firstIndex = 0;
  if (!(await isDatabaseEmpty(database))) {
    if (!options.append) {
      throw new Error('The database already has customers; seed an empty database, or append to it');
    }
    firstIndex = await nextCustomerIndex(database);
  }
  const merchant = await database.db.selectFrom('merchants').select('id').limit(1).executeTakeFirst();
  // The catalog is the same in every demo company; load it only if it is not there yet.
  const catalogRows = (generateDemoCompany({ seed, customers: 0, now }).next().value as DemoBatch).rows;
  const catalog = encodeBatch({ firstIndex: 0, customerCount: 0, rows: catalogRows });
  if (merchant) {
    if (!options.append)
      throw new Error('The database already has merchants; seed an empty database, or append');
    const existing = await database.db
      .selectFrom('merchants')
      .select('id')
      .where('id', '=', catalogRows.merchants[0]!.id)
      .executeTakeFirst();
    if (existing) catalog.tables = [];
  }

  const rows = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as Record<SeedTable, number>;
  const skipTriggers = await canSkipTriggers(database);
  let done = 0;
  const loaded = (batch: EncodedBatch) => {
    for (const [table] of batch.tables) rows[table] += batch.counts[table];
    if (batch.customerCount === 0) return;
    done += batch.customerCount;
    options.onProgress?.(done, customers);
  };
  const load = database.pool
    ? serverLoader(database.pool, skipTriggers)
    : database.pglite
      ? pgliteLoader(database, database.pglite, skipTriggers)
      : undefined;
  if (!load) throw new Error('The database has neither a server pool nor an embedded PGlite');
  // The catalog first and on its own: customer batches refer to its merchants and products.
  if (catalog.tables.length > 0) {
    await load(catalog);
    loaded(catalog);
  }
  const source = await startBatchSource(
    { seed, customers, now, startIndex: firstIndex, batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE },
    options.workers ?? defaultWorkerCount(),
  );
  const batches = source.batches;
  const connections = database.pool
    ? Math.max(1, Math.min(options.concurrency ?? 3, database.pool.options.max ?? 10))
    : 1;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      // Each loader pulls the next batch when it is free; batches are independent of each other.
      for (let next = await batches.next(); !next.done; next = await batches.next()) {
        await load(next.value);
        loaded(next.value);
      }
    }),
  ).catch(async (err) => {
    await batches.return(undefined);
    throw err;
  });
  if (skipTriggers) await verifyForeignKeys(database);
  // Fresh statistics, so the first queries against the new data get sensible plans.
  for (const table of SEED_TABLES) await sql`analyze ${sql.table(table)}`.execute(database.db);

  const summary: SeedSummary = {
    seed,
    customers,
    firstIndex,
    now: now.toISOString(),
    target: database.kind,
    foreignKeys: skipTriggers ? 'verified_after_load' : 'per_row',
    generatorThreads: source.threads,
    rows,
    totalRows: Object.values(rows).reduce((a, b) => a + b, 0),
    elapsedMs: Math.round(performance.now() - started),
  };
  await writeAudit(database.db, systemActor, {
    action: SEED_AUDIT_ACTION,
    entityType: 'demo_company',
    entityId: `seed:${seed}`,
    after: summary,
  });
  return summary;
}

const seededTables = () => sql.raw(`array[${SEED_TABLES.map((t) => `'${t}'`).join(', ')}]::regclass[]`);

/**
 * Per-row foreign-key triggers dominate COPY time. They may be skipped only when the role
 * is allowed to (superuser, as on PGlite and most dev servers) and no table has triggers
 * of its own, which would then be skipped too.
 */
async function canSkipTriggers(database: Database): Promise<boolean> {
  const own = await sql<{ n: number }>`
    select count(*)::int as n from pg_trigger where not tgisinternal and tgrelid = any(${seededTables()})
  `.execute(database.db);
  if ((own.rows[0]?.n ?? 0) > 0) return false;
  try {
    await database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
    });
    return true;
  } catch {
    return false;
  }
}

/** Checks every single-column foreign key of the seeded tables in bulk, one anti-join each. */
async function verifyForeignKeys(database: Database): Promise<void> {
  const keys = await sql<{ name: string; child: string; col: string; parent: string; ref: string }>`
    select c.conname as name, c.conrelid::regclass::text as child, quote_ident(a.attname) as col,
           c.confrelid::regclass::text as parent, quote_ident(af.attname) as ref
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
    where c.contype = 'f' and c.conrelid = any(${seededTables()}) and cardinality(c.conkey) = 1
  `.execute(database.db);
  const broken: string[] = [];
  for (const k of keys.rows) {
    const result = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.raw(k.child)} c
      where c.${sql.raw(k.col)} is not null
        and not exists (select 1 from ${sql.raw(k.parent)} p where p.${sql.raw(k.ref)} = c.${sql.raw(k.col)})
    `.execute(database.db);
    const n = result.rows[0]?.n ?? 0;
    if (n > 0) broken.push(`${k.name}: ${n} rows`);
  }
  if (broken.length > 0) {
    throw new Error(
      `Seeded data breaks foreign keys (${broken.join('; ')}); reset the database and report a bug`,
    );
  }
}

function copyStatement(table: SeedTable, source: string): string {
  return `copy ${table} (${SEED_COLUMNS[table].join(', ')}) from ${source}`;
}

type BatchLoader = (batch: EncodedBatch) => Promise<void>;

/** COPY FROM STDIN, one transaction per batch, on a connection taken from the pool per batch. */
function serverLoader(pool: pg.Pool, skipTriggers: boolean): BatchLoader {
  return async (batch) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      try {
        // A crash loses at most the last batches of a seed, which is then redone from empty.
        await client.query('set local synchronous_commit = off');
        if (skipTriggers) await client.query('set local session_replication_role = replica');
        for (const [table, bytes] of batch.tables) {
          const stream = client.query(copyFrom(copyStatement(table, 'stdin')));
          stream.end(bytes);
          await finished(stream);
        }
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      }
    } finally {
      client.release();
    }
  };
}

/** COPY from PGlite's /dev/blob, one transaction per batch. */
function pgliteLoader(database: Database, pglite: PGlite, skipTriggers: boolean): BatchLoader {
  return async (batch) => {
    // Holding a Kysely connection keeps every other query of this process out of the batch.
    await database.db.connection().execute(async () => {
      await pglite.exec('begin');
      try {
        if (skipTriggers) await pglite.exec('set local session_replication_role = replica');
        for (const [table, bytes] of batch.tables) {
          await pglite.query(copyStatement(table, `'/dev/blob'`), [], { blob: new Blob([bytes]) });
        }
        await pglite.exec('commit');
      } catch (err) {
        await pglite.exec('rollback').catch(() => {});
        throw err;
      }
    });
  };
}
