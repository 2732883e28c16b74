import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import { triggerDispatch } from './dispatch-trigger.js';

/**
 * An agent who goes offline or is suspended can no longer answer: their pending offer is withdrawn
 * and its conversation re-offered, in the caller's transaction.
 */
export async function withdrawAgentOffers(
  trx: Transaction<DB>,
  jobs: JobQueue,
  agentId: string,
  now: Date,
): Promise<void> {
  const withdrawn = await trx
    .updateTable('dispatch_offers')
    .set({ status: 'withdrawn', answered_at: now })
    .where('agent_id', '=', agentId)
    .where('status', '=', 'pending')
    .returning('conversation_id')
    .execute();
  for (const o of withdrawn) await triggerDispatch(jobs, trx, o.conversation_id);
}
