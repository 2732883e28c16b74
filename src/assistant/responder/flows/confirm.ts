import { findMerchants } from '../../entities/merchants.js';
import { yesOrNo } from '../signals.js';
import type { Choice, ChoicePurpose, Pending, PendingAction } from '../state.js';
import { actionCopy, loadCustomerView } from './action-context.js';
import { executeCloseAccount } from './close-account.js';
import { executeSwitch, prepareSwitchTo } from './payment-method.js';
import { executePayment, preparePayInstallment, preparePayOff } from './payments.js';
import { executePostpone, preparePostpone, repreparePostpone } from './postpone.js';
import { executeReturn, prepareReturn, returnItemStep } from './returns.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

const MAX_ATTEMPTS = 2;

/** The intent that started each flow: saying it again is not a change of topic. */
const FLOW_INTENT: Record<PendingAction['type'] | ChoicePurpose, string> = {
  pay_installment: 'pay_installment',
  pay_off_plan: 'pay_off_plan',
  postpone: 'postpone_payment',
  switch_method: 'update_payment_method',
  register_return: 'register_return',
  return_item: 'register_return',
  close_account: 'close_account',
};
const NEUTRAL = new Set(['affirm', 'deny', 'oos', 'thanks', 'greeting']);

const isOtherTopic = (turn: Turn, own: string) =>
  turn.confidence >= 0.6 && !NEUTRAL.has(turn.intent) && turn.intent !== own;

/** An explicit yes or no; the classifier's affirm/deny count only when it is sure. */
function answerOf(turn: Turn): 'yes' | 'no' | undefined {
  const said = yesOrNo(turn.text);
  if (said) return said;
  if (turn.confidence >= 0.6 && turn.intent === 'affirm') return 'yes';
  if (turn.confidence >= 0.6 && turn.intent === 'deny') return 'no';
  return undefined;
}

const handoff = (turn: Turn, reason: string, lead: string[] = []): FlowResult => ({
  replies: [{ text: [...lead, turn.copy.handoff].join(' ') }],
  handoff: { reason, priority: 'normal', queue: 'general' },
  resolved: true,
  pending: null,
});

const cancelled = (turn: Turn): FlowResult => ({
  replies: [{ text: actionCopy(turn).cancelled }],
  resolved: true,
  pending: null,
});

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** "2", "nr 2", "the one ending 4242", or a name from the list (typos tolerated); anything else is not a pick. */
export function pickChoice(text: string, options: readonly Choice[]): Choice | undefined {
  const number = /^\D{0,12}?(\d{1,2})\D{0,12}$/u.exec(text.trim());
  if (number) return options[Number(number[1]) - 1];
  const digits: string[] = text.match(/\d{4}/g) ?? [];
  const byDigits = options.filter((o) => o.match.some((m) => digits.includes(m)));
  if (byDigits.length === 1) return byDigits[0];
  const said = ` ${fold(text)} `;
  const byWords = options.filter((o) => o.match.some((m) => m.length >= 3 && said.includes(` ${fold(m)} `)));
  if (byWords.length === 1) return byWords[0];
  const [best] = findMerchants(
    text,
    options.map((o) => o.match[0] ?? o.label),
  );
  const fuzzy = options.filter((o) => (o.match[0] ?? o.label) === best);
  return fuzzy.length === 1 ? fuzzy[0] : undefined;
}

async function afterChoice(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  pending: Extract<Pending, { kind: 'action_choose' }>,
  chosen: Choice,
): Promise<FlowResult> {
  if (pending.purpose === 'switch_method') return prepareSwitchTo(deps, turn, customerId, chosen.id);
  const { orders, entities } = await loadCustomerView(deps, turn, customerId);
  const orderId = pending.purpose === 'return_item' ? pending.orderId : chosen.id;
  const order = orders.find((o) => o.id === orderId);
  if (!order) return cancelled(turn);
  switch (pending.purpose) {
    case 'pay_installment':
      return preparePayInstallment(deps, turn, customerId, orders, order.id);
    case 'pay_off_plan':
      return preparePayOff(deps, turn, customerId, orders, order.id);
    case 'postpone':
      return preparePostpone(deps, turn, customerId, order, { ...entities, dates: [], durations: [] });
    case 'register_return':
      return returnItemStep(turn, order);
    case 'return_item':
      return prepareReturn(turn, order, chosen.id);
  }
}

async function execute(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
  pending: Extract<Pending, { kind: 'action_confirm' }>,
): Promise<FlowResult> {
  const { action, idempotencyKey } = pending;
  switch (action.type) {
    case 'pay_installment':
    case 'pay_off_plan':
      return executePayment(deps, turn, customerId, action, idempotencyKey);
    case 'postpone':
      return executePostpone(deps, turn, customerId, action);
    case 'switch_method':
      return executeSwitch(deps, turn, customerId, action);
    case 'register_return':
      return executeReturn(deps, turn, customerId, action);
    case 'close_account':
      return executeCloseAccount(deps, turn, customerId);
  }
}

/**
 * Continues a pending choice, confirmation or offer of a person. Only an explicit yes acts; a no
 * cancels and says nothing was done; an unclear answer is asked once more, then a person takes
 * over. Returns undefined when the customer has clearly moved on to something else, so the caller
 * drops the pending step (nothing was done) and answers the new message.
 */
export async function continueActionFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  pending: Pending,
  customerId: string,
): Promise<FlowResult | undefined> {
  if (pending.kind === 'offer_person') {
    const answer = answerOf(turn);
    if (answer === 'yes') return handoff(turn, pending.reason);
    if (answer === 'no') return { replies: [{ text: actionCopy(turn).okay }], resolved: true, pending: null };
    return undefined;
  }
  if (pending.kind === 'action_choose') {
    const own = FLOW_INTENT[pending.purpose];
    const chosen = pickChoice(turn.text, pending.options);
    if (chosen) return afterChoice(deps, turn, customerId, pending, chosen);
    if (answerOf(turn) === 'no') return cancelled(turn);
    if (isOtherTopic(turn, own)) return undefined;
    if (pending.attempts + 1 >= MAX_ATTEMPTS) return handoff(turn, 'action_choice_unclear');
    return {
      replies: [{ text: turn.copy.disputeUnclear }],
      resolved: true,
      pending: { ...pending, attempts: pending.attempts + 1 },
    };
  }
  if (pending.kind !== 'action_confirm') return undefined;
  const answer = answerOf(turn);
  if (answer === 'no') {
    // "No, the 20th instead": a new date is a new question, not a cancellation.
    if (pending.action.type === 'postpone') {
      const again = await repreparePostpone(deps, turn, customerId, pending.action.installmentId);
      if (again) return again;
    }
    return cancelled(turn);
  }
  if (answer === 'yes') return execute(deps, turn, customerId, pending);
  if (pending.action.type === 'postpone') {
    const again = await repreparePostpone(deps, turn, customerId, pending.action.installmentId);
    if (again) return again;
  }
  if (isOtherTopic(turn, FLOW_INTENT[pending.action.type])) return undefined;
  if (pending.attempts + 1 >= MAX_ATTEMPTS) return handoff(turn, 'action_confirmation_unclear');
  return {
    replies: [{ text: pending.question }],
    resolved: true,
    pending: { ...pending, attempts: pending.attempts + 1 },
  };
}
