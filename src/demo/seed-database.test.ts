import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { DEMO_CUSTOMERS } from './demo-customers.js';
import { isDatabaseEmpty, SEED_AUDIT_ACTION, type SeedSummary, seedDemoCompany } from './seed-database.js';
import { checkSeedInvariants } from './seed-invariants.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const CUSTOMERS = 50;

interface Target {
  name: string;
  open: () => Promise<Database>;
  cleanup: (database: Database) => Promise<void>;
}

const targets: Target[] = [
  {
    name: 'pglite',
    open: () => openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' }),
    cleanup: async () => {},
  },
];
const url = process.env.DATABASE_URL;
if (url) {
  const schema = `seed_test_${process.pid}_${Date.now().toString(36)}`;
  targets.push({
    name: 'postgres',
    open: () => openDatabase({ kind: 'postgres', url, poolSize: 4, schema }),
    cleanup: async (database) => {
      await database.pool?.query(`drop schema if exists ${schema} cascade`);
    },
  });
}

describe.each(targets)('seedDemoCompany on $name', (target) => {
  let database: Database;
  let summary: SeedSummary;
  const progress: number[] = [];

  beforeAll(async () => {
    database = await target.open();
    await migrate(database);
    expect(await isDatabaseEmpty(database)).toBe(true);
    summary = await seedDemoCompany(database, {
      customers: CUSTOMERS,
      seed: 7,
      now: NOW,
      batchSize: 20,
      onProgress: (done) => progress.push(done),
    });
  });

  afterAll(async () => {
    if (!database) return;
    await target.cleanup(database);
    await database.close();
  });

  const count = async (table: string) => {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      database.db,
    );
    return result.rows[0]!.n;
  };

  it('loads what the summary reports', async () => {
    expect(summary.customers).toBe(CUSTOMERS);
    expect(summary.target).toBe(target.name);
    for (const [table, rows] of Object.entries(summary.rows)) expect(await count(table), table).toBe(rows);
    expect(summary.rows.customers).toBe(CUSTOMERS);
    expect(summary.rows.merchants).toBeGreaterThanOrEqual(40);
    expect(summary.rows.installments).toBeGreaterThan(summary.rows.payment_plans);
    expect(progress.at(-1)).toBe(CUSTOMERS);
    expect(await isDatabaseEmpty(database)).toBe(false);
  });

  it('keeps the ledger consistent', async () => {
    expect(await checkSeedInvariants(database.db, NOW)).toEqual([]);
  });

  it('has paused plans only where a dispute is open', async () => {
    const paused = await database.db
      .selectFrom('payment_plans as p')
      .innerJoin('disputes as d', 'd.order_id', 'p.order_id')
      .select(['p.status', 'd.status as dispute'])
      .where('p.status', '=', 'paused')
      .execute();
    // Alex Morgan's open dispute guarantees at least one.
    expect(paused.length).toBeGreaterThan(0);
    for (const row of paused) expect(['open', 'under_review']).toContain(row.dispute);
  });

  it('creates the demo customers with their scenarios', async () => {
    const customers = await database.db
      .selectFrom('customers')
      .select(['id', 'email', 'given_name', 'family_name', 'locale', 'currency'])
      .where(
        'email',
        'in',
        DEMO_CUSTOMERS.map((d) => d.email),
      )
      .orderBy('email')
      .execute();
    expect(customers.map((c) => [c.given_name, c.family_name, c.locale, c.currency])).toEqual([
      ['Alex', 'Morgan', 'en-US', 'USD'],
      ['Elsa', 'Lindqvist', 'sv-SE', 'SEK'],
    ]);
    for (const customer of customers) {
      const plans = await database.db
        .selectFrom('payment_plans as p')
        .innerJoin('orders as o', 'o.id', 'p.order_id')
        .select(['p.id', 'p.kind', 'p.status', 'o.status as order_status'])
        .where('p.customer_id', '=', customer.id)
        .execute();
      const upcoming = await database.db
        .selectFrom('installments as i')
        .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
        .select('i.id')
        .where('p.customer_id', '=', customer.id)
        .where('p.kind', '=', 'pay_in_4')
        .where('p.status', '=', 'active')
        .where('i.status', '=', 'scheduled')
        .where('i.due_date', '>', NOW.toISOString().slice(0, 10))
        .execute();
      const refunds = await database.db
        .selectFrom('refunds')
        .select('id')
        .where('customer_id', '=', customer.id)
        .where('status', '=', 'processed')
        .execute();
      expect(upcoming.length, customer.email).toBeGreaterThan(0);
      expect(plans.some((p) => p.order_status === 'completed')).toBe(true);
      expect(plans.some((p) => p.kind === 'financing' && p.status === 'active')).toBe(true);
      expect(refunds.length).toBeGreaterThan(0);
    }
  });

  it('writes exactly one audit row with the summary', async () => {
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['actor_type', 'action', 'after'])
      .where('action', '=', SEED_AUDIT_ACTION)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_type).toBe('system');
    const after = (
      typeof rows[0]!.after === 'string' ? JSON.parse(rows[0]!.after) : rows[0]!.after
    ) as SeedSummary;
    expect(after.customers).toBe(CUSTOMERS);
    expect(after.rows.orders).toBe(summary.rows.orders);
  });

  it('refuses to seed a database that has customers', async () => {
    await expect(seedDemoCompany(database, { customers: 5, seed: 7, now: NOW })).rejects.toThrow(
      /already has customers/,
    );
    expect(await count('customers')).toBe(CUSTOMERS);
  });

  it('appends after the last seeded customer when asked', async () => {
    const before = await count('merchants');
    const more = await seedDemoCompany(database, { customers: 6, seed: 8, now: NOW, append: true });
    expect(more.firstIndex).toBe(CUSTOMERS);
    expect(await count('customers')).toBe(CUSTOMERS + 6);
    expect(await count('merchants')).toBe(before);
    expect(await checkSeedInvariants(database.db, NOW)).toEqual([]);
  });

  it('rejects invalid options', async () => {
    await expect(seedDemoCompany(database, { customers: 0, seed: 1 })).rejects.toThrow(/positive integer/);
    await expect(seedDemoCompany(database, { customers: 1, seed: -1 })).rejects.toThrow(/seed/);
  });
});
