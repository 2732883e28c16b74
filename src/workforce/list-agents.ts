import type { Transaction } from 'kysely';
import type { Sql } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import type { AgentRow, PresenceFields } from './agent-views.js';

type Db = Sql | Transaction<DB>;

function agentsWithPresence(db: Db) {
  return db
    .selectFrom('agents as a')
    .leftJoin('agent_presence as p', 'p.agent_id', 'a.id')
    .selectAll('a')
    .select(['p.online', 'p.last_heartbeat_at']);
}

export async function listAgents(
  db: Db,
  filter: { status?: AgentRow['status'] | undefined } = {},
): Promise<(AgentRow & PresenceFields)[]> {
  let q = agentsWithPresence(db).orderBy('a.created_at');
  if (filter.status) q = q.where('a.status', '=', filter.status);
  return q.execute();
}

export async function getAgent(db: Db, agentId: string): Promise<AgentRow & PresenceFields> {
  const row = await agentsWithPresence(db).where('a.id', '=', agentId).executeTakeFirst();
  if (!row) throw notFound('Agent');
  return row;
}

/** The calling staff user's agent profile; 404 tells them to sign up first. */
export async function agentOfStaff(db: Db, staffUserId: string): Promise<AgentRow & PresenceFields> {
  const row = await agentsWithPresence(db).where('a.staff_user_id', '=', staffUserId).executeTakeFirst();
  if (!row) throw notFound('Agent profile (sign up first)');
  return row;
}
