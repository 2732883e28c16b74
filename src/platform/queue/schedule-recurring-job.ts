import type { JobQueue } from './job-queue.js';

/**
 * Registers `handler` on `queue` and enqueues it now and every `everyMs`. The dedupe key
 * keeps one pending run however many processes schedule it, and the queue retries a failed
 * run. Returns a function that stops scheduling.
 */
export function scheduleRecurringJob(
  jobs: JobQueue,
  queue: string,
  handler: () => Promise<void>,
  everyMs: number,
): () => void {
  jobs.register(queue, handler);
  const enqueue = () => jobs.enqueue(queue, {}, { dedupeKey: 'recurring', maxAttempts: 3 }).catch(() => {});
  void enqueue();
  const timer = setInterval(enqueue, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
