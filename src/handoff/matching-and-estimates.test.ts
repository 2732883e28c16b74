import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedAgent } from '../../test/support/handoff.js';
import { RecordingEventBus } from '../../test/support/recording-event-bus.js';
import type { ConversationStatus } from '../conversations/assistant-port.js';
import { fixedClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { type Database, openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import type { DB } from '../platform/db/schema.js';
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

  /** An approved agent online since `onlineSince` (their idle start when they have taken nothing yet). */
  async function onlineAgent(name: string, language: string, onlineSince: Date, maxConcurrent: number) {
    const { agentId } = await approvedAgent(database.db, {
      email: `${name}@example.com`,
      name,
      displayName: name,
      password: 'a-long-test-password-1',
      languages: [language],
      maxConcurrent,
    });
    await database.db
      .insertInto('agent_presence')
      .values({ agent_id: agentId, online: true, last_heartbeat_at: now, online_since: onlineSince })
      .execute();
    return agentId;
  }

  /** A conversation row with the fields every test here leaves alone filled in. */
  async function conversation(
    values: Partial<Insertable<DB['conversations']>> & { status: ConversationStatus },
  ) {
    const id = values.id ?? newId();
    await database.db
      .insertInto('conversations')
      .values({
        customer_id: null,
        channel: 'chat',
        language: 'sv',
        created_at: now,
        updated_at: now,
        closed_at: values.status === 'closed' ? now : null,
        ...values,
        id,
      })
      .execute();
    return id;
  }

  async function agent(name: string, idleSince: Date, options: { scores?: number[]; busy?: number } = {}) {
    const id = await onlineAgent(name, 'sv', idleSince, 2);
    for (const score of options.scores ?? []) {
      const rated = await conversation({ status: 'closed' });
      await database.db
        .insertInto('conversation_ratings')
        .values({ conversation_id: rated, score, handled_by: 'human', agent_id: id })
        .execute();
    }
    for (let i = 0; i < (options.busy ?? 0); i++) {
      await conversation({ status: 'with_human', assigned_agent_id: id });
    }
    return name;
  }

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' });
    await migrate(database);
    await conversation({ id: conversationId, status: 'waiting_for_human' });
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
    const { agentId } = await approvedAgent(db, {
      email: 'timer@example.com',
      name: 'Timer',
      displayName: 'Timer',
      password: 'a-long-test-password-1',
    });
    // One closed after 4 minutes, one handed back to the assistant after 2.
    for (const [status, minutes] of [
      ['closed', 4],
      ['bot', 2],
    ] as const) {
      const assignedAt = new Date(now.getTime() - minutes * 60_000);
      const id = await conversation({
        status,
        language: 'en',
        assigned_agent_id: agentId,
        assigned_at: assignedAt,
        created_at: assignedAt,
      });
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
    const waiting = (minutesAgo: number) =>
      conversation({
        status: 'waiting_for_human',
        language: 'nl',
        priority: 'normal',
        queue: 'general',
        waiting_since: new Date(now.getTime() - minutesAgo * 60_000),
      });
    const noor = await onlineAgent('Noor', 'nl', now, 1);
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
