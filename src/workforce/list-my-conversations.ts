import { z } from 'zod';
import { type ConversationRow, handoffOf, messageViewSchema } from '../conversations/conversation-views.js';
import type { Sql } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';

export const myConversationSchema = z.object({
  id: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable().describe('Null for an anonymous (unverified) visitor'),
  language: z.string(),
  queue: z.string().nullable(),
  priority: z.enum(['normal', 'high', 'urgent']).nullable(),
  reason: z.string().nullable().describe('The handoff reason code'),
  assignedAt: z.string().nullable(),
  lastMessage: z
    .object({ role: messageViewSchema.shape.role, text: z.string(), createdAt: z.string() })
    .nullable(),
});
export type MyConversation = z.infer<typeof myConversationSchema>;
type LastMessage = NonNullable<MyConversation['lastMessage']>;

/**
 * The conversations a person is working on now: assigned to the caller's agent profile and still
 * `with_human`, oldest assignment first (the one waiting longest for them on top). A staff user
 * without an agent profile gets 404, as on `GET /agents/me`.
 */
export async function listMyConversations(db: Sql, staffUserId: string): Promise<MyConversation[]> {
  const agent = await db
    .selectFrom('agents')
    .select('id')
    .where('staff_user_id', '=', staffUserId)
    .executeTakeFirst();
  if (!agent) throw notFound('Agent profile (sign up first)');
  const rows = await db
    .selectFrom('conversations as c')
    .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
    .selectAll('c')
    .select(['cu.given_name', 'cu.family_name'])
    .where('c.assigned_agent_id', '=', agent.id)
    .where('c.status', '=', 'with_human')
    .orderBy('c.assigned_at')
    .orderBy('c.id')
    .execute();
  if (rows.length === 0) return [];
  // One query for every conversation's newest message, whatever their number.
  const last = await db
    .selectFrom('conversation_messages')
    .distinctOn('conversation_id')
    .select(['conversation_id', 'role', 'text', 'created_at'])
    .where(
      'conversation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('conversation_id')
    .orderBy('seq', 'desc')
    .execute();
  const lastOf = new Map(last.map((m) => [m.conversation_id, m]));
  return rows.map((row) => toMyConversation(row, lastOf.get(row.id)));
}

function toMyConversation(
  row: ConversationRow & { given_name: string | null; family_name: string | null },
  last: { role: LastMessage['role']; text: string; created_at: Date } | undefined,
): MyConversation {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.given_name ? `${row.given_name} ${row.family_name ?? ''}`.trim() : null,
    language: row.language,
    queue: row.queue,
    priority: row.priority,
    reason: handoffOf(row)?.reason ?? null,
    assignedAt: row.assigned_at?.toISOString() ?? null,
    lastMessage: last ? { role: last.role, text: last.text, createdAt: last.created_at.toISOString() } : null,
  };
}
