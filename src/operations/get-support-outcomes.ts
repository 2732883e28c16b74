import { sql } from 'kysely';
import { z } from 'zod';
import { currencySchema } from '../orders/order-views.js';
import type { SupportMetricsConfig } from '../platform/config.js';
import type { Sql } from '../platform/db/database.js';

const share = z.number().nullable().describe('0..1; null when nothing to divide by');
const csatSchema = z.object({
  ratings: z.number().int(),
  meanScore: z.number().nullable(),
  /** Ratings of 4 or 5. */
  satisfiedShare: share,
});
const resolutionTimeSchema = z.object({
  conversations: z.number().int(),
  meanSeconds: z.number().nullable(),
});

export const supportOutcomesSchema = z.object({
  generatedAt: z.string(),
  days: z.number().int(),
  from: z.string(),
  conversations: z.number().int(),
  aiResolved: z.object({ count: z.number().int(), share }),
  handoff: z.object({
    count: z.number().int(),
    share,
    reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  }),
  serviceLevel: z.object({
    targetSeconds: z.number().int(),
    targetShare: z.number(),
    answeredWithinTarget: z.number().int(),
    answered: z.number().int(),
    abandoned: z.number().int(),
    share,
    meanWaitSeconds: z.number().nullable(),
  }),
  abandonment: z.object({ count: z.number().int(), share }),
  resolutionTime: z.object({ ai: resolutionTimeSchema, human: resolutionTimeSchema }),
  csat: z.object({ ai: csatSchema, human: csatSchema }),
  repeatContacts: z.object({
    customers: z.number().int(),
    repeatCustomers: z.number().int(),
    share,
    withinDays: z.number().int(),
  }),
  cost: z.object({
    aiCostPerConversationMinor: z.number().int(),
    byCurrency: z.array(
      z.object({
        currency: currencySchema,
        agentEarningsMinor: z.number().int(),
        aiCostMinor: z.number().int(),
        totalMinor: z.number().int(),
        perConversationMinor: z.number().int().nullable(),
      }),
    ),
  }),
});
export type SupportOutcomes = z.infer<typeof supportOutcomesSchema>;

export interface SupportOutcomesInput {
  days: number;
  waitTargetSeconds: number;
  support: SupportMetricsConfig;
}

const REPEAT_WITHIN_DAYS = 7;
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
const num = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The outcomes the hybrid AI/human support is judged by, over conversations **started** in the
 * last `days` days (one repeatable-read snapshot). Definitions (also in src/operations/README.md):
 * - handed to a person: entered the human queue (`waiting_since` set; a repeated handoff counts once,
 *   with its latest reason); handoff rate = that ÷ all conversations; reasons from `handoff.reason`.
 * - resolved by AI: never entered the queue and ended — closed, or the assistant has it and nobody
 *   wrote for `CONVERSATION_IDLE_MINUTES` (`updated_at`, which every turn sets, is the last activity).
 * - answered: a person accepted it (`assigned_at`); within target: waited ≤ WAIT_TARGET_SECONDS from
 *   `waiting_since`. abandoned: entered the queue, never answered, closed (the customer left).
 *   service level = within target ÷ (answered + abandoned); abandonment = abandoned ÷ the same.
 * - time to resolution: started → closed (AI; idle ones → their last turn) and started → the
 *   person closed it or handed it back (human, from the audit row of that step).
 * - CSAT: ratings of these conversations by `handled_by`: mean, count, share of 4–5.
 * - repeat contacts: of the identified customers with a conversation here, the share who started one
 *   within 7 days after a previous one of theirs (anonymous chats cannot be matched).
 * - cost: the agents' ledger rows for these conversations, plus incentives (rows without a
 *   conversation) booked in the window, plus AI_COST_PER_CONVERSATION_MINOR for every conversation
 *   (each begins with the assistant), per currency, ÷ conversations.
 */
