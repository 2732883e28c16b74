import { triggerDispatch } from '../handoff/dispatch-trigger.js';
import { withdrawAgentOffers } from '../handoff/withdraw-agent-offers.js';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { Clock } from '../platform/clock.js';
import type { Sql } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { EventBus } from '../platform/events/event-bus.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import { agentTopic } from './agent-views.js';
import { agentOfStaff } from './list-agents.js';

export interface PresenceDeps {
  db: Sql;
  events: EventBus;
  jobs: JobQueue;
  clock: Clock;
}

/**
 * Online/offline switch and heartbeat. Going online (or a heartbeat that revives a silent
 * agent) re-runs dispatch so waiting customers get offered at once. Going offline withdraws
 * a pending offer so it cascades to the next agent.
 */
export async function setPresence(
  deps: PresenceDeps,
  actor: Actor,
  staffUserId: string,
  action: 'online' | 'offline' | 'heartbeat',
  presenceTimeoutMs: number,
): Promise<{ online: boolean; lastHeartbeatAt: string }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const agent = await agentOfStaff(trx, staffUserId);
    if (agent.status !== 'approved' && action !== 'offline') {
      throw new AppError(
        403,
        'forbidden',
        `Your agent profile is ${agent.status}; a supervisor must approve it first`,
      );
    }
    const before = await trx
      .selectFrom('agent_presence')
      .selectAll()
      .where('agent_id', '=', agent.id)
      .forUpdate()
      .executeTakeFirst();
    const wasOnline =
      before?.online === true &&
      before.last_heartbeat_at !== null &&
      now.getTime() - before.last_heartbeat_at.getTime() <= presenceTimeoutMs;
    // A heartbeat keeps an online agent online; it does not switch an offline agent on.
    const online = action === 'online' || (action === 'heartbeat' && before?.online === true);
    await trx
      .insertInto('agent_presence')
      .values({ agent_id: agent.id, online, last_heartbeat_at: now, online_since: online ? now : null })
      .onConflict((oc) =>
        oc.column('agent_id').doUpdateSet({
          online,
          last_heartbeat_at: now,
          online_since: online ? (wasOnline ? (before?.online_since ?? now) : now) : null,
        }),
      )
      .execute();
    if (online !== wasOnline) {
      await writeAudit(trx, actor, {
        action: online ? 'agent.online' : 'agent.offline',
        entityType: 'agent',
        entityId: agent.id,
        before: { online: wasOnline },
        after: { online },
      });
      await deps.events.publish(
        agentTopic(staffUserId),
        'agent.presence_changed',
        { agentId: agent.id, online },
        trx,
      );
    }
    if (!online) {
      await withdrawAgentOffers(trx, deps.jobs, agent.id, now);
    } else if (!wasOnline) {
      await triggerDispatch(deps.jobs, trx);
    }
    return { online, lastHeartbeatAt: now.toISOString() };
  });
}
