import type { Principal } from '../identity/principal.js';
import type { Sql } from '../platform/db/database.js';
import type { StaffRole } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { isUuid } from '../platform/ids.js';
import type { SocketHub } from '../platform/live/socket-hub.js';
import { findConversation } from './conversation-store.js';
import type { ConversationRow } from './conversation-views.js';

/** Staff who work conversations: they may read any conversation and follow its live topic. */
export const CONVERSATION_STAFF_ROLES: readonly StaffRole[] = ['agent', 'supervisor', 'admin'];

const isConversationStaff = (p: Principal | undefined) =>
  p?.kind === 'staff' && p.roles.some((r) => CONVERSATION_STAFF_ROLES.includes(r));

/**
 * Who may see a conversation:
 * - bound to a customer: that customer's token, or conversation staff;
 * - anonymous (no customer): whoever holds its id. The id is a random UUID v4 (122 bits),
 *   returned only to the client that started it, so holding it is the capability.
 * Everyone else gets 404, so a conversation's existence is not revealed either.
 */
export function mayRead(
  principal: Principal | undefined,
  conversation: Pick<ConversationRow, 'customer_id'>,
) {
  if (isConversationStaff(principal)) return true;
  if (conversation.customer_id === null) return true;
  return principal?.kind === 'customer' && principal.customerId === conversation.customer_id;
}

export async function readableConversation(
  db: Sql,
  principal: Principal | undefined,
  id: string,
): Promise<ConversationRow> {
  const conversation = await findConversation(db, id);
  if (!conversation || !mayRead(principal, conversation)) throw notFound('Conversation');
  return conversation;
}

/**
 * Customer messages come from the customer (or the anonymous id holder) only: staff
 * reading a conversation must not be able to speak as the customer. Checked on the row the
 * turn locks, so authorising a message costs no query of its own.
 */
export function assertWritable(
  principal: Principal | undefined,
  conversation: Pick<ConversationRow, 'customer_id'> | undefined,
): void {
  if (!conversation || !mayRead(principal, conversation)) throw notFound('Conversation');
  if (principal?.kind === 'staff') {
    throw new AppError(
      403,
      'forbidden',
      'Staff cannot post customer messages; agents reply from the handoff console',
    );
  }
}

/**
 * The writer as `storeCustomerMessage` checks it in SQL: a customer's id, null for anyone else
 * who is not staff (they may write only to anonymous conversations, as `mayRead` says), and
 * undefined for staff, who are refused by `assertWritable` on the transactional path.
 */
export function writerOf(principal: Principal | undefined): string | null | undefined {
  if (principal?.kind === 'staff') return undefined;
  return principal?.kind === 'customer' ? principal.customerId : null;
}

/**
 * Authorises `conversation:<id>` live topics: the conversation's customer and conversation
 * staff. A customer socket may also follow an anonymous conversation whose id it holds.
 * (Sockets always carry a customer token or a staff session, so there is no anonymous socket.)
 */
export function registerConversationTopicRule(hub: SocketHub, db: Sql): void {
  hub.addTopicRule('conversation', async (principal, id) => {
    if (!isUuid(id)) return false;
    if (principal.kind === 'staff') return isConversationStaff(principal);
    if (principal.kind === 'conversation_holder') {
      // The anonymous visitor's socket may follow that one conversation, while it stays anonymous.
      if (principal.conversationId !== id) return false;
      return (await findConversation(db, id))?.customer_id === null;
    }
    if (principal.kind !== 'customer') return false;
    const conversation = await findConversation(db, id);
    return (
      !!conversation &&
      (conversation.customer_id === null || conversation.customer_id === principal.customerId)
    );
  });
}
