import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { extractEntities } from '../assistant/entities/extract-entities.js';
import { isLanguage } from '../assistant/language/detect-language.js';
import type { HandoffRequest } from '../conversations/assistant-port.js';
import type { ConversationRow, MessageRow } from '../conversations/conversation-views.js';
import type { Sql } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

/** What the person taking over reads first; stored in conversations.handoff_summary. */
export const handoffSummarySchema = z.object({
  customer: z.object({
    id: z.string().nullable(),
    name: z.string().nullable(),
    verified: z.boolean().describe('True when the conversation was opened with a valid customer token'),
  }),
  language: z.string(),
  reason: z.string().describe('The handoff reason code (see src/handoff/escalation-policy.ts)'),
  priority: z.enum(['normal', 'high', 'urgent']),
  queue: z.string(),
  need: z.string().describe('What the customer needs, in words'),
  facts: z.object({
    orderRefs: z.array(z.string()),
    merchants: z.array(z.string()),
    amounts: z.array(z.object({ minor: z.number(), currency: z.string().nullable(), text: z.string() })),
    dates: z.array(z.string()),
  }),
  aiActions: z.array(z.string()).describe('What the assistant did on the account during the conversation'),
  aiFailures: z.array(z.string()).describe('What the assistant could not do'),
  sentiment: z.object({ sentiment: z.string(), frustration: z.number() }).nullable(),
  customerMessages: z.number().int(),
  lastCustomerMessage: z.string().nullable(),
  suggestedNextStep: z.string(),
  text: z.string().describe('A short readable summary, templated from the fields above'),
  llmText: z
    .string()
    .optional()
    .describe(
      'A note written by the configured LLM, added shortly after the handoff when its figures check out',
    ),
  llmModel: z.string().optional().describe('Provider and model that wrote llmText'),
  builtAt: z.string(),
});
export type HandoffSummary = z.infer<typeof handoffSummarySchema>;

const NEEDS: Record<string, string> = {
  safety_concern: 'Possible danger to themselves or from someone else',
  customer_requested_human: 'Asked to talk to a person',
  customer_frustrated: 'Frustrated with the assistant',
  low_understanding: 'The assistant could not understand them',
  repeated_unresolved: 'Asked for the same thing again without it being resolved',
  repeated_question: 'Asked the same question again after an answer: the answer did not help',
  hardship: 'Financial hardship: cannot pay as planned',
  vulnerable_customer: 'Bereavement or serious illness',
  complaint: 'A complaint',
  legal_threat: 'A legal threat or a formal complaint (lawyer, regulator, ombudsman)',
  fraud_victim: 'Says they are a victim of fraud or a scam',
  unrecognised_purchase: 'Does not recognise a purchase',
  lost_card: 'Lost card',
  dispute_above_threshold: 'A large dispute, opened by the assistant',
};

const NEXT_STEPS: Record<string, string> = {
  safety_concern:
    'Check the customer is safe now and repeat the crisis resources; pause collections; involve your supervisor.',
  hardship: 'Offer hardship options (pause or a new payment plan) and note the customer as vulnerable.',
  vulnerable_customer:
    'Acknowledge the situation with care, note the customer as vulnerable and offer to pause payments.',
  complaint: 'Acknowledge the complaint, log it, and tell the customer when they will hear back.',
  legal_threat:
    'Log a formal complaint and acknowledge it; do not argue the legal points; involve complaints.',
  fraud_victim:
    'Confirm the account is locked, review recent purchases with the customer and open a fraud case.',
  unrecognised_purchase:
    'Confirm the account is locked, review the purchase and open a fraud case if needed.',
  lost_card: 'Confirm the account is locked and help the customer replace the card.',
  dispute_above_threshold: "Review the open dispute and request the merchant's evidence.",
  customer_frustrated: 'Apologise briefly and resolve the open request without asking them to repeat it.',
  repeated_unresolved: 'Resolve the request the assistant could not; the customer has asked twice.',
  low_understanding: 'Read their messages and ask one clarifying question.',
};

/** Assistant failures worth telling the person, by reason code or by the assistant's own words. */
const FAILURE_REASONS = new Set([
  'low_understanding',
  'repeated_unresolved',
  'dispute_order_unclear',
  'dispute_confirmation_unclear',
  'dispute_not_opened',
]);

const AI_ACTION_WORDS: Record<string, string> = {
  'dispute.opened': 'Opened a dispute (plan paused)',
  'customer.locked': 'Locked the account',
  'installment.paid': 'Took an installment payment',
  'plan.paid_off': 'Paid off a plan',
  'installment.postponed': 'Postponed an installment',
  'plan.payment_method_updated': 'Switched the payment method',
  'plan.payoff_failed': 'Tried to pay off a plan (the payment failed)',
  'return.registered': 'Registered a return',
};

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Builds the handoff summary from what is stored: the conversation (with the assistant's
 * state), its messages, the customer and what the assistant did on the account (AI audit rows
 * since the conversation began). Extractive and templated: nothing is made up.
 */
