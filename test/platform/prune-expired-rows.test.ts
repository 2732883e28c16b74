import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.js';
import { pruneExpiredRows } from '../../src/platform/maintenance/prune-expired-rows.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('pruning expired rows', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase('pglite');
  });
  afterAll(async () => tdb?.close());

  it('removes old sessions, attempts, payloads and finished jobs, and keeps recent ones and the audit log', async () => {
    const db = tdb.database.db;
    const now = new Date('2026-06-01T12:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const staffId = newId();
    await db
      .insertInto('staff_users')
      .values({ id: staffId, email: 's@example.com', name: 'S', password_hash: 'x', roles: ['agent'] })
      .execute();
    await db
      .insertInto('staff_sessions')
      .values([
        {
          id: 'old',
          staff_user_id: staffId,
          csrf_token: 'c',
          expires_at: daysAgo(10),
          ip: null,
          user_agent: null,
        },
        {
          id: 'live',
          staff_user_id: staffId,
          csrf_token: 'c',
          expires_at: daysAgo(-1),
          ip: null,
          user_agent: null,
        },
      ])
      .execute();
    await db
      .insertInto('login_attempts')
      .values([
        { email_hash: 'h', ip: '1.1.1.1', success: false, attempted_at: daysAgo(2) },
        { email_hash: 'h', ip: '1.1.1.1', success: false, attempted_at: now },
      ])
      .execute();
    await db
      .insertInto('jobs')
      .values([
        { queue: 'q', payload: '{}', status: 'done', finished_at: daysAgo(8) },
        { queue: 'q', payload: '{}', status: 'queued' },
      ])
      .execute();
    await db
      .insertInto('audit_log')
      .values({
        actor_type: 'system',
        actor_id: null,
        action: 'x',
        entity_type: 'y',
        entity_id: null,
        before: null,
        after: null,
        reason: null,
        request_id: null,
        occurred_at: daysAgo(400),
      })
      .execute();

    const result = await pruneExpiredRows(db, now);
    expect(result).toMatchObject({ sessions: 1, loginAttempts: 1, jobs: 1 });
    const sessions = await db.selectFrom('staff_sessions').select('id').execute();
    expect(sessions.map((s) => s.id)).toEqual(['live']);
    expect(await db.selectFrom('jobs').select('status').execute()).toEqual([{ status: 'queued' }]);
    expect(await db.selectFrom('audit_log').select('action').execute()).toHaveLength(1);
  });
});
