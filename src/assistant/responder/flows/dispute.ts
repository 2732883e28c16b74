import { openDispute } from '../../../disputes/open-dispute.js';
import { DEFAULT_ESCALATION_POLICY, disputeThreshold } from '../../../handoff/escalation-policy.js';
import { ESCALATION_COPY } from '../../../handoff/escalation-replies.js';
import { listCustomerOrders } from '../../../orders/list-customer-orders.js';
import { AppError } from '../../../platform/errors.js';
import { formatAmount } from '../format.js';
import { yesOrNo } from '../signals.js';
import type { DisputeOption, Pending } from '../state.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

const AI_ACTOR = { type: 'ai', id: null } as const;
const MAX_ATTEMPTS = 2;

const handoffFailed = (turn: Turn, reason: string): FlowResult => ({
  replies: [{ text: turn.copy.disputeFailed }, { text: turn.copy.handoff }],
  handoff: { reason, priority: 'normal', queue: 'general' },
  resolved: false,
  pending: null,
});

const amountOf = (o: DisputeOption, turn: Turn) => formatAmount(o.amountMinor, o.currency, turn.locale);

function confirm(turn: Turn, option: DisputeOption): FlowResult {
  return {
    replies: [{ text: turn.copy.disputeConfirm(option.merchant, amountOf(option, turn)) }],
    resolved: true,
    pending: { kind: 'dispute_confirm', option, attempts: 0 },
  };
}

/** Starts a dispute: the orders that can still be disputed (active plan, no open dispute), then a choice or a confirmation. */
export async function startDisputeFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const orders = await listCustomerOrders(deps.db, customerId);
  const options: DisputeOption[] = orders
    .filter(
      (o) =>
        o.plan?.status === 'active' &&
        !o.disputes.some((d) => d.status === 'open' || d.status === 'under_review'),
    )
    .map((o) => ({
      orderId: o.id,
      merchant: o.merchant.name,
      amountMinor: o.totalMinor,
      currency: o.currency,
    }));
  if (options.length === 0)
    return { replies: [{ text: turn.copy.disputeNone }], resolved: false, pending: null };
  if (options.length === 1) return confirm(turn, options[0]!);
  const list = options.map((o, i) => `${i + 1}. ${o.merchant} (${amountOf(o, turn)})`);
  return {
    replies: [{ text: [turn.copy.disputeChoose, ...list].join('\n') }],
    resolved: true,
    pending: { kind: 'dispute_choose', options, attempts: 0 },
  };
}

const simplify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** "2", "nr 2", "the second one"? Only digits and store names: anything cleverer is a guess. */
export function pickOption(text: string, options: readonly DisputeOption[]): DisputeOption | undefined {
  const number = /^\D{0,12}?(\d{1,2})\D{0,12}$/u.exec(text.trim());
  if (number) return options[Number(number[1]) - 1];
  const said = ` ${simplify(text)} `;
  const byName = options.filter((o) => {
    const name = simplify(o.merchant);
    const first = name.split(' ')[0] ?? '';
    return said.includes(` ${name} `) || (first.length >= 4 && said.includes(` ${first} `));
  });
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * Continues a pending dispute. Returns undefined when the message is about something else,
 * so the caller drops the pending step and answers it normally.
 */
export async function continueDisputeFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  pending: Pending,
  customerId: string,
): Promise<FlowResult | undefined> {
  if (pending.kind !== 'dispute_choose' && pending.kind !== 'dispute_confirm') return undefined;
  if (pending.kind === 'dispute_choose') {
    const chosen = pickOption(turn.text, pending.options);
    if (chosen) return confirm(turn, chosen);
    if (yesOrNo(turn.text) === 'no' || (turn.intent === 'deny' && turn.confidence >= 0.6)) {
      return { replies: [{ text: turn.copy.disputeCancelled }], resolved: true, pending: null };
    }
    if (isOtherTopic(turn)) return undefined;
    if (pending.attempts + 1 >= MAX_ATTEMPTS) return handoffFailed(turn, 'dispute_order_unclear');
    return {
      replies: [{ text: turn.copy.disputeUnclear }],
      resolved: true,
      pending: { ...pending, attempts: pending.attempts + 1 },
    };
  }

  // Only an explicit yes opens the dispute; the classifier's affirm counts only when it is sure.
  const answer =
    yesOrNo(turn.text) ??
    (turn.confidence >= 0.6 && turn.intent === 'affirm'
      ? 'yes'
      : turn.confidence >= 0.6 && turn.intent === 'deny'
        ? 'no'
        : undefined);
  if (answer === 'no')
    return { replies: [{ text: turn.copy.disputeCancelled }], resolved: true, pending: null };
  if (answer === undefined) {
    if (isOtherTopic(turn)) return undefined;
    if (pending.attempts + 1 >= MAX_ATTEMPTS) return handoffFailed(turn, 'dispute_confirmation_unclear');
    return {
      replies: [{ text: turn.copy.disputeConfirm(pending.option.merchant, amountOf(pending.option, turn)) }],
      resolved: true,
      pending: { ...pending, attempts: pending.attempts + 1 },
    };
  }
  try {
    const result = await openDispute(deps, AI_ACTOR, {
      customerId,
      orderId: pending.option.orderId,
      reason: 'other',
      description: `Opened by the AI assistant at the customer's request (conversation ${turn.conversationId})`,
    });
    const opened = turn.copy.disputeOpened(pending.option.merchant, result.planStatus === 'paused');
    const policy = deps.escalation ?? DEFAULT_ESCALATION_POLICY;
    const threshold = disputeThreshold(policy, pending.option.currency);
    // A large dispute is opened (the plan pauses at once) and then followed by a person.
    if (threshold !== undefined && pending.option.amountMinor > threshold) {
      return {
        replies: [{ text: `${opened} ${ESCALATION_COPY[turn.language].disputeLarge} ${turn.copy.handoff}` }],
        handoff: policy.routes.disputeAboveThreshold,
        resolved: true,
        pending: null,
      };
    }
    return { replies: [{ text: opened }], resolved: true, pending: null };
  } catch (err) {
    // Business-rule refusals (already disputed, nothing refundable) go to a person; anything else is a real fault.
    if (err instanceof AppError) return handoffFailed(turn, 'dispute_not_opened');
    throw err;
  }
}

const FLOW_WORDS = new Set(['affirm', 'deny', 'oos', 'dispute_purchase', 'thanks', 'greeting']);

function isOtherTopic(turn: Turn): boolean {
  return turn.confidence >= 0.6 && !FLOW_WORDS.has(turn.intent);
}
