import type {
  Assistant,
  AssistantReply,
  AssistantTurn,
  ConversationContext,
  HandoffRequest,
} from '../../conversations/assistant-port.js';
import { DEFAULT_ESCALATION_POLICY, mentions } from '../../handoff/escalation-policy.js';
import { ESCALATION_COPY } from '../../handoff/escalation-replies.js';
import { CARD_NUMBER_PLACEHOLDER, containsCardNumber } from '../entities/card-numbers.js';
import { detectLanguage } from '../language/detect-language.js';
import { classify, OOS_LABEL } from '../nlu/train-classifier.js';
import { assessSentiment, isStronglyFrustrated, isUpset } from '../sentiment/assess-sentiment.js';
import { ACTION_REPLIES } from './action-replies.js';
import { nextPaymentFlow, refundStatusFlow, scheduleFlow } from './flows/account.js';
import { startCloseAccountFlow } from './flows/close-account.js';
import { continueActionFlow } from './flows/confirm.js';
import { declinedFlow } from './flows/declined.js';
import { continueDisputeFlow, startDisputeFlow } from './flows/dispute.js';
import { fraudFlow } from './flows/fraud.js';
import { helpCentreOverUnsureIntent, knowledgeAnswer } from './flows/knowledge.js';
import { startPaymentMethodFlow } from './flows/payment-method.js';
import { startPaymentFlow } from './flows/payments.js';
import { startPostponeFlow } from './flows/postpone.js';
import { startReturnFlow } from './flows/returns.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './flows/types.js';
import { localeFor } from './format.js';
import { INJECTION_NOTE, withoutPromptInjection } from './prompt-injection.js';
import { REPLIES } from './replies.js';
import { asksForHuman, isUrgent } from './signals.js';
import { type AssistantState, INITIAL_STATE, readState, writeState } from './state.js';

export type { BuiltinAssistantDeps } from './flows/types.js';

export interface RespondOptions {
  /** Use this intent instead of the classifier's: another router's choice (e.g. an LLM's), already vetted. */
  intent?: { label: string; confidence: number };
}

/** The port, plus a way for a wrapping assistant to choose the flow. */
export interface BuiltinAssistant extends Assistant {
  respond(
    context: ConversationContext,
    customerText: string,
    options?: RespondOptions,
  ): Promise<AssistantTurn>;
}

/** Flows that read the customer's own account: they need a verified identity. */
const ACCOUNT_INTENTS = new Set(['next_payment', 'payment_schedule', 'refund_status', 'dispute_purchase']);
/**
 * Requests the chat carries out on the customer's account (after an explicit yes). Anonymous
 * visitors get the help article and are asked to log in; a question ("can I…?") also gets the article.
 */
const ACTION_INTENTS = new Set([
  'pay_installment',
  'pay_off_plan',
  'postpone_payment',
  'update_payment_method',
  'register_return',
  'close_account',
  'declined_purchase',
]);

/** "Can I pay off early?", "how do I change my card": a question about the rules, not only a request. */
const isQuestion = (text: string) =>
  text.includes('?') || /^\s*(how|hur|wie|comment|c[oó]mo|come|hoe|l[aà]m (th|s))/iu.test(text);

const actionCopyFor = (turn: Turn) => ACTION_REPLIES[turn.language];

const handoffTo = (
  turn: Turn,
  handoff: HandoffRequest,
  lead: string[] = [],
  text = turn.copy.handoff,
): FlowResult => ({
  replies: [{ text: [...lead, text].join(' ') }],
  handoff,
  resolved: true,
  pending: null,
});

/** The customer's messages before this one (history ends with the one being answered), oldest first. */
function earlierCustomerTexts(context: ConversationContext, current: string): string[] {
  const texts = context.history.filter((m) => m.role === 'customer').map((m) => m.text);
  if (texts.at(-1) === current) texts.pop();
  return texts.slice(-5);
}

/** An upset customer hears that first, unless the reply already opens with words of sympathy. */
function acknowledgeFeelings(turn: Turn, replies: AssistantReply[]): AssistantReply[] {
  if (!isUpset(turn.sentiment)) return replies;
  const { empathy, urgent, hardship, complaint } = turn.copy;
  const sympathetic = [empathy, urgent, hardship, complaint];
  if (replies.some((r) => sympathetic.some((s) => r.text.includes(s)))) return replies;
  return [{ text: empathy }, ...replies];
}

/**
 * The built-in, offline assistant: Tandem's own language detector and intent model, account
 * flows over the system of record, KB answers with citations, and handoff rules that put a
 * person one message away. It never states a figure that did not come from the database.
 */
