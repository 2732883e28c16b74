import { z } from 'zod';
import type { Language } from '../assistant/language/detect-language.js';
import { ACTION_REPLIES, type PostponeRefusal } from '../assistant/responder/action-replies.js';
import { firstUnpaid, postponeRefusal } from '../assistant/responder/flows/postpone.js';
import { returnable } from '../assistant/responder/flows/returns.js';
import { formatAmount, formatDate, localeFor } from '../assistant/responder/format.js';
import { REPLIES } from '../assistant/responder/replies.js';
import { recentMessages } from '../conversations/conversation-store.js';
import { type ConversationRow, languageOf } from '../conversations/conversation-views.js';
import { DISPUTE_REASONS } from '../disputes/dispute-views.js';
import type { Principal } from '../identity/principal.js';
import { answerFromKnowledgeBase } from '../knowledge/answer-from-knowledge-base.js';
import {
  KB_ANSWER_THRESHOLD,
  type KnowledgeBaseSearch,
  searchKnowledgeBase,
} from '../knowledge/search-articles.js';
import { addDays, todayOf } from '../orders/domain.js';
import { getNextPayment } from '../orders/get-next-payment.js';
import { listCustomerOrders } from '../orders/list-customer-orders.js';
import type { OrderView } from '../orders/order-views.js';
import { MAX_POSTPONE_DAYS } from '../orders/postpone-installment.js';
import type { Clock } from '../platform/clock.js';
import type { Sql } from '../platform/db/database.js';
import { RETURN_WINDOW_DAYS } from '../refunds/register-return.js';
import { ACTION_NAMES, type ActionName } from './agent-actions.js';
import { conversationForHandler } from './get-conversation-context.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

/** The customer messages the help-centre search reads: their last few, the need as they put it. */
const SEARCHED_MESSAGES = 3;
const MAX_ARTICLES = 3;

const replySchema = z.object({
  id: z.string().describe('Stable per suggestion, e.g. "flow:next_payment" or "article:<slug>"'),
  kind: z.enum(['article', 'action']).describe('action: from the assistant flow matching the need'),
  title: z.string(),
  text: z.string().describe("Ready to send, in the conversation's language, figures from the database"),
  articleSlug: z.string().optional(),
});
const actionSuggestionSchema = z.object({
  action: z.enum(ACTION_NAMES),
  label: z.string(),
  available: z.boolean(),
  unavailableReason: z.string().optional(),
  defaults: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('A body for POST /actions, plus candidates'),
});
export const suggestionsSchema = z.object({
  replies: z.array(replySchema),
  actions: z.array(actionSuggestionSchema),
});
export type Suggestions = z.infer<typeof suggestionsSchema>;
type Reply = z.infer<typeof replySchema>;
type ActionSuggestion = z.infer<typeof actionSuggestionSchema>;

const LABELS: Record<ActionName, string> = {
  postpone_installment: 'Postpone the next payment',
  register_return: 'Register a return',
  open_dispute: 'Open a dispute',
  waive_late_fee: 'Waive the late fee',
};

/** Why postponing is refused, said to the agent (the customer hears `postponeRefused`). */
const POSTPONE_REFUSED: Record<PostponeRefusal, string> = {
  already_postponed: 'This plan was already postponed once; a plan can be postponed only once',
  not_scheduled: 'The next installment is already due or late; only one not yet due can be postponed',
  account_not_active: 'The account is locked or closed',
  plan_not_active: 'The plan is not running normally (paused, defaulted or finished)',
  nothing_due: 'The customer has no upcoming installment',
};

export interface SuggestDeps {
  db: Sql;
  clock: Clock;
  kb: KnowledgeBaseSearch;
}

/** Help-centre answers to what the customer wrote, as the assistant's knowledge flow would give them. */
async function articleReplies(deps: SuggestDeps, conversation: ConversationRow, language: Language) {
  const said = (await recentMessages(deps.db, conversation.id, 20))
    .filter((m) => m.role === 'customer')
    .slice(-SEARCHED_MESSAGES)
    .map((m) => m.text)
    .join('\n');
  if (!said.trim()) return [];
  const index = await deps.kb.index(language);
  const hits = searchKnowledgeBase(index, said, { limit: MAX_ARTICLES });
  const replies: Reply[] = [];
  for (const hit of hits.filter((h) => h.confidence >= KB_ANSWER_THRESHOLD)) {
    const answer = answerFromKnowledgeBase(said, [hit], { index });
    if (answer.kind !== 'answer') continue;
    const inEnglish = answer.locale !== language;
    replies.push({
      id: `article:${hit.slug}`,
      kind: 'article',
      title: hit.title,
      text: inEnglish ? `${REPLIES[language].articleInEnglish} ${answer.text}` : answer.text,
      articleSlug: hit.slug,
    });
  }
  return replies;
}

/** The order a postponement would apply to: the next payment's, else the soonest unpaid installment's. */
function postponeTarget(orders: OrderView[], nextOrderId: string | undefined): OrderView | undefined {
  const withUnpaid = orders.filter((o) => firstUnpaid(o));
  return (
    withUnpaid.find((o) => o.id === nextOrderId) ??
    [...withUnpaid].sort((a, b) =>
      (firstUnpaid(a)?.dueDate ?? '').localeCompare(firstUnpaid(b)?.dueDate ?? ''),
    )[0]
  );
}

const unavailable = (action: ActionName, reason: string): ActionSuggestion => ({
  action,
  label: LABELS[action],
  available: false,
  unavailableReason: reason,
});

