import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { toCopyText } from './copy-text.js';
import { type DemoBatch, type DemoCompanyOptions, generateDemoCompany } from './generate-demo-company.js';
import { SEED_COLUMNS, SEED_TABLES, type SeedTable } from './rows.js';

/** A batch as COPY text per table, ready to send; small enough to post between threads. */
export interface EncodedBatch {
  customerCount: number;
  counts: Record<SeedTable, number>;
  tables: [SeedTable, Uint8Array][];
}

/** Options a worker thread receives (a Date does not survive structured cloning as one). */
export interface WorkerInput {
  options: Omit<DemoCompanyOptions, 'now' | 'shard'> & { now: number };
  shard: { index: number; count: number };
}

export type WorkerMessage = { type: 'ready' } | { type: 'batch'; batch: EncodedBatch } | { type: 'done' };

const encoder = new TextEncoder();

export function encodeBatch(batch: DemoBatch): EncodedBatch {
  const counts = {} as Record<SeedTable, number>;
  const tables: [SeedTable, Uint8Array][] = [];
  for (const table of SEED_TABLES) {
    const rows = batch.rows[table];
    counts[table] = rows.length;
    // TextEncoder gives every batch its own ArrayBuffer, which can be transferred without copying.
    if (rows.length > 0) tables.push([table, encoder.encode(toCopyText(rows, SEED_COLUMNS[table]))]);
  }
  return { customerCount: batch.customerCount, counts, tables };
}

/** Default generator threads: leave a core for the database and the loading thread. */
export const defaultWorkerCount = (): number => Math.max(1, Math.min(4, availableParallelism() - 1));

/** Batches generated ahead per worker; bounds memory while keeping the loaders fed. */
export const CREDITS_PER_WORKER = 2;

export interface BatchSource {
  /** Generator threads actually running (0: generating on the calling thread). */
  threads: number;
  batches: AsyncGenerator<EncodedBatch>;
}

/**
 * Customer batches (never the catalog) as an async stream. With `workers > 0` they are
 * generated and encoded on worker threads, so generation runs beside the loading;
 * if worker threads cannot start, the stream falls back to this thread.
 */
export async function startBatchSource(options: DemoCompanyOptions, workers: number): Promise<BatchSource> {
  const base = { ...options, includeCatalog: false };
  const pool = workers > 0 ? await startWorkers(base, workers) : undefined;
  if (pool) return { threads: workers, batches: pooled(pool) };
  return { threads: 0, batches: inThread(base) };
}

async function* pooled(pool: WorkerPool): AsyncGenerator<EncodedBatch> {
  try {
    yield* pool.batches();
  } finally {
    await pool.stop();
  }
}

async function* inThread(options: DemoCompanyOptions): AsyncGenerator<EncodedBatch> {
  for (const batch of generateDemoCompany(options)) {
    yield encodeBatch(batch);
    // Give socket writes and replies of the loaders a turn between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

interface WorkerPool {
  batches(): AsyncGenerator<EncodedBatch>;
  stop(): Promise<void>;
}

function workerEntry(): { url: URL; typescript: boolean } {
  // From sources (tsx, vitest) the worker is TypeScript and needs tsx's loader; built, it is plain JS.
  const typescript = import.meta.url.endsWith('.ts');
  return { url: new URL(typescript ? './seed-worker.ts' : './seed-worker.js', import.meta.url), typescript };
}

async function startWorkers(options: DemoCompanyOptions, count: number): Promise<WorkerPool | undefined> {
  const entry = workerEntry();
  const { now, shard: _ignored, ...rest } = options;
  const queue: EncodedBatch[] = [];
  const threads: Worker[] = [];
  let finished = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const owner = new Map<EncodedBatch, Worker>();

  const ready = Array.from({ length: count }, (_, index) => {
    const workerData: WorkerInput = { options: { ...rest, now: now.getTime() }, shard: { index, count } };
    const worker = entry.typescript
      ? new Worker(
          `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry.url.href)}); });`,
          { eval: true, workerData },
        )
      : new Worker(entry.url, { workerData });
    threads.push(worker);
    return new Promise<boolean>((resolve) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') resolve(true);
        else if (message.type === 'batch') {
          queue.push(message.batch);
          owner.set(message.batch, worker);
        } else finished++;
        notify();
      });
      worker.on('error', (err) => {
        failure ??= err;
        resolve(false);
        notify();
      });
      worker.on('exit', (code) => {
        if (code !== 0) failure ??= new Error(`seed worker exited with code ${code}`);
        resolve(false);
        notify();
      });
    });
  });
  const started = await Promise.all(ready);
  if (started.some((ok) => !ok)) {
    await Promise.all(threads.map((t) => t.terminate()));
    return undefined;
  }
  return {
    async *batches() {
      while (true) {
        if (failure) throw failure;
        const batch = queue.shift();
        if (batch) {
          // Tell the producer it may generate one more.
          owner.get(batch)?.postMessage('more');
          owner.delete(batch);
          yield batch;
          continue;
        }
        if (finished === count) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
    async stop() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
