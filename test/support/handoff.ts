import { queueDeps, requestHandoff } from '../../src/conversations/conversation-store.js';
import { createStaffUser } from '../../src/identity/staff-users.js';
import { systemActor } from '../../src/platform/audit/write-audit.js';
import type { Sql } from '../../src/platform/db/database.js';
import type { HandoffPriority } from '../../src/platform/db/schema.js';
import { newId } from '../../src/platform/ids.js';
import type { TestServer } from './test-server.js';

/** Shared set-up for tests of the human side: agents, handed-over conversations, assignment. */

/** A staff user with role agent and an approved agent profile, created directly (no sign-up flow). */
export async function approvedAgent(
  db: Sql,
  input: {
    email: string;
    name: string;
    displayName: string;
    password: string;
    languages?: string[];
    maxConcurrent?: number;
  },
): Promise<{ staffUserId: string; agentId: string }> {
  const user = await createStaffUser(db, systemActor, {
    email: input.email,
    name: input.name,
    password: input.password,
    roles: ['agent'],
  });
  const agentId = newId();
  await db
    .insertInto('agents')
    .values({
      id: agentId,
      staff_user_id: user.id,
      display_name: input.displayName,
      languages: input.languages ?? ['en'],
      status: 'approved',
      ...(input.maxConcurrent ? { max_concurrent: input.maxConcurrent } : {}),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  return { staffUserId: user.id, agentId };
}

/** A conversation the assistant hands over, through the real `requestHandoff` (summary, queue, job). */
export async function handedOverConversation(
  server: TestServer,
  options: {
    language: string;
    queue?: string;
    priority?: HandoffPriority;
    customerId?: string | null;
    reason?: string;
  },
): Promise<string> {
  const deps = server.app.deps;
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const now = new Date();
    const row = await trx
      .insertInto('conversations')
      .values({
        id,
        customer_id: options.customerId ?? null,
        channel: 'chat',
        status: 'bot',
        language: options.language,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await requestHandoff(
      trx,
      queueDeps(deps),
      systemActor,
      row,
      {
        reason: options.reason ?? 'test',
        priority: options.priority ?? 'normal',
        queue: options.queue ?? 'general',
      },
      now,
    );
  });
  return id;
}

/** What dispatch does when the agent accepts the offer. */
export async function assignConversation(
  server: TestServer,
  conversationId: string,
  agentId: string,
  assignedAt = new Date(),
): Promise<void> {
  await server.app.deps.db
    .updateTable('conversations')
    .set({ status: 'with_human', assigned_agent_id: agentId, assigned_at: assignedAt })
    .where('id', '=', conversationId)
    .execute();
}