export function createBuiltinAssistant(deps: BuiltinAssistantDeps): BuiltinAssistant {
  const policy = deps.escalation ?? DEFAULT_ESCALATION_POLICY;
  const { routes, phrases } = policy;
  async function customerLocale(customerId: string | null): Promise<string | null> {
    if (!customerId) return null;
    const row = await deps.db
      .selectFrom('customers')
      .select('locale')
      .where('id', '=', customerId)
      .executeTakeFirst();
    return row?.locale ?? null;
  }

  function startActionFlow(turn: Turn, id: string): Promise<FlowResult> {
    switch (turn.intent) {
      case 'pay_installment':
      case 'pay_off_plan':
        return startPaymentFlow(deps, turn, id, turn.intent);
      case 'postpone_payment':
        return startPostponeFlow(deps, turn, id);
      case 'update_payment_method':
        return startPaymentMethodFlow(deps, turn, id, { typedCardNumber: false });
      case 'register_return':
        return startReturnFlow(deps, turn, id);
      default:
        return startCloseAccountFlow(deps, turn, id);
    }
  }

  async function decide(turn: Turn, state: AssistantState): Promise<FlowResult> {
    const { copy, text } = turn;
    const escalation = ESCALATION_COPY[turn.language];
    // Safety and the customer's own wish for a person come before anything else, without an "are you sure".
    if (isUrgent(text)) {
      return handoffTo(turn, routes.safety, [], `${copy.urgent} ${escalation.safetyResources}`);
    }
    // Situations that need a person's care or authority, whatever the classifier thinks the need is;
    // checked before a plain request for a person so that it reaches the right queue.
    if (mentions(phrases.vulnerable, text)) {
      return handoffTo(turn, routes.vulnerable, [escalation.vulnerable]);
    }
    if (mentions(phrases.legalThreat, text)) {
      return handoffTo(turn, routes.legalThreat, [copy.complaint, escalation.legal]);
    }
    if (
      mentions(phrases.fraudVictim, text) &&
      turn.intent !== 'unrecognised_purchase' &&
      turn.intent !== 'lost_card'
    ) {
      return handoffTo(turn, routes.fraudVictim, [escalation.fraudVictim]);
    }
    if (turn.intent === 'talk_to_human' || asksForHuman(text)) {
      return handoffTo(turn, routes.customerRequested);
    }
    if (isStronglyFrustrated(turn.sentiment, policy.frustrationThreshold)) {
      return handoffTo(turn, routes.frustrated, [copy.empathy]);
    }

    // A card number typed into the chat is never taken: say so, and show how to change the card safely.
    if (containsCardNumber(text) || text.includes(CARD_NUMBER_PLACEHOLDER)) {
      if (!turn.customerId)
        return { replies: [{ text: actionCopyFor(turn).cardNumberWarning }], resolved: true, pending: null };
      return startPaymentMethodFlow(deps, turn, turn.customerId, { typedCardNumber: true });
    }

    if (state.pending && turn.customerId) {
      const continued =
        (await continueDisputeFlow(deps, turn, state.pending, turn.customerId)) ??
        (await continueActionFlow(deps, turn, state.pending, turn.customerId));
      if (continued) return continued;
    }

    // Asked again, word for word or nearly, after an answer: another lap of the same answer won't help.
    if (turn.sentiment.cues.includes('repeated_message')) {
      return handoffTo(turn, routes.repeatedQuestion);
    }

    const understood = turn.intent !== OOS_LABEL && turn.confidence >= policy.minConfidence;
    if (!understood) {
      const answer = await knowledgeAnswer(deps, turn, { useIntentArticle: false });
      if (answer) return { replies: [answer], resolved: true, pending: null };
      if (state.lowConfidenceStreak + 1 >= policy.lowUnderstandingTurns) {
        return handoffTo(turn, routes.lowUnderstanding);
      }
      return { replies: [{ text: copy.dontKnow }], resolved: false, pending: null };
    }

    // The same need, still unresolved after one try: a person, not another lap.
    if (state.unresolvedIntent === turn.intent) {
      return handoffTo(turn, routes.repeatedUnresolved);
    }

    switch (turn.intent) {
      case 'hardship':
        return handoffTo(turn, routes.hardship, [copy.hardship, escalation.hardshipResources]);
      case 'complaint':
        return handoffTo(turn, routes.complaint, [copy.complaint]);
      case 'unrecognised_purchase':
      case 'lost_card':
        return fraudFlow(deps, turn);
      case 'greeting':
        return { replies: [{ text: copy.hello }], resolved: true };
      case 'thanks':
        return { replies: [{ text: copy.thanks }], resolved: true, pending: null };
      case 'goodbye':
        return { replies: [{ text: copy.goodbye }], resolved: true, pending: null };
      case 'affirm':
      case 'deny':
        // A bare yes/no with nothing pending: ask what they need instead of guessing.
        return { replies: [{ text: copy.hello }], resolved: true, pending: null };
    }

    if (turn.confidence < policy.sureConfidence) {
      const help = await helpCentreOverUnsureIntent(deps, turn);
      if (help) return { replies: [help], resolved: true, pending: null };
    }

    if (ACCOUNT_INTENTS.has(turn.intent)) {
      if (!turn.customerId) return { replies: [{ text: copy.loginNeeded }], resolved: false, pending: null };
      const id = turn.customerId;
      if (turn.intent === 'next_payment') return nextPaymentFlow(deps, turn, id);
      if (turn.intent === 'payment_schedule') return scheduleFlow(deps, turn, id);
      if (turn.intent === 'refund_status') return refundStatusFlow(deps, turn, id);
      return startDisputeFlow(deps, turn, id);
    }

    if (ACTION_INTENTS.has(turn.intent)) {
      if (!turn.customerId) {
        const article = await knowledgeAnswer(deps, turn, { useIntentArticle: true });
        return {
          replies: [...(article ? [article] : []), { text: copy.loginNeeded }],
          resolved: article !== null,
          pending: null,
        };
      }
      if (turn.intent === 'declined_purchase') return declinedFlow(deps, turn, turn.customerId);
      const flow = await startActionFlow(turn, turn.customerId);
      // The postponing article describes the app's fixed option; the flow states the use case's own rules instead.
      if (!isQuestion(text) || turn.intent === 'postpone_payment') return flow;
      const article = await knowledgeAnswer(deps, turn, { useIntentArticle: true });
      return article ? { ...flow, replies: [article, ...flow.replies] } : flow;
    }

    const answer = await knowledgeAnswer(deps, turn, { useIntentArticle: true });
    const replies: AssistantReply[] = answer ? [answer] : [];
    if (!answer) return { replies: [{ text: copy.dontKnow }], resolved: false, pending: null };
    return { replies, resolved: true, pending: null };
  }

  return {
    async greet(context: ConversationContext): Promise<AssistantTurn> {
      return {
        language: context.language,
        replies: [{ text: REPLIES[context.language].greeting }],
        state: writeState({ ...INITIAL_STATE }),
      };
    },

    async respond(
      context: ConversationContext,
      customerText: string,
      options: RespondOptions = {},
    ): Promise<AssistantTurn> {
      const state = readState(context.state);
      // A short answer to our own question ("Swedbank", "2", "non") is a pick, not a change of language.
      const answering = state.pending !== null && customerText.trim().split(/\s+/).length <= 2;
      const language = answering
        ? context.language
        : detectLanguage(customerText, { fallback: context.language }).language;
      // An attempt to re-program the assistant grants nothing; answer what is asked beside it.
      const request = withoutPromptInjection(customerText);
      const prediction = options.intent ?? classify(deps.intents.classifier, request ?? customerText);
      const turn: Turn = {
        text: request ?? customerText,
        intent: prediction.label,
        confidence: prediction.confidence,
        sentiment: assessSentiment(deps.sentiment, customerText, earlierCustomerTexts(context, customerText)),
        language,
        copy: REPLIES[language],
        locale: localeFor(
          language,
          // The conversation service reads it with the turn's lock; other callers may leave it out.
          context.customerLocale !== undefined
            ? context.customerLocale
            : await customerLocale(context.customerId),
        ),
        customerId: context.customerId,
        today: context.now.toISOString().slice(0, 10),
        conversationId: context.conversationId,
      };
      const result = await decide(turn, state);
      const understood = turn.intent !== OOS_LABEL && turn.confidence >= policy.minConfidence;
      const next: AssistantState = {
        lowConfidenceStreak: result.handoff
          ? 0
          : understood || result.resolved
            ? 0
            : state.lowConfidenceStreak + 1,
        unresolvedIntent: result.handoff || result.resolved || !understood ? null : turn.intent,
        pending: result.pending === undefined ? state.pending : result.pending,
        lastSentiment: { sentiment: turn.sentiment.sentiment, frustration: turn.sentiment.frustration },
      };
      const replies = acknowledgeFeelings(turn, result.replies);
      return {
        language,
        replies: request === null ? replies : [{ text: INJECTION_NOTE[language] }, ...replies],
        state: writeState(next),
        ...(result.handoff ? { handoff: result.handoff } : {}),
      };
    },
  };
}
