import { type Kysely, sql, type Transaction } from 'kysely';
import type { DispatchConfig } from '../platform/config.js';
import type { DB } from '../platform/db/schema.js';
import { onlineSupply } from './eligible-agents.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface QueueStatus {
  /** 1 = next for the kind of agent this conversation needs. */
  position: number;
  /** Null when nobody who could take it is online: no fake promise. */
  etaSeconds: number | null;
  agentsOnline: number;
  callbackRequested: boolean;
}

export interface WaitingConversation {
  id: string;
  language: string;
  priority: string | null;
  required_skills: string[];
  waiting_since: Date | null;
  callback_requested_at: Date | null;
}

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2 };
const rank = sql<number>`(case c.priority when 'urgent' then 0 when 'high' then 1 else 2 end)`;

/**
 * Mean handle time of the last 50 conversations people finished (assignment to the earning paid when
 * they closed it or handed it back), else the default. Read from the earnings ledger's own index, so
 * it costs the same however many conversations exist.
 */
export async function recentHandleSeconds(db: Db, fallback: number): Promise<number> {
  const row = await sql<{ mean: number | null }>`
    select avg(extract(epoch from (recent.finished_at - recent.assigned_at)))::float8 as mean
    from (select e.created_at as finished_at, c.assigned_at
          from agent_earnings e join conversations c on c.id = e.conversation_id
          where e.kind = 'conversation' and c.assigned_at is not null and e.created_at > c.assigned_at
          order by e.created_at desc limit 50) recent`.execute(db);
  const mean = row.rows[0]?.mean;
  return mean && Number.isFinite(Number(mean)) ? Math.max(Number(mean), 1) : fallback;
}

/**
 * Position and an honest wait estimate. Position counts conversations needing the same kind
 * of agent (language and skills) ahead by priority, then waiting time. The estimate is zero
 * while those agents have free slots for everyone ahead; beyond that, the conversations ahead
 * divided by how fast the online agents finish conversations (their slots over the recent
 * mean handle time).
 */
export async function queueStatus(
  db: Db,
  conversation: WaitingConversation,
  config: DispatchConfig,
  now: Date,
  handleSeconds?: number,
): Promise<QueueStatus> {
  const since = conversation.waiting_since ?? now;
  const selfRank = PRIORITY_RANK[conversation.priority ?? 'normal'] ?? 2;
  const skills = conversation.required_skills;
  const sameSkills = skills.length
    ? sql`c.required_skills @> array[${sql.join(skills)}]::text[] and c.required_skills <@ array[${sql.join(skills)}]::text[]`
    : sql`cardinality(c.required_skills) = 0`;
  const ahead = await sql<{ n: number }>`
    select count(*)::int as n from conversations c
    where c.status = 'waiting_for_human' and c.id <> ${conversation.id}
      and c.language = ${conversation.language} and ${sameSkills}
      and (${rank} < ${selfRank}
        or (${rank} = ${selfRank} and (c.waiting_since < ${since}
          or (c.waiting_since = ${since} and c.id < ${conversation.id}))))`.execute(db);
  const position = Number(ahead.rows[0]?.n ?? 0) + 1;
  const need = { language: conversation.language, requiredSkills: skills };
  const supply = await onlineSupply(db, need, new Date(now.getTime() - config.presenceTimeoutMs));
  const callbackRequested = conversation.callback_requested_at !== null;
  if (supply.agentsOnline === 0) return { position, etaSeconds: null, agentsOnline: 0, callbackRequested };
  const waitingFor = position - supply.freeSlots;
  if (waitingFor <= 0)
    return { position, etaSeconds: 0, agentsOnline: supply.agentsOnline, callbackRequested };
  const meanHandle = handleSeconds ?? (await recentHandleSeconds(db, config.defaultHandleSeconds));
  const perSecond = supply.totalSlots / meanHandle;
  return {
    position,
    etaSeconds: Math.ceil(waitingFor / perSecond),
    agentsOnline: supply.agentsOnline,
    callbackRequested,
  };
}
