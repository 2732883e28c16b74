import { z } from 'zod';
import type { Sql } from '../platform/db/database.js';

export const earningsViewSchema = z.object({
  totals: z.array(z.object({ currency: z.string(), amountMinor: z.number().int() })),
  entries: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['conversation', 'incentive', 'adjustment']),
      conversationId: z.string().nullable(),
      amountMinor: z.number().int(),
      currency: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type EarningsView = z.infer<typeof earningsViewSchema>;

/** The agent's ledger, newest first, with totals per currency over all of it. */
export async function listEarnings(db: Sql, agentId: string, limit = 100): Promise<EarningsView> {
  const [entries, totals] = await Promise.all([
    db
      .selectFrom('agent_earnings')
      .selectAll()
      .where('agent_id', '=', agentId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('agent_earnings')
      .select(['currency', (eb) => eb.fn.sum<string>('amount_minor').as('total')])
      .where('agent_id', '=', agentId)
      .groupBy('currency')
      .execute(),
  ]);
  return {
    totals: totals.map((t) => ({ currency: t.currency, amountMinor: Number(t.total) })),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      conversationId: e.conversation_id,
      amountMinor: Number(e.amount_minor),
      currency: e.currency,
      createdAt: e.created_at.toISOString(),
    })),
  };
}
