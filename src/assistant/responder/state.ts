import { z } from 'zod';
import { SENTIMENTS } from '../sentiment/sentiment-data.js';

const disputeOption = z.object({
  orderId: z.string(),
  merchant: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
});
export type DisputeOption = z.infer<typeof disputeOption>;

const pending = z.discriminatedUnion('kind', [
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
