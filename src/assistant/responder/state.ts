import { z } from 'zod';
import { SENTIMENTS } from '../sentiment/sentiment-data.js';

const disputeOption = z.object({
  orderId: z.string(),
  merchant: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
});
export type DisputeOption = z.infer<typeof disputeOption>;

/** A change the assistant has described and is waiting for an explicit yes to make. */
const action = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pay_installment'), installmentId: z.string() }),
  z.object({ type: z.literal('pay_off_plan'), planId: z.string() }),
  z.object({
    type: z.literal('postpone'),
    installmentId: z.string(),
    days: z.number().int(),
    /** The due date when asked: a retried "yes" that finds it already moved reports success. */
    fromDate: z.string(),
  }),
  z.object({ type: z.literal('switch_method'), paymentMethodId: z.string(), planIds: z.array(z.string()) }),
  z.object({ type: z.literal('register_return'), orderId: z.string(), item: z.string().nullable() }),
  z.object({ type: z.literal('close_account') }),
]);
export type PendingAction = z.infer<typeof action>;

/** What a numbered list in a reply stood for: an order, a plan, an item or a payment method. */
const choice = z.object({ id: z.string(), label: z.string(), match: z.array(z.string()) });
export type Choice = z.infer<typeof choice>;

export const CHOICE_PURPOSES = [
  'pay_off_plan',
  'pay_installment',
  'postpone',
  'switch_method',
  'register_return',
  'return_item',
] as const;
export type ChoicePurpose = (typeof CHOICE_PURPOSES)[number];

const pending = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('action_choose'),
    purpose: z.enum(CHOICE_PURPOSES),
    options: z.array(choice).min(1),
    /** For an item choice: the order the items belong to. */
    orderId: z.string().optional(),
    attempts: z.number(),
  }),
  z.object({
    kind: z.literal('action_confirm'),
    action,
    /** Asked again, word for word, when the answer was neither yes nor no. */
    question: z.string(),
    /** Fixed when the question is asked: a repeated or retried "yes" replays instead of acting twice. */
    idempotencyKey: z.string(),
    attempts: z.number(),
  }),
  /** "Would you like a person?" after something the chat could not do. */
  z.object({ kind: z.literal('offer_person'), reason: z.string(), attempts: z.number() }),
  z.object({
    kind: z.literal('dispute_choose'),
    options: z.array(disputeOption).min(1),
    attempts: z.number(),
  }),
  z.object({ kind: z.literal('dispute_confirm'), option: disputeOption, attempts: z.number() }),
]);
export type Pending = z.infer<typeof pending>;

const assistantState = z.object({
  /** Consecutive turns the assistant could not understand. */
  lowConfidenceStreak: z.number().int().default(0),
  /** The intent of the previous turn if it ended without resolving it (asked again = a loop). */
  unresolvedIntent: z.string().nullable().default(null),
  pending: pending.nullable().default(null),
  /** The last customer message's sentiment, for handoff summaries and insights. */
  lastSentiment: z
    .object({ sentiment: z.enum(SENTIMENTS), frustration: z.number() })
    .nullable()
    .default(null),
});
export type AssistantState = z.infer<typeof assistantState>;

export const INITIAL_STATE: AssistantState = {
  lowConfidenceStreak: 0,
  unresolvedIntent: null,
  pending: null,
  lastSentiment: null,
};

/** State is stored as JSON by the conversation service; anything unreadable starts over rather than failing the turn. */
export function readState(raw: Record<string, unknown>): AssistantState {
  const parsed = assistantState.safeParse(raw);
  return parsed.success ? parsed.data : { ...INITIAL_STATE };
}

export function writeState(state: AssistantState): Record<string, unknown> {
  return { ...state };
}
