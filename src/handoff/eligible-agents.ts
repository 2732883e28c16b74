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

const activeCount = sql<number>`(select count(*)::int from conversations c where c.assigned_agent_id = a.id and c.status = 'with_human')`;

/** Approved, heartbeating agents who speak the language and have every required skill. */
function eligibleOnline(db: Db, need: NeededAgent, onlineAfter: Date) {
  let q = db
    .selectFrom('agents as a')
    .innerJoin('agent_presence as p', 'p.agent_id', 'a.id')
    .where('a.status', '=', 'approved')
    .where('p.online', '=', true)
    .where('p.last_heartbeat_at', '>', onlineAfter)
    .where(sql<boolean>`${need.language} = any(a.languages)`);
  if (need.requiredSkills.length) {
    q = q.where(sql<boolean>`a.skills @> array[${sql.join(need.requiredSkills)}]::text[]`);
  }
  return q;
}

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
  return eligibleOnline(db, need, onlineAfter)
    .select(['a.id', 'a.staff_user_id', 'a.display_name', 'a.max_concurrent', activeCount.as('active')])
    .where(activeCount, '<', sql<number>`a.max_concurrent`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dispatch_offers as o')
            .select(sql`1`.as('one'))
            .whereRef('o.agent_id', '=', 'a.id')
            .where((eb) =>
              eb.or([
                eb('o.status', '=', 'pending'),
                eb.and([
                  eb('o.conversation_id', '=', conversationId),
                  eb('o.status', 'in', ['declined', 'expired']),
                ]),
              ]),
            ),
        ),
      ),
    )
    .orderBy(sql`coalesce(p.last_assigned_at, p.online_since)`, (ob) => ob.asc().nullsFirst())
    .orderBy(sql`(select avg(r.score) from conversation_ratings r where r.agent_id = a.id)`, (ob) =>
      ob.desc().nullsLast(),
    )
    .orderBy('a.id')
    .limit(limit)
    .execute();
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
