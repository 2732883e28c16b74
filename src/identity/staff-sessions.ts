import type { Sql } from '../platform/db/database.js';
import type { StaffRole } from '../platform/db/schema.js';
import { randomToken, sha256 } from './tokens.js';

export const SESSION_COOKIE = 'tandem_session';

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; name: string; roles: StaffRole[] };
}

/** Creates a session; the raw token goes in the cookie, only its hash is stored. */
export async function createStaffSession(
  db: Sql,
  input: { staffUserId: string; ttlMs: number; ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await db
    .insertInto('staff_sessions')
    .values({
      id: sha256(token),
      staff_user_id: input.staffUserId,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      expires_at: expiresAt,
      created_at: input.now,
      last_seen_at: input.now,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function resolveStaffSession(
  db: Sql,
  token: string,
  now: Date,
): Promise<ResolvedSession | undefined> {
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.staff_user_id')
    .select(['s.id', 's.csrf_token', 's.last_seen_at', 'u.id as user_id', 'u.email', 'u.name', 'u.roles'])
    .where('s.id', '=', sha256(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  // Touch at most once a minute so busy consoles don't write on every request.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return {
    sessionId: row.id,
    csrfToken: row.csrf_token,
    user: { id: row.user_id, email: row.email, name: row.name, roles: row.roles },
  };
}

export async function revokeStaffSession(db: Sql, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('staff_sessions').set({ revoked_at: now }).where('id', '=', sessionId).execute();
}

export async function revokeAllSessionsOf(db: Sql, staffUserId: string, now: Date): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: now })
    .where('staff_user_id', '=', staffUserId)
    .where('revoked_at', 'is', null)
    .execute();
}
