import { writeAudit } from '../platform/audit/write-audit.js';
import type { AppConfig } from '../platform/config.js';
import type { Sql } from '../platform/db/database.js';
import type { StaffRole } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { createStaffSession } from './staff-sessions.js';
import { sha256 } from './tokens.js';

export interface LoginInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string; roles: StaffRole[] };
}

/**
 * Checks the per-IP rate limit, the per-account lockout, then the password.
 * Attempts are counted in the database so every server process sees the same numbers.
 */
export async function logInStaff(
  deps: { db: Sql; config: Pick<AppConfig, 'login' | 'sessionTtlMs'>; now: Date },
  input: LoginInput,
): Promise<LoginResult> {
  const { db, config, now } = deps;
  const emailHash = sha256(input.email.trim().toLowerCase());
  const minuteAgo = new Date(now.getTime() - 60_000);

  if (input.ip) {
    const recent = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', input.ip)
      .where('attempted_at', '>', minuteAgo)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= config.login.ratePerMinute) {
      throw new AppError(429, 'rate_limited', 'Too many login attempts from this address; wait a minute', {
        retryAfterSeconds: 60,
      });
    }
  }

  const user = await db
    .selectFrom('staff_users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.trim().toLowerCase()))
    .executeTakeFirst();

  const lockedUntil = user?.locked_until && user.locked_until > now ? user.locked_until : undefined;
  const unknownEmailLocked =
    !user && (await recentFailures(db, emailHash, now, config.login.lockoutMs)) >= config.login.maxFailures;
  if (lockedUntil || unknownEmailLocked) {
    await recordAttempt(db, emailHash, input.ip, false, now);
    const seconds = Math.ceil(
      ((lockedUntil?.getTime() ?? now.getTime() + config.login.lockoutMs) - now.getTime()) / 1000,
    );
    throw new AppError(
      423,
      'account_locked',
      `Too many failed attempts; try again in ${Math.ceil(seconds / 60)} minutes`,
      {
        retryAfterSeconds: seconds,
      },
    );
  }

  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.status !== 'active') {
    await recordAttempt(db, emailHash, input.ip, false, now);
    if (user) {
      const failures = user.failed_login_count + 1;
      const lock = failures >= config.login.maxFailures;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('staff_users')
          .set({
            failed_login_count: lock ? 0 : failures,
            locked_until: lock ? new Date(now.getTime() + config.login.lockoutMs) : user.locked_until,
          })
          .where('id', '=', user.id)
          .execute();
        if (lock) {
          await writeAudit(
            trx,
            { type: 'system', id: null },
            {
              action: 'staff_user.locked_out',
              entityType: 'staff_user',
              entityId: user.id,
              after: { lockedForMinutes: config.login.lockoutMs / 60_000 },
              reason: `${config.login.maxFailures} failed login attempts`,
            },
          );
        }
      });
    }
    throw new AppError(401, 'invalid_credentials', 'Email or password is incorrect');
  }

  await recordAttempt(db, emailHash, input.ip, true, now);
  await db
    .updateTable('staff_users')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: now })
    .where('id', '=', user.id)
    .execute();
  const session = await createStaffSession(db, {
    staffUserId: user.id,
    ttlMs: config.sessionTtlMs,
    ip: input.ip,
    userAgent: input.userAgent,
    now,
  });
  await writeAudit(
    db,
    { type: 'staff', id: user.id },
    {
      action: 'staff_user.logged_in',
      entityType: 'staff_user',
      entityId: user.id,
      after: { ip: input.ip, expiresAt: session.expiresAt },
    },
  );
  return { ...session, user: { id: user.id, email: user.email, name: user.name, roles: user.roles } };
}

async function recentFailures(db: Sql, emailHash: string, now: Date, windowMs: number): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email_hash', '=', emailHash)
    .where('success', '=', false)
    .where('attempted_at', '>', new Date(now.getTime() - windowMs))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function recordAttempt(db: Sql, emailHash: string, ip: string | null, success: boolean, now: Date) {
  await db
    .insertInto('login_attempts')
    .values({ email_hash: emailHash, ip, success, attempted_at: now })
    .execute();
}
