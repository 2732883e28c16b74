import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Skills an agent needs for a handoff queue; general help needs none beyond the language. */
export function skillsForQueue(queue: string): string[] {
  if (queue === 'hardship' || queue === 'complaints' || queue === 'fraud' || queue === 'disputes')
    return [queue];
  if (queue === 'dispute') return ['disputes'];
  return [];
}

export interface NeededAgent {
  language: string;
  requiredSkills: string[];
}

export interface CandidateAgent {
  id: string;
  staff_user_id: string;
  display_name: string;
  max_concurrent: number;
  active: number;
}

/** Conversations each agent has now: one grouped read of the partial index, not one count per agent. */
function activeByAgent(db: Db) {
  return db
    .selectFrom('conversations')
    .select(['assigned_agent_id as agent_id', sql<number>`count(*)::int`.as('n')])
    .where('status', '=', 'with_human')
    .where('assigned_agent_id', 'is not', null)
    .groupBy('assigned_agent_id')
    .as('act');
}

const activeCount = sql<number>`coalesce(act.n, 0)`;

/** Approved, heartbeating agents who speak the language and have every required skill. */
function eligibleOnline(db: Db, need: NeededAgent, onlineAfter: Date) {
  let q = db
    .selectFrom('agents as a')
    .innerJoin('agent_presence as p', 'p.agent_id', 'a.id')
    .leftJoin(activeByAgent(db), 'act.agent_id', 'a.id')
    .where('a.status', '=', 'approved')
    .where('p.online', '=', true)
    .where('p.last_heartbeat_at', '>', onlineAfter)
    .where(sql<boolean>`${need.language} = any(a.languages)`);
  if (need.requiredSkills.length) {
    q = q.where(sql<boolean>`a.skills @> array[${sql.join(need.requiredSkills)}]::text[]`);
  }
  return q;
}

/** Of those, the ones with room for another conversation and no open offer. */
function freeAgents(db: Db, need: NeededAgent, onlineAfter: Date) {
  return eligibleOnline(db, need, onlineAfter)
    .where(activeCount, '<', sql<number>`a.max_concurrent`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dispatch_offers as o')
            .select(sql`1`.as('one'))
            .whereRef('o.agent_id', '=', 'a.id')
            .where('o.status', '=', 'pending'),
        ),
      ),
    );
}

/** Enough of the longest idle to rank by rating among equals (idle times are rarely equal). */
const IDLE_SHORTLIST = 50;

/**
 * Agents who could take the conversation now, best first, like a ride-hailing match:
 * capacity left, no open offer, not one who already declined or let an offer for it expire;
 * then longest idle (last took or finished a conversation, else since they came online),
 * then the best mean CSAT.
 */
export async function bestAgents(
  db: Db,
  conversationId: string,
  need: NeededAgent,
  onlineAfter: Date,
  limit: number,
): Promise<CandidateAgent[]> {
  const idle = sql<Date | null>`coalesce(p.last_assigned_at, p.online_since)`;
  const shortlist = await freeAgents(db, need, onlineAfter)
    .select(['a.id', 'a.staff_user_id', 'a.display_name', 'a.max_concurrent', activeCount.as('active')])
    .select(idle.as('idle_since'))
    .where((eb) =>
      eb(
        'a.id',
        'not in',
        eb
          .selectFrom('dispatch_offers as o')
          .select('o.agent_id')
          .where('o.conversation_id', '=', conversationId)
          .where('o.status', 'in', ['declined', 'expired']),
      ),
    )
    .orderBy(idle, (ob) => ob.asc().nullsFirst())
    .orderBy('a.id')
    .limit(Math.max(limit, IDLE_SHORTLIST))
    .execute();
  if (shortlist.length === 0) return [];
  const idleMs = (d: Date | null) => (d ? new Date(d).getTime() : Number.NEGATIVE_INFINITY);
  // Ratings only break ties in idle time, which are rare: read them only when one decides the top.
  const top = shortlist.slice(0, limit + 1);
  const tied = top.some((a, i) => i > 0 && idleMs(a.idle_since) === idleMs(top[i - 1]!.idle_since));
  const ratings = new Map<string, number>();
  if (tied) {
    const rows = await db
      .selectFrom('conversation_ratings')
      .select(['agent_id', sql<number>`avg(score)::float8`.as('mean')])
      .where(
        'agent_id',
        'in',
        shortlist.map((a) => a.id),
      )
      .groupBy('agent_id')
      .execute();
    for (const r of rows) if (r.agent_id) ratings.set(r.agent_id, Number(r.mean));
  }
  return shortlist
    .sort(
      (x, y) =>
        idleMs(x.idle_since) - idleMs(y.idle_since) ||
        (ratings.get(y.id) ?? -1) - (ratings.get(x.id) ?? -1) ||
        (x.id < y.id ? -1 : 1),
    )
    .slice(0, limit)
    .map(({ idle_since: _idle, ...agent }) => agent);
}

/** Whether any such agent could take a conversation now (room left, no open offer), whoever it is for. */
export async function anyAgentFree(db: Db, need: NeededAgent, onlineAfter: Date): Promise<boolean> {
  const row = await freeAgents(db, need, onlineAfter).select('a.id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** How many such agents are online and how much room they have, for the queue estimate. */
export async function onlineSupply(
  db: Db,
  need: NeededAgent,
  onlineAfter: Date,
): Promise<{ agentsOnline: number; freeSlots: number; totalSlots: number }> {
  const row = await eligibleOnline(db, need, onlineAfter)
    .select([
      sql<number>`count(*)::int`.as('agents'),
      sql<number>`coalesce(sum(greatest(a.max_concurrent - ${activeCount}, 0)), 0)::int`.as('free'),
      sql<number>`coalesce(sum(a.max_concurrent), 0)::int`.as('total'),
    ])
    .executeTakeFirstOrThrow();
  return { agentsOnline: Number(row.agents), freeSlots: Number(row.free), totalSlots: Number(row.total) };
}
