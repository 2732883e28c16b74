import type {
  Assistant,
  AssistantReply,
  AssistantTurn,
  ConversationContext,
  HandoffRequest,
} from '../../conversations/assistant-port.js';
import { detectLanguage } from '../language/detect-language.js';
import { classify, OOS_LABEL } from '../nlu/train-classifier.js';
import { nextPaymentFlow, refundStatusFlow, scheduleFlow } from './flows/account.js';
import { continueDisputeFlow, startDisputeFlow } from './flows/dispute.js';
import { fraudFlow } from './flows/fraud.js';
import { knowledgeAnswer } from './flows/knowledge.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './flows/types.js';
import { localeFor } from './format.js';
import { REPLIES } from './replies.js';
import { asksForHuman, isStronglyFrustrated, isUrgent } from './signals.js';
import { type AssistantState, INITIAL_STATE, readState, writeState } from './state.js';

export type { BuiltinAssistantDeps } from './flows/types.js';

/** Below this the classifier's guess is not acted on. */
const MIN_CONFIDENCE = 0.5;

/** Flows that read the customer's own account: they need a verified identity. */
const ACCOUNT_INTENTS = new Set(['next_payment', 'payment_schedule', 'refund_status', 'dispute_purchase']);
/** Money-moving requests the chat cannot perform yet: explained from the KB, never "done". */
const NOT_AUTOMATED = new Set([
  'postpone_payment',
  'update_payment_method',
  'close_account',
  'register_return',
  'pay_installment',
  'pay_off_plan',
]);

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

/**
 * The built-in, offline assistant: Tandem's own language detector and intent model, account
 * flows over the system of record, KB answers with citations, and handoff rules that put a
 * person one message away. It never states a figure that did not come from the database.
 */
export function createBuiltinAssistant(deps: BuiltinAssistantDeps): Assistant {
  async function customerLocale(customerId: string | null): Promise<string | null> {
    if (!customerId) return null;
    const row = await deps.db
      .selectFrom('customers')
      .select('locale')
      .where('id', '=', customerId)
      .executeTakeFirst();
    return row?.locale ?? null;
  }

  async function decide(turn: Turn, state: AssistantState): Promise<FlowResult> {
    const { copy, text } = turn;
    // Safety and the customer's own wish for a person come before anything else, without an "are you sure".
    if (isUrgent(text)) {
      return handoffTo(
        turn,
        { reason: 'safety_concern', priority: 'urgent', queue: 'hardship' },
        [],
        copy.urgent,
      );
    }
    if (turn.intent === 'talk_to_human' || asksForHuman(text)) {
      return handoffTo(turn, { reason: 'customer_requested_human', priority: 'normal', queue: 'general' });
    }
    if (isStronglyFrustrated(text)) {
      return handoffTo(turn, { reason: 'customer_frustrated', priority: 'high', queue: 'general' }, [
        copy.empathy,
      ]);
    }

    if (state.pending && turn.customerId) {
      const continued = await continueDisputeFlow(deps, turn, state.pending, turn.customerId);
      if (continued) return continued;
    }

    const understood = turn.intent !== OOS_LABEL && turn.confidence >= MIN_CONFIDENCE;
    if (!understood) {
      const answer = await knowledgeAnswer(deps, turn, { useIntentArticle: false });
      if (answer) return { replies: [answer], resolved: true, pending: null };
      if (state.lowConfidenceStreak + 1 >= 2) {
        return handoffTo(turn, { reason: 'low_understanding', priority: 'normal', queue: 'general' });
      }
      return { replies: [{ text: copy.dontKnow }], resolved: false, pending: null };
    }

    // The same need, still unresolved after one try: a person, not another lap.
    if (state.unresolvedIntent === turn.intent) {
      return handoffTo(turn, { reason: 'repeated_unresolved', priority: 'normal', queue: 'general' });
    }

    switch (turn.intent) {
      case 'hardship':
        return handoffTo(turn, { reason: 'hardship', priority: 'high', queue: 'hardship' }, [copy.hardship]);
      case 'complaint':
        return handoffTo(turn, { reason: 'complaint', priority: 'normal', queue: 'complaints' }, [
          copy.complaint,
        ]);
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

    if (ACCOUNT_INTENTS.has(turn.intent)) {
      if (!turn.customerId) return { replies: [{ text: copy.loginNeeded }], resolved: false, pending: null };
      const id = turn.customerId;
      if (turn.intent === 'next_payment') return nextPaymentFlow(deps, turn, id);
      if (turn.intent === 'payment_schedule') return scheduleFlow(deps, turn, id);
      if (turn.intent === 'refund_status') return refundStatusFlow(deps, turn, id);
      return startDisputeFlow(deps, turn, id);
    }

    const answer = await knowledgeAnswer(deps, turn, { useIntentArticle: true });
    const replies: AssistantReply[] = answer ? [answer] : [];
    if (NOT_AUTOMATED.has(turn.intent)) {
      replies.push({ text: copy.notAutomated });
      return { replies, resolved: false, pending: null };
    }
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

    async respond(context: ConversationContext, customerText: string): Promise<AssistantTurn> {
      const state = readState(context.state);
      const { language } = detectLanguage(customerText, { fallback: context.language });
      const prediction = classify(deps.intents.classifier, customerText);
      const turn: Turn = {
        text: customerText,
        intent: prediction.label,
        confidence: prediction.confidence,
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
      const understood = turn.intent !== OOS_LABEL && turn.confidence >= MIN_CONFIDENCE;
      const next: AssistantState = {
        lowConfidenceStreak: result.handoff
          ? 0
          : understood || result.resolved
            ? 0
            : state.lowConfidenceStreak + 1,
        unresolvedIntent: result.handoff || result.resolved || !understood ? null : turn.intent,
        pending: result.pending === undefined ? state.pending : result.pending,
      };
      return {
        language,
        replies: result.replies,
        state: writeState(next),
        ...(result.handoff ? { handoff: result.handoff } : {}),
      };
    },
  };
}
