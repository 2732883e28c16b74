import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../identity/staff-users.js';
import { systemActor } from '../platform/audit/write-audit.js';
import { type Database, openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { newId } from '../platform/ids.js';
import { bestAgents } from './eligible-agents.js';

/* The ride-hailing match on its own: who is offered a conversation first. */
describe('bestAgents', () => {
  let database: Database;
  const now = new Date('2026-11-22T10:00:00Z');
  const need = { language: 'sv', requiredSkills: [] };
  const conversationId = newId();

  async function agent(name: string, idleSince: Date, options: { scores?: number[]; busy?: number } = {}) {
    const { db } = database;
    const user = await createStaffUser(db, systemActor, {
      email: `${name}@example.com`,
      name,
      password: 'a-long-test-password-1',
      roles: ['agent'],
    });
    const id = newId();
    await db
      .insertInto('agents')
      .values({
        id,
        staff_user_id: user.id,
        display_name: name,
        languages: ['sv'],
        status: 'approved',
        max_concurrent: 2,
      })
      .execute();
    await db
      .insertInto('agent_presence')
      .values({ agent_id: id, online: true, last_heartbeat_at: now, online_since: idleSince })
      .execute();
    for (const score of options.scores ?? []) {
      const rated = newId();
      await db
        .insertInto('conversations')
        .values({
          id: rated,
          customer_id: null,
          channel: 'chat',
          status: 'closed',
          language: 'sv',
          created_at: now,
          updated_at: now,
          closed_at: now,
        })
        .execute();
      await db
        .insertInto('conversation_ratings')
        .values({ conversation_id: rated, score, handled_by: 'human', agent_id: id })
        .execute();
    }
    for (let i = 0; i < (options.busy ?? 0); i++) {
      await db
        .insertInto('conversations')
        .values({
          id: newId(),
          customer_id: null,
          channel: 'chat',
          status: 'with_human',
          language: 'sv',
          assigned_agent_id: id,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    return name;
  }

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' });
    await migrate(database);
    await database.db
      .insertInto('conversations')
      .values({
        id: conversationId,
        customer_id: null,
        channel: 'chat',
        status: 'waiting_for_human',
        language: 'sv',
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => database?.close());

  it('puts the longest idle first, breaks equal idle times by rating, and skips agents who are full', async () => {
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    await agent('recent', minutesAgo(1), { scores: [5, 5] });
    await agent('idle-low', minutesAgo(30), { scores: [2, 3] });
    await agent('idle-high', minutesAgo(30), { scores: [5, 4] });
    await agent('idle-unrated', minutesAgo(30));
    await agent('idlest-but-full', minutesAgo(90), { busy: 2 });
    await agent('middle', minutesAgo(10));

    const ranked = await bestAgents(database.db, conversationId, need, minutesAgo(5), 5);
    expect(ranked.map((a) => a.display_name)).toEqual([
      'idle-high',
      'idle-low',
      'idle-unrated',
      'middle',
      'recent',
    ]);
    expect(ranked.every((a) => a.active < a.max_concurrent)).toBe(true);
  });
});