const candidate = (o: OrderView) => ({ orderId: o.id, reference: o.reference, merchant: o.merchant.name });

/**
 * What the person handling a conversation could say and do next: help-centre answers to the
 * customer's recent messages and the assistant flows' replies with the account's figures, in the
 * conversation's language; and the four actions with the same rule checks the use cases apply.
 */
export async function suggestForConversation(
  deps: SuggestDeps,
  principal: Staff,
  conversationId: string,
): Promise<Suggestions> {
  const conversation = await conversationForHandler(deps.db, principal, conversationId);
  const language = languageOf(conversation);
  const articles = await articleReplies(deps, conversation, language);
  const customer = conversation.customer_id
    ? await deps.db
        .selectFrom('customers')
        .select(['id', 'locale', 'status'])
        .where('id', '=', conversation.customer_id)
        .executeTakeFirst()
    : undefined;
  const closed = conversation.status === 'closed' || conversation.status === 'bot';
  if (!customer || closed) {
    const reason = closed
      ? 'Nobody from the team has this conversation now'
      : 'The visitor is not identified (no customer token), so nothing can be done on an account';
    return { replies: articles, actions: ACTION_NAMES.map((a) => unavailable(a, reason)) };
  }
  const locale = localeFor(language, customer.locale);
  const today = todayOf(deps.clock);
  const orders = await listCustomerOrders(deps.db, customer.id);
  const next = await getNextPayment(deps.db, customer.id, today);
  const copy = REPLIES[language];
  const actionCopy = ACTION_REPLIES[language];

  const flows: Reply[] = [];
  if (next) {
    const line = {
      merchant: next.merchantName,
      amount: formatAmount(next.amountMinor, next.currency, locale),
      date: formatDate(next.dueDate, locale),
      lateFees: next.lateFeesMinor > 0 ? formatAmount(next.lateFeesMinor, next.currency, locale) : null,
    };
    flows.push({
      id: 'flow:next_payment',
      kind: 'action',
      title: next.overdue ? 'Overdue payment' : 'Next payment',
      text: next.overdue ? copy.overduePayment(line) : copy.nextPayment(line),
    });
  }
  if (orders.some((o) => o.plan?.status === 'paused')) {
    flows.push({
      id: 'flow:paused',
      kind: 'action',
      title: 'Payments paused by a dispute',
      text: actionCopy.paused,
    });
  }

  const actions: ActionSuggestion[] = [];
  const target = postponeTarget(orders, next?.orderId);
  const refused = target ? postponeRefusal(target, customer.status, today) : 'nothing_due';
  const installment = target && firstUnpaid(target);
  if (refused || !target || !installment) {
    actions.push(unavailable('postpone_installment', POSTPONE_REFUSED[refused ?? 'nothing_due']));
    flows.push({
      id: 'flow:postpone_refused',
      kind: 'action',
      title: 'Why the payment cannot be postponed',
      text: `${actionCopy.postponeRefused[refused ?? 'nothing_due']} ${actionCopy.postponeRules}`,
    });
  } else {
    actions.push({
      action: 'postpone_installment',
      label: LABELS.postpone_installment,
      available: true,
      defaults: {
        days: MAX_POSTPONE_DAYS,
        installmentId: installment.id,
        orderId: target.id,
        merchant: target.merchant.name,
        amountMinor: installment.remainingMinor,
        currency: target.plan?.currency ?? target.currency,
        dueDate: installment.dueDate,
        latestDueDate: addDays(installment.dueDate, MAX_POSTPONE_DAYS),
      },
    });
  }

  const returnables = orders.filter((o) => returnable(o, deps.clock.now()));
  const firstReturn = returnables[0];
  if (!firstReturn) {
    actions.push(
      unavailable(
        'register_return',
        `No order can be returned: a return must be registered within ${RETURN_WINDOW_DAYS} days of purchase, one at a time per order`,
      ),
    );
  } else {
    const items = await deps.db
      .selectFrom('order_items')
      .select(['id', 'description'])
      .where('order_id', '=', firstReturn.id)
      .orderBy('description')
      .execute();
    actions.push({
      action: 'register_return',
      label: LABELS.register_return,
      available: true,
      defaults: { orderId: firstReturn.id, items, candidates: returnables.map(candidate) },
    });
  }

  const disputable = orders.filter(
    (o) =>
      o.status !== 'refunded' &&
      o.status !== 'cancelled' &&
      !o.disputes.some((d) => d.status === 'open' || d.status === 'under_review'),
  );
  actions.push(
    disputable[0]
      ? {
          action: 'open_dispute',
          label: LABELS.open_dispute,
          available: true,
          defaults: {
            orderId: disputable[0].id,
            reasons: DISPUTE_REASONS,
            candidates: disputable.map(candidate),
          },
        }
      : unavailable('open_dispute', 'Every order is refunded, cancelled or already disputed'),
  );

  const fee = orders.flatMap((o) => o.plan?.lateFees ?? []).find((f) => f.status === 'charged');
  actions.push(
    fee
      ? {
          action: 'waive_late_fee',
          label: LABELS.waive_late_fee,
          available: true,
          defaults: {
            installmentId: fee.installmentId,
            amountMinor: fee.amountMinor,
            currency: fee.currency,
          },
        }
      : unavailable('waive_late_fee', 'There is no unpaid late fee on this account'),
  );

  return { replies: [...flows, ...articles], actions };
}