export async function buildHandoffSummary(
  db: Sql | Transaction<DB>,
  conversation: ConversationRow,
  handoff: HandoffRequest,
  messages: MessageRow[],
  now: Date,
): Promise<HandoffSummary> {
  const customer = conversation.customer_id
    ? await db
        .selectFrom('customers')
        .select(['id', 'given_name', 'family_name', 'locale'])
        .where('id', '=', conversation.customer_id)
        .executeTakeFirst()
    : undefined;
  const own = customer
    ? await db
        .selectFrom('orders as o')
        .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
        .select(['o.id', 'o.reference', 'm.name'])
        .where('o.customer_id', '=', customer.id)
        .execute()
    : [];
  const aiAudit = customer
    ? await db
        .selectFrom('audit_log')
        .select(['action', 'reason'])
        .where('actor_type', '=', 'ai')
        .where('occurred_at', '>=', conversation.created_at)
        .where('action', '!=', 'conversation.status_changed')
        // This customer's account: rows about them, or whose after-image names one of their orders.
        .where((eb) =>
          eb.or([
            eb('entity_id', '=', customer.id),
            ...[customer.id, ...own.map((o) => o.id)].map((id) => eb(sql`after::text`, 'like', `%${id}%`)),
          ]),
        )
        .orderBy('id')
        .limit(20)
        .execute()
    : [];

  const language = isLanguage(conversation.language) ? conversation.language : 'en';
  const today = now.toISOString().slice(0, 10);
  const customerTexts = messages.filter((m) => m.role === 'customer').map((m) => m.text);
  const facts: HandoffSummary['facts'] = { orderRefs: [], merchants: [], amounts: [], dates: [] };
  for (const text of customerTexts) {
    const found = extractEntities(text, {
      language,
      today,
      merchants: [...new Set(own.map((o) => o.name))],
      orderRefs: own.map((o) => o.reference),
      ...(customer ? { locale: customer.locale } : {}),
    });
    facts.orderRefs.push(...found.orderRefs);
    facts.merchants.push(...found.merchants);
    facts.amounts.push(...found.amounts.map((a) => ({ minor: a.minor, currency: a.currency, text: a.text })));
    facts.dates.push(...found.dates.map((d) => d.date));
  }
  facts.orderRefs = [...new Set(facts.orderRefs)];
  facts.merchants = [...new Set(facts.merchants)];
  facts.dates = [...new Set(facts.dates)];

  const aiActions = [...new Set(aiAudit.map((a) => AI_ACTION_WORDS[a.action] ?? a.action))];
  const aiFailures = FAILURE_REASONS.has(handoff.reason) ? [NEEDS[handoff.reason] ?? handoff.reason] : [];
  const state = conversation.assistant_state as {
    lastSentiment?: { sentiment: string; frustration: number };
  };
  const sentiment = state?.lastSentiment ?? null;
  const name = customer ? `${customer.given_name} ${customer.family_name}` : null;
  const need = NEEDS[handoff.reason] ?? handoff.reason.replaceAll('_', ' ');
  const suggestedNextStep =
    NEXT_STEPS[handoff.reason] ?? 'Read the conversation and continue from the last customer message.';
  const last = customerTexts.at(-1) ?? null;

  const lines = [
    `${name ?? 'An anonymous visitor'} (${customer ? 'verified' : 'not verified'}, writing in ${language}): ${need}.`,
    last ? `Last said: "${clip(last, 200)}"` : '',
    [
      facts.orderRefs.length ? `orders ${facts.orderRefs.join(', ')}` : '',
      facts.merchants.length ? `merchants ${facts.merchants.join(', ')}` : '',
      facts.amounts.length ? `amounts ${facts.amounts.map((a) => a.text).join(', ')}` : '',
      facts.dates.length ? `dates ${facts.dates.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ')
      .replace(/^(.)/, 'Mentioned: $1'),
    aiActions.length
      ? `The assistant: ${aiActions.join('; ')}.`
      : 'The assistant made no changes to the account.',
    aiFailures.length ? `It could not: ${aiFailures.join('; ')}.` : '',
    sentiment ? `Mood: ${sentiment.sentiment}, frustration ${sentiment.frustration.toFixed(2)}.` : '',
    `Next: ${suggestedNextStep}`,
  ];
  return {
    customer: { id: customer?.id ?? null, name, verified: customer !== undefined },
    language,
    reason: handoff.reason,
    priority: handoff.priority,
    queue: handoff.queue,
    need,
    facts,
    aiActions,
    aiFailures,
    sentiment,
    customerMessages: customerTexts.length,
    lastCustomerMessage: last,
    suggestedNextStep,
    text: lines.filter(Boolean).join('\n'),
    builtAt: now.toISOString(),
  };
}
