import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { Sql } from '../platform/db/database.js';
import type { StaffRole } from '../platform/db/schema.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import type { EventBus } from '../platform/events/event-bus.js';
import { newId } from '../platform/ids.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { revokeAllSessionsOf } from './staff-sessions.js';

export interface StaffUserView {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  status: 'active' | 'disabled';
  lastLoginAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
}

type StaffRow = {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  status: 'active' | 'disabled';
  last_login_at: Date | null;
  locked_until: Date | null;
  created_at: Date;
};

export function staffView(row: StaffRow): StaffUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    status: row.status,
    lastLoginAt: row.last_login_at,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

const STAFF_COLUMNS = [
  'id',
  'email',
  'name',
  'roles',
  'status',
  'last_login_at',
  'locked_until',
  'created_at',
] as const;

export async function createStaffUser(
  db: Sql,
  actor: Actor,
  input: { email: string; name: string; password: string; roles: StaffRole[] },
  events?: EventBus,
): Promise<StaffUserView> {
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError(422, 'unprocessable', problem);
  if (input.roles.length === 0)
    throw new AppError(422, 'unprocessable', 'A staff user needs at least one role');
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('staff_users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (existing) throw conflict('A staff user with this email already exists');
    const row = await trx
      .insertInto('staff_users')
      .values({
        id: newId(),
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
        roles: [...new Set(input.roles)],
      })
      .returning(STAFF_COLUMNS)
      .executeTakeFirstOrThrow();
    const view = staffView(row);
    await writeAudit(trx, actor, {
      action: 'staff_user.created',
      entityType: 'staff_user',
      entityId: row.id,
      after: view,
    });
    await events?.publish('staff', 'staff_user.created', view, trx);
    return view;
  });
}

export async function updateStaffUser(
  db: Sql,
  actor: Actor,
  id: string,
  input: {
    name?: string | undefined;
    roles?: StaffRole[] | undefined;
    status?: 'active' | 'disabled' | undefined;
    password?: string | undefined;
    /** Clears a login lockout. */
    unlock?: boolean | undefined;
  },
  now: Date,
  events?: EventBus,
): Promise<StaffUserView> {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new AppError(422, 'unprocessable', problem);
  }
  if (input.roles && input.roles.length === 0)
    throw new AppError(422, 'unprocessable', 'A staff user needs at least one role');
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('staff_users')
      .select(STAFF_COLUMNS)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('Staff user');
    if (actor.id === id && input.status === 'disabled') {
      throw new AppError(422, 'unprocessable', 'You cannot disable your own account');
    }
    if (actor.id === id && input.roles && !input.roles.includes('admin') && before.roles.includes('admin')) {
      throw new AppError(422, 'unprocessable', 'You cannot remove your own admin role');
    }
    const row = await trx
      .updateTable('staff_users')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(passwordHash !== undefined ? { password_hash: passwordHash } : {}),
        ...(passwordHash !== undefined || input.unlock ? { failed_login_count: 0, locked_until: null } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .returning(STAFF_COLUMNS)
      .executeTakeFirstOrThrow();
    // Disabling, a role change or a new password ends existing sessions at once.
    if (input.status === 'disabled' || input.roles !== undefined || passwordHash !== undefined) {
      await revokeAllSessionsOf(trx, id, now);
    }
    await writeAudit(trx, actor, {
      action: 'staff_user.updated',
      entityType: 'staff_user',
      entityId: id,
      before: staffView(before),
      after: { ...staffView(row), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    await events?.publish('staff', 'staff_user.updated', staffView(row), trx);
    return staffView(row);
  });
}

export async function listStaffUsers(db: Sql): Promise<StaffUserView[]> {
  const rows = await db.selectFrom('staff_users').select(STAFF_COLUMNS).orderBy('created_at').execute();
  return rows.map(staffView);
}
