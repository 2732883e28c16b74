import { withdrawAgentOffers } from '../handoff/withdraw-agent-offers.js';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { Clock } from '../platform/clock.js';
import type { Sql } from '../platform/db/database.js';
import { conflict, notFound } from '../platform/errors.js';
import type { EventBus } from '../platform/events/event-bus.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import { type AgentRow, agentTopic } from './agent-views.js';

export type AgentDecision = 'approve' | 'suspend';

/**
 * A supervisor approves an agent (who may then go online and receive offers) or suspends one
 * (offline at once; a pending offer is withdrawn and goes to the next agent).
 */
export async function reviewAgent(
  deps: { db: Sql; events: EventBus; jobs: JobQueue; clock: Clock },
  actor: Actor,
  input: { agentId: string; decision: AgentDecision; reason?: string | undefined },
): Promise<AgentRow> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('agents')
      .selectAll()
      .where('id', '=', input.agentId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('Agent');
    const status = input.decision === 'approve' ? 'approved' : 'suspended';
    if (before.status === status) throw conflict(`The agent is already ${status}`);
    const after = await trx
      .updateTable('agents')
      .set({
        status,
        updated_at: now,
        ...(status === 'approved' ? { approved_by: actor.id, approved_at: now } : {}),
      })
      .where('id', '=', input.agentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (status === 'suspended') {
      await trx
        .updateTable('agent_presence')
        .set({ online: false })
        .where('agent_id', '=', after.id)
        .execute();
      await withdrawAgentOffers(trx, deps.jobs, after.id, now);
    }
    await writeAudit(trx, actor, {
      action: `agent.${status}`,
      entityType: 'agent',
      entityId: after.id,
      before: { status: before.status },
      after: { status: after.status },
      reason: input.reason,
    });
    await deps.events.publish(
      agentTopic(after.staff_user_id),
      'agent.status_changed',
      { agentId: after.id, status },
      trx,
    );
    return after;
  });
}
