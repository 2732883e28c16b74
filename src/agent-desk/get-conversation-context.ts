import { z } from 'zod';
import { handlerFor } from '../conversations/conversation-handler.js';
import { findConversation } from '../conversations/conversation-store.js';
import { type ConversationRow, handoffOf } from '../conversations/conversation-views.js';
import { customerStatusSchema } from '../customers/customer-views.js';
import type { Principal } from '../identity/principal.js';
import { todayOf } from '../orders/domain.js';
import { getNextPayment } from '../orders/get-next-payment.js';
import { listCustomerOrders } from '../orders/list-customer-orders.js';
import { currencySchema, type OrderView, orderViewSchema } from '../orders/order-views.js';
import type { Clock } from '../platform/clock.js';
import type { Sql } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

/** How many of the customer's other conversations the context shows. */
export const RECENT_CONVERSATIONS = 10;

export const deskCustomerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  country: z.string(),
  locale: z.string(),
  status: customerStatusSchema,
  verified: z.boolean().describe('True when the conversation was opened with a valid customer token'),
});
export type DeskCustomer = z.infer<typeof deskCustomerSchema>;

export const conversationContextSchema = z.object({
  customer: deskCustomerSchema.nullable().describe('Null for an anonymous (unverified) visitor'),
  orders: z.array(orderViewSchema),
  nextPayment: z
    .object({
      installmentId: z.string(),
      orderId: z.string(),
      amountMinor: z.number().int().describe('Installment remainder plus its charged late fees'),
      currency: currencySchema,
      dueDate: z.string(),
    })
    .nullable(),
  recentConversations: z.array(
    z.object({
      id: z.string(),
      startedAt: z.string(),
      status: z.enum(['bot', 'waiting_for_human', 'with_human', 'closed']),
      handledBy: z.enum(['ai', 'human']),
      reason: z.string().nullable().describe('The handoff reason code, when it was handed to a person'),
      resolutionCode: z.string().nullable(),
    }),
  ),
});
export type ConversationContext = z.infer<typeof conversationContextSchema>;

/**
 * The conversation's row after the handler check: the assigned agent, or a supervisor or admin
 * (another agent → 403, unknown id → 404). Shared by the console's read endpoints.
 */
export async function conversationForHandler(
  db: Sql,
  principal: Staff,
  conversationId: string,
): Promise<ConversationRow> {
  const conversation = await findConversation(db, conversationId);
  if (!conversation) throw notFound('Conversation');
  await handlerFor(db, principal, conversation);
  return conversation;
}

/** The customer as the console shows them; only a conversation opened with a customer token has one. */
export async function deskCustomer(db: Sql, customerId: string | null): Promise<DeskCustomer | null> {
  if (!customerId) return null;
  const c = await db
    .selectFrom('customers')
    .select(['id', 'given_name', 'family_name', 'email', 'phone', 'country', 'locale', 'status'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!c) return null;
  return {
    id: c.id,
    name: `${c.given_name} ${c.family_name}`,
    email: c.email,
    phone: c.phone,
    country: c.country,
    locale: c.locale,
    status: c.status,
    verified: true,
  };
}

/**
 * What the person handling a conversation needs about the customer: who they are, every order with
 * its plan, installments, refunds and disputes (as the staff customer view has them), the next
 * payment, and their other recent conversations. An anonymous conversation has none of it.
 */
export async function getConversationContext(
  deps: { db: Sql; clock: Clock },
  principal: Staff,
  conversationId: string,
): Promise<ConversationContext> {
  const conversation = await conversationForHandler(deps.db, principal, conversationId);
  const customer = await deskCustomer(deps.db, conversation.customer_id);
  if (!customer) return { customer: null, orders: [], nextPayment: null, recentConversations: [] };
  const orders: OrderView[] = await listCustomerOrders(deps.db, customer.id);
  const next = await getNextPayment(deps.db, customer.id, todayOf(deps.clock));
  const others = await deps.db
    .selectFrom('conversations')
    .select(['id', 'created_at', 'status', 'assigned_agent_id', 'handoff', 'resolution_code'])
    .where('customer_id', '=', customer.id)
    .where('id', '!=', conversation.id)
    .orderBy('created_at', 'desc')
    .limit(RECENT_CONVERSATIONS)
    .execute();
  return {
    customer,
    orders,
    nextPayment: next
      ? {
          installmentId: next.installmentId,
          orderId: next.orderId,
          amountMinor: next.amountMinor,
          currency: next.currency,
          dueDate: next.dueDate,
        }
      : null,
    recentConversations: others.map((c) => ({
      id: c.id,
      startedAt: c.created_at.toISOString(),
      status: c.status,
      // As ratings count it: a person handled it when one was assigned.
      handledBy: c.assigned_agent_id ? 'human' : 'ai',
      reason: handoffOf(c)?.reason ?? null,
      resolutionCode: c.resolution_code,
    })),
  };
}
