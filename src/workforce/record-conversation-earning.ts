import type { Transaction } from 'kysely';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { DispatchConfig } from '../platform/config.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';

export interface RecordedEarning {
  conversationMinor: number;
  incentiveMinor: number;
  currency: string;
}

/**
 * Pays the agent for a human-handled conversation that was closed or handed back: one ledger
 * row per conversation (a retry or a second close pays nothing more), plus the incentive when
 * the agent came online answering a demand notice sent before they took it. Call it in the
 * transaction that closes or hands back the conversation. Also marks the agent as just
 * finished, so longest-idle dispatch counts from now.
 */
export async function recordConversationEarning(
  trx: Transaction<DB>,
  actor: Actor,
  config: DispatchConfig,
  input: { agentId: string; conversationId: string; assignedAt: Date | null },
  now: Date,
): Promise<RecordedEarning> {
  const paid = await trx
    .insertInto('agent_earnings')
    .values({
      id: newId(),
      agent_id: input.agentId,
      conversation_id: input.conversationId,
      kind: 'conversation',
      amount_minor: config.ratePerConversationMinor,
      currency: config.currency,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  let incentiveMinor = 0;
  if (paid && input.assignedAt) {
    const notice = await trx
      .selectFrom('demand_notifications')
      .select(['incentive_minor', 'currency'])
      .where('agent_id', '=', input.agentId)
      .where('incentive_minor', '>', 0)
      .where('created_at', '<=', input.assignedAt)
      .where('created_at', '>', new Date(input.assignedAt.getTime() - config.demandCooldownMs))
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (notice) {
      const row = await trx
        .insertInto('agent_earnings')
        .values({
          id: newId(),
          agent_id: input.agentId,
          conversation_id: input.conversationId,
          kind: 'incentive',
          amount_minor: notice.incentive_minor,
          currency: notice.currency,
          created_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('amount_minor')
        .executeTakeFirst();
      incentiveMinor = row ? Number(row.amount_minor) : 0;
    }
  }
  await trx
    .updateTable('agent_presence')
    .set({ last_assigned_at: now })
    .where('agent_id', '=', input.agentId)
    .execute();
  const conversationMinor = paid ? config.ratePerConversationMinor : 0;
  if (paid) {
    await writeAudit(trx, actor, {
      action: 'agent.earning_recorded',
      entityType: 'agent',
      entityId: input.agentId,
      after: {
        conversationId: input.conversationId,
        conversationMinor,
        incentiveMinor,
        currency: config.currency,
      },
    });
  }
  return { conversationMinor, incentiveMinor, currency: config.currency };
}
