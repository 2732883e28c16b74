import type { Principal } from '../identity/principal.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { Clock } from '../platform/clock.js';
import type { Sql } from '../platform/db/database.js';
import { conflict } from '../platform/errors.js';
import { type EventBus, publishEvents } from '../platform/events/event-bus.js';
import { lockForHandler } from './conversation-handler.js';
import { insertMessages } from './conversation-store.js';
import { conversationTopic, type MessageView, toAgentMessageView } from './conversation-views.js';

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
    const [message] = await insertMessages(
      trx,
      conversation.id,
      [{ role: 'agent', text: input.text, agentId: handler.agent?.id ?? null }],
      now,
    );
    if (!message) throw new Error('agent message not stored');
    await trx
      .updateTable('conversations')
      .set((eb) => ({
        first_human_reply_at: eb.fn.coalesce('first_human_reply_at', eb.val(now)),
        updated_at: now,
      }))
      .where('id', '=', conversation.id)
      .execute();
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
