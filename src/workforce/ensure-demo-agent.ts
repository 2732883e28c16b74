import { systemActor, writeAudit } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';

/** The demo agent account gets an approved profile, so a fresh demo has someone to dispatch to. */
export async function ensureDemoAgent(db: Sql, email = 'agent@tandem.demo'): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom('staff_users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .executeTakeFirst();
    if (!staff) return false;
    const agent = await trx
      .insertInto('agents')
      .values({
        id: newId(),
        staff_user_id: staff.id,
        display_name: 'Alva',
        languages: ['en', 'sv'],
        skills: ['disputes', 'hardship', 'complaints'],
        certification: 'certified',
        status: 'approved',
        approved_at: new Date(),
      })
      .onConflict((oc) => oc.column('staff_user_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!agent) return false;
    await trx.insertInto('agent_presence').values({ agent_id: agent.id, online: false }).execute();
    await writeAudit(trx, systemActor, {
      action: 'agent.approved',
      entityType: 'agent',
      entityId: agent.id,
      after: { status: 'approved', demo: true },
    });
    return true;
  });
}
