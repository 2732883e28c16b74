import { sql } from 'kysely';
import { z } from 'zod';
import type { Sql } from '../platform/db/database.js';
import { AGENT_SKILLS, agentViewSchema, isOnline, toAgentView } from '../workforce/agent-views.js';
import { listAgents } from '../workforce/list-agents.js';

const staffingSchema = z.object({
  online: z.number().int(),
  /** Online agents handling at least one conversation. */
  busy: z.number().int(),
  /** Conversations the online agents could still take (max concurrent minus handled). */
  freeSlots: z.number().int(),
});

export const liveQueueSchema = z.object({
  generatedAt: z.string(),
  waitTargetSeconds: z.number().int(),
  queue: z.array(
    z.object({
      conversationId: z.string(),
      language: z.string(),
      queue: z.string().nullable(),
      priority: z.string().nullable(),
      reason: z.string().nullable(),
      waitingSeconds: z.number().int(),
      /** 1 = next among conversations needing the same language and skills (as the customer is told). */
      position: z.number().int(),
      pendingOffer: z.boolean(),
      callbackRequested: z.boolean(),
    }),
  ),
  agents: z.object({
    total: staffingSchema,
    bySkill: z.array(staffingSchema.extend({ skill: z.string() })),
    byLanguage: z.array(staffingSchema.extend({ language: z.string() })),
  }),
  pendingAgents: z.array(agentViewSchema),
});
export type LiveQueue = z.infer<typeof liveQueueSchema>;

/**
 * What a supervisor watches right now: the waiting conversations (most urgent first), who is
 * online by skill ('general' = everyone, every agent can take general help) and language, and
 * agent sign-ups awaiting approval. Read on every call; the page refreshes on staff events.
 */
export async function getLiveQueue(
  db: Sql,
  config: { presenceTimeoutMs: number; waitTargetSeconds: number },
  now: Date,
): Promise<LiveQueue> {
  const waiting = await sql<{
    id: string;
    language: string;
    queue: string | null;
    priority: string | null;
    reason: string | null;
    waiting_since: Date;
    position: number;
    pending_offer: boolean;
    callback_requested_at: Date | null;
  }>`
    select c.id, c.language, c.queue, c.priority, c.handoff->>'reason' as reason,
      coalesce(c.waiting_since, c.updated_at) as waiting_since, c.callback_requested_at,
      row_number() over (partition by c.language, c.required_skills
        order by (case c.priority when 'urgent' then 0 when 'high' then 1 else 2 end), c.waiting_since, c.id)::int as position,
      exists (select 1 from dispatch_offers o where o.conversation_id = c.id and o.status = 'pending') as pending_offer
    from conversations c
    where c.status = 'waiting_for_human'
    order by (case c.priority when 'urgent' then 0 when 'high' then 1 else 2 end), c.waiting_since, c.id`.execute(
    db,
  );

  const approved = (await listAgents(db, { status: 'approved' })).filter((a) =>
    isOnline(a, now, config.presenceTimeoutMs),
  );
  const handled = await db
    .selectFrom('conversations')
    .select(['assigned_agent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'with_human')
    .where('assigned_agent_id', 'is not', null)
    .groupBy('assigned_agent_id')
    .execute();
  const activeOf = new Map(handled.map((r) => [r.assigned_agent_id, Number(r.n)]));
  const staffing = (agents: typeof approved) => ({
    online: agents.length,
    busy: agents.filter((a) => (activeOf.get(a.id) ?? 0) > 0).length,
    freeSlots: agents.reduce((sum, a) => sum + Math.max(a.max_concurrent - (activeOf.get(a.id) ?? 0), 0), 0),
  });
  const languages = [...new Set(approved.flatMap((a) => a.languages))].sort();
  const pending = await listAgents(db, { status: 'pending' });

  return {
    generatedAt: now.toISOString(),
    waitTargetSeconds: config.waitTargetSeconds,
    queue: waiting.rows.map((r) => ({
      conversationId: r.id,
      language: r.language,
      queue: r.queue,
      priority: r.priority,
      reason: r.reason,
      waitingSeconds: Math.max(0, Math.floor((now.getTime() - new Date(r.waiting_since).getTime()) / 1000)),
      position: Number(r.position),
      pendingOffer: Boolean(r.pending_offer),
      callbackRequested: r.callback_requested_at !== null,
    })),
    agents: {
      total: staffing(approved),
      bySkill: ['general', ...AGENT_SKILLS].map((skill) => ({
        skill,
        ...staffing(skill === 'general' ? approved : approved.filter((a) => a.skills.includes(skill))),
      })),
      byLanguage: languages.map((language) => ({
        language,
        ...staffing(approved.filter((a) => a.languages.includes(language))),
      })),
    },
    pendingAgents: pending.map((a) => toAgentView(a, now, config.presenceTimeoutMs)),
  };
}
