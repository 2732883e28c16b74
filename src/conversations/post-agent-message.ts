import type { Transaction } from 'kysely';
import type { Principal } from '../identity/principal.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { Clock } from '../platform/clock.js';
import type { Sql } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { conflict } from '../platform/errors.js';
import { type EventBus, publishEvents } from '../platform/events/event-bus.js';
import { type Handler, lockForHandler } from './conversation-handler.js';
import { insertMessages } from './conversation-store.js';
import {
  conversationTopic,
  type MessageRow,
  type MessageView,
  toAgentMessageView,
} from './conversation-views.js';

export interface HumanActionDeps {
  db: Sql;
  events: EventBus;
  clock: Clock;
}

type Staff = Extract<Principal, { kind: 'staff' }>;

/**
 * A person's reply to the customer: stored as an `agent` message with the agent's id, the
 * first reply time recorded, and `message.created` (with the agent's name) on the
 * conversation's topic, which the customer's widget follows.
 */
export async function postAgentMessage(
  deps: HumanActionDeps,
  actor: Actor,
  principal: Staff,
  input: { conversationId: string; text: string },
): Promise<MessageView> {
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, handler } = await lockForHandler(trx, principal, input.conversationId);
    if (conversation.status === 'closed') throw conflict('The conversation is closed');
    if (conversation.status === 'bot') {
      throw conflict('The assistant has this conversation; it must be handed over before a person replies');
    }
    const now = deps.clock.now();
    const message = await storeAgentMessage(trx, conversation.id, handler, input.text, now);
    if (!message) throw new Error('agent message not stored');
    await writeAudit(trx, actor, {
      action: 'conversation.agent_replied',
      entityType: 'conversation',
      entityId: conversation.id,
      before: null,
      // The text stays in the conversation, not in the audit log.
      after: { messageId: message.id, agentId: handler.agent?.id ?? null },
    });
    const names = new Map(handler.agent ? [[handler.agent.id, handler.agent.displayName]] : []);
    const view = toAgentMessageView(message, names);
    await publishEvents(
      deps.events,
      [{ topic: conversationTopic(conversation.id), type: 'message.created', data: view }],
      trx,
    );
    return view;
  });
}

/**
 * Stores a message by the person handling the conversation and records the first human reply time.
 * Call holding the conversation's lock (`lockForHandler`). Undefined when `clientMessageId` is already
 * stored in this conversation.
 */
export async function storeAgentMessage(
  trx: Transaction<DB>,
  conversationId: string,
  handler: Handler,
  text: string,
  now: Date,
  clientMessageId?: string,
): Promise<MessageRow | undefined> {
  const [message] = await insertMessages(
    trx,
    conversationId,
    [{ role: 'agent', text, agentId: handler.agent?.id ?? null, clientMessageId }],
    now,
  );
  if (!message) return undefined;
  await trx
    .updateTable('conversations')
    .set((eb) => ({
      first_human_reply_at: eb.fn.coalesce('first_human_reply_at', eb.val(now)),
      updated_at: now,
    }))
    .where('id', '=', conversationId)
    .execute();
  return message;
}
