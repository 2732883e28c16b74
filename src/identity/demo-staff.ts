import type { Sql } from '../platform/db/database.js';
import type { StaffRole } from '../platform/db/schema.js';
import { createStaffUser } from './staff-users.js';

export const DEMO_STAFF_PASSWORD = 'tandem-demo';

/** One demo account per role, documented in the README; created only in demo mode. */
export const DEMO_STAFF: readonly { email: string; name: string; roles: StaffRole[] }[] = [
  { email: 'admin@tandem.demo', name: 'Ada Admin', roles: ['admin'] },
  { email: 'supervisor@tandem.demo', name: 'Sam Supervisor', roles: ['supervisor'] },
  { email: 'agent@tandem.demo', name: 'Alva Agent', roles: ['agent'] },
  { email: 'reviewer@tandem.demo', name: 'Riley Reviewer', roles: ['insights_reviewer'] },
  { email: 'product@tandem.demo', name: 'Pat Product', roles: ['product'] },
  { email: 'fraud@tandem.demo', name: 'Frida Fraud', roles: ['fraud_analyst'] },
];

export async function ensureDemoStaff(db: Sql): Promise<number> {
  let created = 0;
  for (const account of DEMO_STAFF) {
    const exists = await db
      .selectFrom('staff_users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', account.email))
      .executeTakeFirst();
    if (exists) continue;
    await createStaffUser(db, { type: 'system', id: null }, { ...account, password: DEMO_STAFF_PASSWORD });
    created++;
  }
  return created;
}
