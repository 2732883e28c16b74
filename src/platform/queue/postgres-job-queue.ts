import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { JobHandler, JobOptions, JobQueue } from './job-queue.js';

export interface PostgresJobQueueOptions {
  concurrency: number;
  pollIntervalMs?: number;
  /** A running job whose lock is older than this is presumed orphaned by a dead process and retried. */
  staleAfterMs?: number;
}

interface ClaimedJob {
  id: number;
  queue: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/**
 * Durable queue on the jobs table. Workers claim with FOR UPDATE SKIP LOCKED, so
 * several processes share the work and no job runs twice at once. Enqueues send
 * a NOTIFY so idle workers wake at once instead of waiting for the next poll.
 */
export class PostgresJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private running = false;
  /** Every idle worker's wake-up: one slot would wake only the last worker to go idle. */
  private readonly idle = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly loops: Promise<void>[] = [];
  private readonly channel: string;

  constructor(
    private readonly database: Database,
    private readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>,
    private readonly options: PostgresJobQueueOptions,
  ) {
    this.channel = `tandem_jobs_${database.schema}`;
  }

  register<P>(queue: string, handler: JobHandler<P>) {
    this.handlers.set(queue, handler as JobHandler);
  }

  async enqueue<P>(queue: string, payload: P, options: JobOptions = {}, trx?: Transaction<DB>) {
    const db: Kysely<DB> = trx ?? this.database.db;
    const row = await db
      .insertInto('jobs')
      .values({
        queue,
        payload: JSON.stringify(payload ?? null),
        run_at: options.runAt ?? new Date(),
        max_attempts: options.maxAttempts ?? 5,
        dedupe_key: options.dedupeKey ?? null,
      })
      .onConflict((oc) =>
        oc
          .columns(['queue', 'dedupe_key'])
          .where('dedupe_key', 'is not', null)
          // Literal, not parameters: PostgreSQL must match this predicate to the partial unique index
          // when it plans the statement, and a prepared statement's generic plan has no parameter values.
          .where(sql<boolean>`status in ('queued', 'running')`)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    await sql`select pg_notify(${this.channel}, ${queue})`.execute(db);
    return row?.id ?? null;
  }

  async start() {
    if (this.running || this.options.concurrency === 0) return;
    this.running = true;
    this.unlisten = await this.database.listen(this.channel, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 1_000);
    this.timer.unref();
    for (let i = 0; i < this.options.concurrency; i++) this.loops.push(this.workLoop());
  }

  async stop() {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.wake();
    await Promise.all(this.loops);
    this.loops.length = 0;
    await this.unlisten?.();
  }

  /** Jobs waiting or running; used by /metrics and tests. */
  async depth(): Promise<number> {
    const row = await this.database.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async workLoop() {
    while (this.running) {
      let job: ClaimedJob | undefined;
      try {
        job = await this.claim();
      } catch (err) {
        this.logger.error({ err }, 'job claim failed');
      }
      if (!job) {
        await new Promise<void>((resolve) => {
          const done = () => {
            this.idle.delete(done);
            resolve();
          };
          this.idle.add(done);
          setTimeout(done, this.options.pollIntervalMs ?? 1_000).unref();
        });
        continue;
      }
      await this.run(job);
    }
  }

  private wake() {
    for (const done of [...this.idle]) done();
  }

  private async claim(): Promise<ClaimedJob | undefined> {
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return undefined;
    const staleSeconds = Math.round((this.options.staleAfterMs ?? 300_000) / 1000);
    const result = await sql<ClaimedJob>`
      update jobs set status = 'running', attempts = attempts + 1, locked_by = ${this.workerId}, locked_at = now()
      where id = (
        select id from jobs
        where queue = any(${queues}::text[])
          and ((status = 'queued' and run_at <= now())
            or (status = 'running' and locked_at < now() - make_interval(secs => ${staleSeconds})))
        order by run_at, id
        for update skip locked
        limit 1
      )
      returning id, queue, payload, attempts, max_attempts`.execute(this.database.db);
    return result.rows[0];
  }

  private async run(job: ClaimedJob) {
    const handler = this.handlers.get(job.queue);
    try {
      if (!handler) throw new Error(`no handler registered for queue ${job.queue}`);
      await handler(job.payload, { jobId: job.id, attempt: job.attempts });
      await this.database.db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: new Date(), locked_by: null })
        .where('id', '=', job.id)
        .execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      // Exponential backoff: 2 s, 4 s, 8 s ... capped at 10 minutes.
      const delayMs = Math.min(2 ** job.attempts * 1_000, 600_000);
      this.logger.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts, final, err }, 'job failed');
      await this.database.db
        .updateTable('jobs')
        .set({
          status: final ? 'failed' : 'queued',
          last_error: message.slice(0, 2_000),
          run_at: new Date(Date.now() + delayMs),
          locked_by: null,
          finished_at: final ? new Date() : null,
        })
        .where('id', '=', job.id)
        .execute()
        .catch((e) => this.logger.error({ err: e, jobId: job.id }, 'could not record job failure'));
    }
  }
}
