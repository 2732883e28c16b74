import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import { InlineJobQueue } from '../../src/platform/queue/inline-job-queue.js';
import { PostgresJobQueue } from '../../src/platform/queue/postgres-job-queue.js';
import { openTestDatabase, type TestDatabaseKind, testDatabaseTargets } from '../support/test-database.js';

const logger = pino({ level: 'silent' });
async function open(kind: TestDatabaseKind): Promise<{ database: Database; drop: () => Promise<void> }> {
  const { database, close } = await openTestDatabase(kind);
  return { database, drop: close };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(testDatabaseTargets())('Postgres job queue (%s)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('runs a job enqueued in a committed transaction and not one whose transaction rolled back', async () => {
    const { database, drop } = await open(kind);
    const queue = new PostgresJobQueue(database, logger, { concurrency: 1, pollIntervalMs: 50 });
    cleanups.push(drop, () => queue.stop());
    const seen: string[] = [];
    queue.register<{ name: string }>('greet', async (p) => {
      seen.push(p.name);
    });
    await queue.start();
    await database.db.transaction().execute(async (trx) => {
      await queue.enqueue('greet', { name: 'committed' }, {}, trx);
    });
    await database.db
      .transaction()
      .execute(async (trx) => {
        await queue.enqueue('greet', { name: 'rolled back' }, {}, trx);
        throw new Error('abort');
      })
      .catch(() => {});
    await until(() => seen.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual(['committed']);
  });

  it('retries a failing job with backoff and records the error, then gives up after max attempts', async () => {
    const { database, drop } = await open(kind);
    const queue = new PostgresJobQueue(database, logger, { concurrency: 1, pollIntervalMs: 50 });
    cleanups.push(drop, () => queue.stop());
    let calls = 0;
    queue.register('flaky', async () => {
      calls++;
      throw new Error(`receiver down (${calls})`);
    });
    await queue.start();
    const id = await queue.enqueue('flaky', {}, { maxAttempts: 2 });
    await until(() => calls === 1);
    const afterFirst = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(afterFirst.status).toBe('queued');
    expect(afterFirst.last_error).toBe('receiver down (1)');
    expect(afterFirst.run_at.getTime()).toBeGreaterThan(Date.now() + 500); // backed off, not retried at once
    // Make it due now to avoid waiting for the backoff in the test.
    await database.db.updateTable('jobs').set({ run_at: new Date() }).where('id', '=', id!).execute();
    await until(() => calls === 2);
    await until(async () => {
      const row = await database.db
        .selectFrom('jobs')
        .select('status')
        .where('id', '=', id!)
        .executeTakeFirstOrThrow();
      return row.status === 'failed';
    });
  });

  it('keeps at most one pending job per dedupe key', async () => {
    const { database, drop } = await open(kind);
    const queue = new PostgresJobQueue(database, logger, { concurrency: 0 });
    cleanups.push(drop);
    const first = await queue.enqueue('digest', { n: 1 }, { dedupeKey: 'daily' });
    const second = await queue.enqueue('digest', { n: 2 }, { dedupeKey: 'daily' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await queue.depth()).toBe(1);
  });

  it('reclaims a job left running by a process that died', async () => {
    const { database, drop } = await open(kind);
    const queue = new PostgresJobQueue(database, logger, {
      concurrency: 1,
      pollIntervalMs: 50,
      staleAfterMs: 1_000,
    });
    cleanups.push(drop, () => queue.stop());
    const id = await queue.enqueue('orphan', { x: 1 });
    await database.db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: 'dead-process',
        locked_at: new Date(Date.now() - 60_000),
        attempts: 1,
      })
      .where('id', '=', id!)
      .execute();
    let ran = 0;
    queue.register('orphan', async () => {
      ran++;
    });
    await queue.start();
    await until(() => ran === 1);
  });

  it('wakes an idle worker for a new job while another worker is busy, without waiting for a poll', async () => {
    const { database, drop } = await open(kind);
    // Polling effectively off: only the NOTIFY sent with each job can start it in time.
    const queue = new PostgresJobQueue(database, logger, { concurrency: 2, pollIntervalMs: 600_000 });
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    cleanups.push(
      drop,
      () => queue.stop(),
      async () => release(),
    );
    let quickRan = false;
    let slowStarted = false;
    queue.register('slow', async () => {
      slowStarted = true;
      await released;
    });
    queue.register('quick', async () => {
      quickRan = true;
    });
    await queue.start();
    // Both workers are idle before the first job.
    await new Promise((r) => setTimeout(r, 200));
    await queue.enqueue('slow', {});
    await until(() => slowStarted);
    await queue.enqueue('quick', {});
    await until(() => quickRan);
    expect(slowStarted && quickRan).toBe(true);
    release();
  });
});

describe.skipIf(!process.env.DATABASE_URL)('Postgres job queue across processes', () => {
  it('runs every job exactly once with two competing queues on one database', async () => {
    const a = await open('postgres');
    // A second connection pool on the same schema stands in for a second process.
    const other = await openDatabase({
      kind: 'postgres',
      url: process.env.DATABASE_URL!,
      poolSize: 6,
      schema: a.database.schema,
    });
    const runs = new Map<number, number>();
    const handler = async (p: { n: number }) => {
      runs.set(p.n, (runs.get(p.n) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    };
    const q1 = new PostgresJobQueue(a.database, logger, { concurrency: 3, pollIntervalMs: 50 });
    const q2 = new PostgresJobQueue(other, logger, { concurrency: 3, pollIntervalMs: 50 });
    q1.register('work', handler);
    q2.register('work', handler);
    for (let n = 0; n < 200; n++) await q1.enqueue('work', { n });
    await Promise.all([q1.start(), q2.start()]);
    await until(() => runs.size === 200, 30_000);
    await Promise.all([q1.stop(), q2.stop()]);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    await other.close();
    await a.drop();
  });
});

describe('inline job queue', () => {
  it('runs jobs after the caller returns and collects failures', async () => {
    const queue = new InlineJobQueue();
    const seen: number[] = [];
    queue.register<number>('n', async (n) => {
      if (n < 0) throw new Error('negative');
      seen.push(n);
    });
    await queue.enqueue('n', 1);
    await queue.enqueue('n', -1);
    expect(seen).toEqual([]);
    await queue.drain();
    expect(seen).toEqual([1]);
    expect(queue.failures).toHaveLength(1);
  });
});
