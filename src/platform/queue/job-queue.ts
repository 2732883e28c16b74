import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export interface JobOptions {
  /** Run no earlier than this time. */
  runAt?: Date;
  /** At most one queued or running job per (queue, dedupeKey). */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface JobContext {
  jobId: number;
  attempt: number;
}

export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<void>;

/**
 * Asynchronous work (webhooks, analytics, summaries) that must survive a crash.
 * Drivers: Postgres (durable, shared by every process) and inline (tests).
 */
export interface JobQueue {
  /** Enqueue inside the caller's transaction so the job exists if and only if the change commits. */
  enqueue<P>(queue: string, payload: P, options?: JobOptions, trx?: Transaction<DB>): Promise<number | null>;
  register<P>(queue: string, handler: JobHandler<P>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}
