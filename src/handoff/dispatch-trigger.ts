import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { JobQueue } from '../platform/queue/job-queue.js';

/** Job queues of the dispatcher (handlers in `handoff-jobs.ts`). */
export const DISPATCH_QUEUE = 'handoff.dispatch';
export const OFFER_EXPIRY_QUEUE = 'handoff.offer-expiry';
/** The optional LLM-written handoff note (`summarise-handoff-with-llm.ts`). */
export const HANDOFF_NOTE_QUEUE = 'handoff.llm-note';

export interface DispatchJob {
  /** One conversation (a new arrival, a declined or expired offer); absent: every waiting one. */
  conversationId?: string;
}

/**
 * Asks the dispatcher to (re)offer waiting conversations. Enqueued in the caller's transaction,
 * so the trigger exists if and only if the change that needs it commits, whichever process dies.
 * Dispatch is idempotent (it locks the conversation and skips one with a pending offer), so a
 * duplicate trigger costs a query, never a second offer.
 */
export async function triggerDispatch(
  jobs: JobQueue,
  trx: Transaction<DB> | undefined,
  conversationId?: string,
): Promise<void> {
  const payload: DispatchJob = conversationId ? { conversationId } : {};
  await jobs.enqueue(DISPATCH_QUEUE, payload, { maxAttempts: 5 }, trx);
}
