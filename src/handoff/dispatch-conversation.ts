import type { Logger } from 'pino';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { Clock } from '../platform/clock.js';
import type { DispatchConfig } from '../platform/config.js';
import type { Sql } from '../platform/db/database.js';
import type { EventBus } from '../platform/events/event-bus.js';
import { newId } from '../platform/ids.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import { agentTopic } from '../workforce/agent-views.js';
import { OFFER_EXPIRY_QUEUE } from './dispatch-trigger.js';
import { anyAgentFree, bestAgents } from './eligible-agents.js';
import { toOfferedConversation, toOfferView } from './offer-views.js';

export interface DispatchDeps {
  db: Sql;
  events: EventBus;
  jobs: JobQueue;
  clock: Clock;
  dispatch: DispatchConfig;
}

const dispatcher: Actor = { type: 'system', id: null };

export type DispatchOutcome = 'offered' | 'no_agent' | 'skipped';

/**
 * Offers one waiting conversation to the best available agent. The conversation row is locked
 * (skipped if another process holds it), and the offer insert relies on the unique indexes:
 * never two pending offers for one conversation or one agent, across any number of processes.
 * An agent taken by a concurrent offer is skipped and the next best is tried.
 */
export async function dispatchConversation(
  deps: DispatchDeps,
  conversationId: string,
): Promise<DispatchOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const conversation = await trx
      .selectFrom('conversations')
      .select(['id', 'language', 'required_skills', 'queue', 'priority', 'waiting_since'])
      .where('id', '=', conversationId)
      .where('status', '=', 'waiting_for_human')
      // Already offered (by another trigger or process): nothing to do.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('dispatch_offers')
              .select('id')
              .where('conversation_id', '=', conversationId)
              .where('status', '=', 'pending'),
          ),
        ),
      )
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!conversation) return 'skipped';
    const need = { language: conversation.language, requiredSkills: conversation.required_skills };
    const onlineAfter = new Date(now.getTime() - deps.dispatch.presenceTimeoutMs);
    for (const agent of await bestAgents(trx, conversationId, need, onlineAfter, 5)) {
      const expiresAt = new Date(now.getTime() + deps.dispatch.offerTimeoutMs);
      const offer = await trx
        .insertInto('dispatch_offers')
        .values({
          id: newId(),
          conversation_id: conversationId,
          agent_id: agent.id,
          status: 'pending',
          offered_at: now,
          expires_at: expiresAt,
        })
        // A concurrent dispatch gave this agent an offer first: try the next one.
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!offer) continue;
      await writeAudit(trx, dispatcher, {
        action: 'offer.created',
        entityType: 'dispatch_offer',
        entityId: offer.id,
        after: { conversationId, agentId: agent.id, expiresAt },
      });
      await deps.jobs.enqueue(
        OFFER_EXPIRY_QUEUE,
        { offerId: offer.id },
        { runAt: expiresAt, maxAttempts: 10 },
        trx,
      );
      await deps.events.publish(
        agentTopic(agent.staff_user_id),
        'offer.created',
        {
          offer: toOfferView(offer),
          conversation: toOfferedConversation(conversation),
        },
        trx,
      );
      return 'offered';
    }
    return 'no_agent';
  });
}

/**
 * Offers a conversation that has just entered the queue at once, from the process that took the
 * handoff, without waiting for a job worker to claim its `handoff.dispatch` job. That job stays the
 * durable path (this process may die first); whichever runs second finds the offer and skips.
 */
export function dispatchRightAway(
  deps: DispatchDeps,
  conversationId: string,
  logger: Pick<Logger, 'error'>,
): void {
  dispatchConversation(deps, conversationId).catch((err: unknown) =>
    logger.error({ err, conversationId }, 'immediate dispatch failed; the dispatch job will retry'),
  );
}

/** Every waiting conversation without an offer, most urgent and longest waiting first. */
export async function dispatchWaiting(deps: DispatchDeps, limit = 200): Promise<number> {
  const waiting = await deps.db
    .selectFrom('conversations as c')
    .select(['c.id', 'c.language', 'c.required_skills'])
    .where('c.status', '=', 'waiting_for_human')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dispatch_offers as o')
            .select('o.id')
            .whereRef('o.conversation_id', '=', 'c.id')
            .where('o.status', '=', 'pending'),
        ),
      ),
    )
    .orderBy((eb) =>
      eb
        .case()
        .when('c.priority', '=', 'urgent')
        .then(0)
        .when('c.priority', '=', 'high')
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy('c.waiting_since')
    .limit(limit)
    .execute();
  let offered = 0;
  // Once nobody with a need's language and skills is free, the rest of that need's queue is
  // skipped: a backlog costs one query per kind of need, not a transaction per conversation.
  const exhausted = new Set<string>();
  const onlineAfter = new Date(deps.clock.now().getTime() - deps.dispatch.presenceTimeoutMs);
  for (const c of waiting) {
    const need = { language: c.language, requiredSkills: c.required_skills };
    const key = JSON.stringify([need.language, [...need.requiredSkills].sort()]);
    if (exhausted.has(key)) continue;
    const outcome = await dispatchConversation(deps, c.id);
    if (outcome === 'offered') offered++;
    // 'no_agent' may only mean everyone free already declined this one: check the need as a whole.
    else if (outcome === 'no_agent' && !(await anyAgentFree(deps.db, need, onlineAfter))) exhausted.add(key);
  }
  return offered;
}
