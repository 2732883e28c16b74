import type { Logger } from 'pino';
import { conversationTopic } from '../conversations/conversation-views.js';
import { scheduleRecurringJob } from '../platform/queue/schedule-recurring-job.js';
import { notifyDemand } from '../workforce/notify-demand.js';
import { type DispatchDeps, dispatchConversation, dispatchWaiting } from './dispatch-conversation.js';
import { DISPATCH_QUEUE, type DispatchJob, OFFER_EXPIRY_QUEUE } from './dispatch-trigger.js';
import { expireOffers } from './expire-offers.js';
import { queueStatus, recentHandleSeconds } from './queue-status.js';

/**
 * Publishes `queue.updated` on each waiting conversation whose position or estimate changed
 * since this process last said, and raises demand where the wait is over target.
 */
async function refreshQueue(deps: DispatchDeps, lastSent: Map<string, string>): Promise<void> {
  const now = deps.clock.now();
  const waiting = await deps.db
    .selectFrom('conversations')
    .select(['id', 'language', 'priority', 'required_skills', 'waiting_since', 'callback_requested_at'])
    .where('status', '=', 'waiting_for_human')
    .orderBy('waiting_since')
    .limit(500)
    .execute();
  const handleSeconds = await recentHandleSeconds(deps.db, deps.dispatch.defaultHandleSeconds);
  const seen = new Set<string>();
  const demand = new Map<string, { language: string; requiredSkills: string[] }>();
  for (const conversation of waiting) {
    seen.add(conversation.id);
    const status = await queueStatus(deps.db, conversation, deps.dispatch, now, handleSeconds);
    const key = JSON.stringify(status);
    if (lastSent.get(conversation.id) !== key) {
      lastSent.set(conversation.id, key);
      await deps.events.publish(conversationTopic(conversation.id), 'queue.updated', {
        conversationId: conversation.id,
        ...status,
      });
    }
    if (status.etaSeconds === null || status.etaSeconds > deps.dispatch.waitTargetSeconds) {
      const need = { language: conversation.language, requiredSkills: conversation.required_skills };
      demand.set(JSON.stringify(need), need);
    }
  }
  for (const id of lastSent.keys()) if (!seen.has(id)) lastSent.delete(id);
  for (const need of demand.values()) await notifyDemand(deps, deps.dispatch, need, now);
}

/**
 * Wires the dispatcher to the job queue: dispatch triggers, one expiry job per offer (runAt =
 * its expiry), and a periodic sweep that lapses overdue offers, re-offers waiting conversations
 * and refreshes positions, so nothing depends on the process that made an offer staying alive.
 */
export function registerHandoffJobs(deps: DispatchDeps, logger: Pick<Logger, 'warn'>): () => void {
  const lastSent = new Map<string, string>();
  deps.jobs.register<DispatchJob>(DISPATCH_QUEUE, async (job) => {
    if (job?.conversationId) {
      await dispatchConversation(deps, job.conversationId);
      return;
    }
    await dispatchWaiting(deps);
    await refreshQueue(deps, lastSent);
  });
  deps.jobs.register<{ offerId: string }>(OFFER_EXPIRY_QUEUE, async (job) => {
    await expireOffers(deps, job.offerId);
  });
  return scheduleRecurringJob(
    deps.jobs,
    'handoff.sweep',
    async () => {
      try {
        await expireOffers(deps);
        await dispatchWaiting(deps);
        await refreshQueue(deps, lastSent);
      } catch (err) {
        logger.warn({ err }, 'handoff sweep failed');
        throw err;
      }
    },
    deps.dispatch.sweepEveryMs,
  );
}
