import type { Logger } from 'pino';
import type { Language } from '../assistant/language/detect-language.js';
import type { DomainDeps } from '../orders/domain.js';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { AppConfig } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import type { Assistant, AssistantTurn, ConversationChannel } from './assistant-port.js';
import { aiActor, appendMessages, queueDeps, requestHandoff } from './conversation-store.js';
import { type ConversationView, languageFromLocale, toConversationView } from './conversation-views.js';

export interface StartConversationDeps extends DomainDeps {
  /** A handoff enters the human queue and enqueues dispatch in the same transaction (the app always passes these). */
  jobs?: JobQueue;
  config?: Pick<AppConfig, 'dispatch'>;
  assistant: Assistant;
  logger: Pick<Logger, 'error'>;
}

export interface StartConversationInput {
  channel: ConversationChannel;
  /** The verified customer, or null for an anonymous visitor. */
  customerId: string | null;
  /** A BCP 47 locale from the client (`sv-SE`); wins over the customer's stored locale. */
  locale?: string | undefined;
}

/**
 * Opens a conversation and stores the assistant's greeting. The assistant is asked
 * before the transaction opens: it may read the database itself, and a slow answer
 * must not hold a connection or a lock.
 */
export async function startConversation(
  deps: StartConversationDeps,
  actor: Actor,
  input: StartConversationInput,
): Promise<ConversationView> {
  let customerLocale: string | undefined;
  if (input.customerId) {
    const customer = await deps.db
      .selectFrom('customers')
      .select('locale')
      .where('id', '=', input.customerId)
      .executeTakeFirst();
    // A correctly signed token for a customer we do not know is still not an identity we can bind to.
    if (!customer) throw new AppError(401, 'unauthenticated', 'The customer token names an unknown customer');
    customerLocale = customer.locale;
  }
  const language: Language =
    input.locale !== undefined
      ? (languageFromLocale(input.locale) ?? 'en')
      : (languageFromLocale(customerLocale) ?? 'en');

  const id = newId();
  const now = deps.clock.now();
  let turn: AssistantTurn;
  try {
    turn = await deps.assistant.greet({
      conversationId: id,
      customerId: input.customerId,
      language,
      channel: input.channel,
      history: [],
      state: {},
      now,
    });
  } catch (err) {
    deps.logger.error({ err, conversationId: id }, 'assistant greeting failed');
    throw new AppError(
      503,
      'service_unavailable',
      'The assistant is not available right now; try again shortly',
    );
  }

  return deps.db.transaction().execute(async (trx) => {
    let conversation = await trx
      .insertInto('conversations')
      .values({
        id,
        customer_id: input.customerId,
        channel: input.channel,
        status: 'bot',
        language: turn.language,
        assistant_state: JSON.stringify(turn.state ?? {}),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'conversation.started',
      entityType: 'conversation',
      entityId: id,
      after: { channel: conversation.channel, language: conversation.language, customerId: input.customerId },
    });
    const messages = await appendMessages(
      trx,
      deps.events,
      id,
      turn.replies.map((r) => ({ role: 'assistant' as const, text: r.text, citations: r.citations })),
      now,
    );
    if (turn.handoff) {
      conversation = await requestHandoff(
        trx,
        queueDeps(deps),
        aiActor(actor.requestId),
        conversation,
        turn.handoff,
        now,
      );
    }
    return toConversationView(conversation, messages);
  });
}
