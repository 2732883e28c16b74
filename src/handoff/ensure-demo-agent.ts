import type { Sql } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';

/**
 * Gives the demo agent (agent@tandem.demo) an approved agent profile, so a fresh demo has
 * someone who can take conversations. Idempotent: an existing profile is left as it is.
 */
export async function ensureDemoAgent(db: Sql, now: Date = new Date()): Promise<boolean> {
  const staff = await db
    .selectFrom('staff_users')
    .select(['id', 'name'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', 'agent@tandem.demo'))
    .executeTakeFirst();
  if (!staff) return false;
  const inserted = await db
    .insertInto('agents')
    .values({
      id: newId(),
      staff_user_id: staff.id,
      display_name: staff.name.split(' ')[0] ?? staff.name,
      languages: ['en', 'sv'],
      skills: ['disputes', 'hardship', 'complaints', 'fraud'],
      certification: 'certified',
      status: 'approved',
      approved_at: now,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('staff_user_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
