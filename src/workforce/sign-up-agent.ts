import { isUniqueViolation } from '../orders/domain.js';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import type { AgentCertification } from '../platform/db/schema.js';
import { conflict } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { AgentRow } from './agent-views.js';

export interface AgentProfileInput {
  displayName: string;
  languages: string[];
  skills: string[];
  certification: AgentCertification;
  maxConcurrent?: number | undefined;
}

/** A staff user with the agent role creates their profile; it waits for a supervisor's approval. */
export async function signUpAgent(
  db: Sql,
  actor: Actor,
  staffUserId: string,
  input: AgentProfileInput,
  now: Date,
): Promise<AgentRow> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('agents')
        .values({
          id: newId(),
          staff_user_id: staffUserId,
          display_name: input.displayName,
          languages: [...new Set(input.languages)],
          skills: [...new Set(input.skills)],
          certification: input.certification,
          ...(input.maxConcurrent ? { max_concurrent: input.maxConcurrent } : {}),
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.insertInto('agent_presence').values({ agent_id: row.id, online: false }).execute();
      await writeAudit(trx, actor, {
        action: 'agent.signed_up',
        entityType: 'agent',
        entityId: row.id,
        after: { languages: row.languages, skills: row.skills, certification: row.certification },
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('You already have an agent profile');
    throw err;
  }
}
