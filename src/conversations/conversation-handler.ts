import type { Transaction } from 'kysely';
import type { Principal } from '../identity/principal.js';
import type { Sql } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { lockConversation } from './conversation-store.js';
import type { ConversationRow } from './conversation-views.js';

type Trx = Transaction<DB>;
type Staff = Extract<Principal, { kind: 'staff' }>;

/** Who acts on a conversation a person handles: the staff user and, when they have one, their agent profile. */
export interface Handler {
  staffUserId: string;
  /** Their agent profile (id, name), or null for a supervisor or admin without one. */
  agent: { id: string; displayName: string } | null;
  /** Supervisors and admins may act on any conversation; agents only on their own. */
  overseer: boolean;
}

/**
 * Locks the conversation and checks that `principal` may act on it as the person handling it:
 * the agent it is assigned to, or a supervisor or admin. Anyone else gets 403 with a reason.
 */
export async function lockForHandler(
  trx: Trx,
  principal: Staff,
  conversationId: string,
): Promise<{ conversation: ConversationRow; handler: Handler }> {
  const conversation = await lockConversation(trx, conversationId);
  if (!conversation) throw notFound('Conversation');
  const handler = await handlerFor(trx, principal, conversation);
  return { conversation, handler };
}

/** The same check on a conversation already read (no lock), for reads such as the summary and notes. */
export async function handlerFor(
  db: Trx | Sql,
  principal: Staff,
  conversation: Pick<ConversationRow, 'assigned_agent_id'>,
): Promise<Handler> {
  const overseer = principal.roles.includes('supervisor') || principal.roles.includes('admin');
  const agent = await db
    .selectFrom('agents')
    .select(['id', 'display_name', 'status'])
    .where('staff_user_id', '=', principal.staffUserId)
    .executeTakeFirst();
  const assigned = agent !== undefined && agent.id === conversation.assigned_agent_id;
  if (!overseer) {
    if (!principal.roles.includes('agent') || !agent) {
      throw new AppError(403, 'forbidden', 'Only agents, supervisors and admins can act on conversations');
    }
    if (agent.status !== 'approved') {
      throw new AppError(403, 'forbidden', 'Your agent profile is not approved');
    }
    if (!assigned) {
      throw new AppError(403, 'forbidden', 'This conversation is not assigned to you');
    }
  }
  return {
    staffUserId: principal.staffUserId,
    agent:
      agent && (assigned || agent.status === 'approved')
        ? { id: agent.id, displayName: agent.display_name }
        : null,
    overseer,
  };
}
