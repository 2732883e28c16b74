import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import { createStaffUser } from '../identity/staff-users.js';
import { systemActor } from '../platform/audit/write-audit.js';
import { fixedClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { type Database, openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { newId } from '../platform/ids.js';
import { InlineJobQueue } from '../platform/queue/inline-job-queue.js';
import { dispatchWaiting } from './dispatch-conversation.js';
import { bestAgents } from './eligible-agents.js';
import { recentHandleSeconds } from './queue-status.js';

/* The ride-hailing match on its own (who is offered a conversation first) and the wait estimate's handle time. */
describe('matching agents and estimating waits', () => {
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

  it('estimates handle time from the conversations people last finished, closed or handed back', async () => {
    const { db } = database;
    expect(await recentHandleSeconds(db, 300)).toBe(300);
    const staff = await createStaffUser(db, systemActor, {
      email: 'timer@example.com',
      name: 'Timer',
      password: 'a-long-test-password-1',
      roles: ['agent'],
    });
    const agentId = newId();
    await db
      .insertInto('agents')
      .values({
        id: agentId,
        staff_user_id: staff.id,
        display_name: 'Timer',
        languages: ['en'],
        status: 'approved',
      })
      .execute();
    // One closed after 4 minutes, one handed back to the assistant after 2.
    for (const [status, minutes] of [
      ['closed', 4],
      ['bot', 2],
    ] as const) {
      const id = newId();
      const assignedAt = new Date(now.getTime() - minutes * 60_000);
      await db
        .insertInto('conversations')
        .values({
          id,
          customer_id: null,
          channel: 'chat',
          status,
          language: 'en',
          assigned_agent_id: agentId,
          assigned_at: assignedAt,
          created_at: assignedAt,
          updated_at: now,
          closed_at: status === 'closed' ? now : null,
        })
        .execute();
      await db
        .insertInto('agent_earnings')
        .values({
          id: newId(),
          agent_id: agentId,
          conversation_id: id,
          kind: 'conversation',
          amount_minor: 250,
          currency: 'USD',
          created_at: now,
        })
        .execute();
    }
    expect(await recentHandleSeconds(db, 300)).toBe(180);
  });

  it('dispatches a backlog past a conversation every free agent declined, and offers nothing when nobody is free', async () => {
    const { db } = database;
    const clock = fixedClock(now);
    const deps = {
      db,
      events: new RecordingEventBus(),
      jobs: new InlineJobQueue(),
      clock,
      dispatch: loadConfig({}).dispatch,
    };
    const waiting = async (minutesAgo: number) => {
      const id = newId();
      await db
        .insertInto('conversations')
        .values({
          id,
          customer_id: null,
          channel: 'chat',
          status: 'waiting_for_human',
          language: 'nl',
          required_skills: [],
          priority: 'normal',
          queue: 'general',
          waiting_since: new Date(now.getTime() - minutesAgo * 60_000),
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    };
    const user = await createStaffUser(db, systemActor, {
      email: 'nl@example.com',
      name: 'Noor',
      password: 'a-long-test-password-1',
      roles: ['agent'],
    });
    const noor = newId();
    await db
      .insertInto('agents')
      .values({
        id: noor,
        staff_user_id: user.id,
        display_name: 'Noor',
        languages: ['nl'],
        status: 'approved',
        max_concurrent: 1,
      })
      .execute();
    await db
      .insertInto('agent_presence')
      .values({ agent_id: noor, online: true, last_heartbeat_at: now, online_since: now })
      .execute();
    // Only this test's Dutch queue is waiting.
    await db
      .updateTable('conversations')
      .set({ status: 'closed', closed_at: now })
      .where('status', '=', 'waiting_for_human')
      .execute();
    const declined = await waiting(10);
    const next = await waiting(5);
    const last = await waiting(1);
    // Noor, the only Dutch agent, already declined the oldest one.
    await db
      .insertInto('dispatch_offers')
      .values({
        id: newId(),
        conversation_id: declined,
        agent_id: noor,
        status: 'declined',
        offered_at: now,
        expires_at: now,
      })
      .execute();

    expect(await dispatchWaiting(deps)).toBe(1);
    const offers = await db
      .selectFrom('dispatch_offers')
      .select(['conversation_id', 'status'])
      .where('agent_id', '=', noor)
      .where('status', '=', 'pending')
      .execute();
    expect(offers).toEqual([{ conversation_id: next, status: 'pending' }]);
    // Noor now holds an offer: nobody Dutch is free, so the rest waits and nothing more is offered.
    expect(await dispatchWaiting(deps)).toBe(0);
    expect(
      await db.selectFrom('dispatch_offers').select('id').where('conversation_id', '=', last).execute(),
    ).toEqual([]);
  });
});