export async function getSupportOutcomes(
  db: Sql,
  input: SupportOutcomesInput,
  now: Date,
): Promise<SupportOutcomes> {
  const from = new Date(now.getTime() - input.days * 86_400_000);
  const idleBefore = new Date(now.getTime() - input.support.idleAfterMs);
  const target = input.waitTargetSeconds;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const totals = await sql<Record<string, unknown>>`
        with started as (
          select * from conversations where created_at >= ${from} and created_at <= ${now}
        ),
        -- A grouped join rather than a subquery per row: the planner costs it sanely (no JIT).
        human_finished as (
          select c.id, min(a.occurred_at) as at
          from started c join audit_log a
            on a.entity_type = 'conversation' and a.entity_id = c.id::text
           and a.action in ('conversation.closed', 'conversation.handed_back') and a.occurred_at >= c.assigned_at
          where c.assigned_at is not null
          group by c.id
        ),
        w as (
          select c.*, hf.at as human_finished_at
          from started c left join human_finished hf on hf.id = c.id
        )
        select
          count(*)::int as conversations,
          count(*) filter (where waiting_since is null and (status = 'closed'
            or (status = 'bot' and updated_at < ${idleBefore})))::int as ai_resolved,
          count(*) filter (where waiting_since is not null)::int as handed_off,
          count(*) filter (where assigned_at is not null)::int as answered,
          count(*) filter (where assigned_at is not null
            and extract(epoch from (assigned_at - waiting_since)) <= ${target}::float8)::int as within_target,
          avg(extract(epoch from (assigned_at - waiting_since)))::float8 as mean_wait,
          count(*) filter (where waiting_since is not null and assigned_at is null and status = 'closed')::int as abandoned,
          avg(extract(epoch from (coalesce(closed_at, updated_at) - created_at)))
            filter (where waiting_since is null and (status = 'closed'
              or (status = 'bot' and updated_at < ${idleBefore})))::float8 as ai_seconds,
          count(*) filter (where human_finished_at is not null)::int as human_finished,
          avg(extract(epoch from (human_finished_at - created_at)))::float8 as human_seconds
        from w`.execute(trx);
      const reasons = await sql<{ reason: string; n: number }>`
        select coalesce(handoff->>'reason', 'unknown') as reason, count(*)::int as n
        from conversations
        where created_at >= ${from} and created_at <= ${now} and waiting_since is not null
        group by 1 order by n desc, reason`.execute(trx);
      const ratings = await sql<{ handled_by: 'ai' | 'human'; n: number; mean: number; satisfied: number }>`
        select r.handled_by, count(*)::int as n, avg(r.score)::float8 as mean,
          count(*) filter (where r.score >= 4)::int as satisfied
        from conversation_ratings r join conversations c on c.id = r.conversation_id
        where c.created_at >= ${from} and c.created_at <= ${now}
        group by r.handled_by`.execute(trx);
      const repeat = await sql<{ customers: number; repeaters: number }>`
        select count(distinct c.customer_id)::int as customers,
          count(distinct c.customer_id) filter (where exists (
            select 1 from conversations p
            where p.customer_id = c.customer_id and p.id <> c.id
              and (p.created_at < c.created_at or (p.created_at = c.created_at and p.id < c.id))
              and p.created_at >= c.created_at - ${REPEAT_WITHIN_DAYS}::int * interval '1 day'))::int as repeaters
        from conversations c
        where c.customer_id is not null and c.created_at >= ${from} and c.created_at <= ${now}`.execute(trx);
      const earnings = await sql<{ currency: string; amount: number }>`
        select e.currency, sum(e.amount_minor)::bigint as amount
        from agent_earnings e left join conversations c on c.id = e.conversation_id
        where (c.created_at >= ${from} and c.created_at <= ${now})
           or (e.conversation_id is null and e.created_at >= ${from} and e.created_at <= ${now})
        group by e.currency`.execute(trx);

      const t = totals.rows[0] ?? {};
      const conversations = num(t.conversations);
      const answered = num(t.answered);
      const abandoned = num(t.abandoned);
      const csat = (who: 'ai' | 'human') => {
        const r = ratings.rows.find((x) => x.handled_by === who);
        const n = num(r?.n);
        return {
          ratings: n,
          meanScore: r ? Number(r.mean) : null,
          satisfiedShare: ratio(num(r?.satisfied), n),
        };
      };
      const aiCostEach = input.support.aiCostPerConversationMinor;
      const costs = new Map<string, number>(earnings.rows.map((r) => [r.currency, num(r.amount)]));
      if (!costs.has(input.support.aiCostCurrency)) costs.set(input.support.aiCostCurrency, 0);
      const byCurrency = [...costs.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, agentEarningsMinor]) => {
          const aiCostMinor = currency === input.support.aiCostCurrency ? aiCostEach * conversations : 0;
          const totalMinor = agentEarningsMinor + aiCostMinor;
          return {
            currency: currency as SupportOutcomes['cost']['byCurrency'][number]['currency'],
            agentEarningsMinor,
            aiCostMinor,
            totalMinor,
            perConversationMinor: conversations > 0 ? Math.round(totalMinor / conversations) : null,
          };
        });
      const repeatRow = repeat.rows[0];
      return {
        generatedAt: now.toISOString(),
        days: input.days,
        from: from.toISOString(),
        conversations,
        aiResolved: { count: num(t.ai_resolved), share: ratio(num(t.ai_resolved), conversations) },
        handoff: {
          count: num(t.handed_off),
          share: ratio(num(t.handed_off), conversations),
          reasons: reasons.rows.map((r) => ({ reason: r.reason, count: num(r.n) })),
        },
        serviceLevel: {
          targetSeconds: target,
          targetShare: input.support.serviceLevelTarget,
          answeredWithinTarget: num(t.within_target),
          answered,
          abandoned,
          share: ratio(num(t.within_target), answered + abandoned),
          meanWaitSeconds: numOrNull(t.mean_wait),
        },
        abandonment: { count: abandoned, share: ratio(abandoned, answered + abandoned) },
        resolutionTime: {
          ai: { conversations: num(t.ai_resolved), meanSeconds: numOrNull(t.ai_seconds) },
          human: { conversations: num(t.human_finished), meanSeconds: numOrNull(t.human_seconds) },
        },
        csat: { ai: csat('ai'), human: csat('human') },
        repeatContacts: {
          customers: num(repeatRow?.customers),
          repeatCustomers: num(repeatRow?.repeaters),
          share: ratio(num(repeatRow?.repeaters), num(repeatRow?.customers)),
          withinDays: REPEAT_WITHIN_DAYS,
        },
        cost: { aiCostPerConversationMinor: aiCostEach, byCurrency },
      };
    });
}
