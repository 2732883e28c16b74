import type { JobHandler, JobOptions, JobQueue } from './job-queue.js';

/**
 * Runs each job right after it is enqueued, in process, for unit tests.
 * Failures are collected in `failures` instead of retried.
 */
export class InlineJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private nextId = 1;
  readonly pending: Promise<void>[] = [];
  readonly failures: { queue: string; error: unknown }[] = [];
  readonly enqueued: { queue: string; payload: unknown; options: JobOptions }[] = [];

  register<P>(queue: string, handler: JobHandler<P>) {
    this.handlers.set(queue, handler as JobHandler);
  }

  async enqueue<P>(queue: string, payload: P, options: JobOptions = {}) {
    const id = this.nextId++;
    this.enqueued.push({ queue, payload, options });
    const handler = this.handlers.get(queue);
    if (handler) {
      // Deferred so the caller's transaction commits before the job reads its effects.
      this.pending.push(
        new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => handler(payload, { jobId: id, attempt: 1 }))
          .catch((error) => {
            this.failures.push({ queue, error });
          }),
      );
    }
    return id;
  }

  /** Waits for every job enqueued so far. */
  async drain() {
    while (this.pending.length) await this.pending.shift();
  }

  async start() {}
  async stop() {
    await this.drain();
  }
}
