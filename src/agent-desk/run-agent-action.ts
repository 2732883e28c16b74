import { localeFor } from '../assistant/responder/format.js';
import type { Handler } from '../conversations/conversation-handler.js';
import { handlerFor, lockForHandler } from '../conversations/conversation-handler.js';
import { findConversation } from '../conversations/conversation-store.js';
import {
  type ConversationRow,
  conversationTopic,
  languageOf,
  type MessageView,
  toAgentMessageView,
} from '../conversations/conversation-views.js';
import { storeAgentMessage } from '../conversations/post-agent-message.js';
import type { TurnLock } from '../conversations/turn-lock.js';
import type { Principal } from '../identity/principal.js';
import type { DomainDeps } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { badRequest, conflict, notFound } from '../platform/errors.js';
import { publishEvents } from '../platform/events/event-bus.js';
import { type ActionName, type DeskAction, performDeskAction } from './agent-actions.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

export interface DeskActionDeps extends DomainDeps {
  /** Serialises actions per conversation in this process, so a quick double submit cannot act twice. */
  actionLock: TurnLock;
}

export interface DeskActionResult {
  action: ActionName;
  outcome: 'done';
  message: MessageView;
}

/** Stored as the message's client message id: the conversation's unique key is what makes a retry a replay. */
const keyOf = (idempotencyKey: string) => `action:${idempotencyKey}`;

function assertActionable(conversation: ConversationRow): string {
  if (conversation.status === 'closed') throw conflict('The conversation is closed');
  if (conversation.status === 'bot') {
    throw conflict('The assistant has this conversation; it must be handed over before a person acts');
  }
  if (!conversation.customer_id) {
    throw conflict(
      'This visitor is not identified (no customer token), so nothing can be done on an account',
    );
  }
  return conversation.customer_id;
}

const namesOf = (handler: Handler) =>
  new Map(handler.agent ? [[handler.agent.id, handler.agent.displayName]] : []);

/** The result of an earlier request with the same key, or undefined when the key is new. */
async function replay(
  deps: DeskActionDeps,
  conversationId: string,
  idempotencyKey: string,
  action: ActionName,
  handler: Handler,
): Promise<DeskActionResult | undefined> {
  const message = await deps.db
    .selectFrom('conversation_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('client_message_id', '=', keyOf(idempotencyKey))
    .executeTakeFirst();
  if (!message) return undefined;
  const audit = await deps.db
    .selectFrom('audit_log')
    .select('after')
    .where('action', '=', 'conversation.agent_action')
    .where('entity_id', '=', conversationId)
    .orderBy('id', 'desc')
    .execute();
  const first = audit
    .map((a) => a.after as { action?: string; messageId?: string } | null)
    .find((a) => a?.messageId === message.id);
  if (message.role !== 'agent' || first?.action !== action) {
    throw conflict('This idempotency-key was already used for a different action');
  }
  return { action, outcome: 'done', message: toAgentMessageView(message, namesOf(handler)) };
}

/**
 * An action the person handling a conversation takes for the customer (postpone, return, dispute,
 * waive a late fee): the domain use case runs as the staff user (its audit row names them), then the
 * customer is told in their language, as an `agent` message with the agent's name, published live.
 * With an idempotency key, a retry returns the first result and acts no second time.
 */
export async function runAgentAction(
  deps: DeskActionDeps,
  actor: Actor,
  principal: Staff,
  input: { conversationId: string; action: DeskAction; idempotencyKey?: string | undefined },
): Promise<DeskActionResult> {
  const key = input.idempotencyKey?.trim();
  if (input.idempotencyKey !== undefined && (!key || key.length > 200)) {
    throw badRequest('idempotency-key must be between 1 and 200 characters');
  }
  return deps.actionLock.run(input.conversationId, async () => {
    const conversation = await findConversation(deps.db, input.conversationId);
    if (!conversation) throw notFound('Conversation');
    const handler = await handlerFor(deps.db, principal, conversation);
    if (key) {
      const earlier = await replay(deps, conversation.id, key, input.action.action, handler);
      if (earlier) return earlier;
    }
    const customerId = assertActionable(conversation);
    const customer = await deps.db
      .selectFrom('customers')
      .select('locale')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    const language = languageOf(conversation);
    // The domain use cases commit on their own (PGlite has one session, so no outer transaction
    // can hold the conversation meanwhile); their rules refuse a second postponement, return,
    // dispute or waiver, so even a retry that misses the replay cannot act twice.
    const outcome = await performDeskAction(
      deps,
      {
        actor,
        customerId,
        language,
        locale: localeFor(language, customer.locale),
        actingAs: `${handler.agent?.displayName ?? principal.name} (agent console)`,
      },
      input.action,
    );
    const message = await tellCustomer(deps, actor, principal, {
      conversationId: conversation.id,
      text: outcome.text,
      action: input.action.action,
      target: outcome.target,
      key,
    });
    return { action: input.action.action, outcome: 'done', message };
  });
}

/** The customer-facing message, the conversation's audit row and `message.created`, in one transaction. */
async function tellCustomer(
  deps: DeskActionDeps,
  actor: Actor,
  principal: Staff,
  input: {
    conversationId: string;
    text: string;
    action: ActionName;
    target: Record<string, string>;
    key: string | undefined;
  },
): Promise<MessageView> {
  return deps.db.transaction().execute(async (trx) => {
    const { conversation, handler } = await lockForHandler(trx, principal, input.conversationId);
    const now = deps.clock.now();
    const message = await storeAgentMessage(
      trx,
      conversation.id,
      handler,
      input.text,
      now,
      input.key ? keyOf(input.key) : undefined,
    );
    // Only a message already holding this key (another process's request) makes the insert skip.
    if (!message) throw conflict('This idempotency-key was already used in this conversation');
    await writeAudit(trx, actor, {
      action: 'conversation.agent_action',
      entityType: 'conversation',
      entityId: conversation.id,
      before: null,
      after: {
        action: input.action,
        ...input.target,
        messageId: message.id,
        agentId: handler.agent?.id ?? null,
        idempotencyKey: input.key ?? null,
      },
    });
    const view = toAgentMessageView(message, namesOf(handler));
    await publishEvents(
      deps.events,
      [{ topic: conversationTopic(conversation.id), type: 'message.created', data: view }],
      trx,
    );
    return view;
  });
}
