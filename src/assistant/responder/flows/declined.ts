import type { AssistantReply } from '../../../conversations/assistant-port.js';
import { formatAmount, formatDate } from '../format.js';
import { actionCopy, explainAndOfferPerson, savedMethods } from './action-context.js';
import { knowledgeAnswer } from './knowledge.js';
import { declineReason } from './payments.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

/** Declines older than this are history, not the answer to "why was it declined?". */
const RECENT_DAYS = 90;

/**
 * "Why was my payment / purchase declined?": the latest declined payment with its reason code
 * in plain words, and what on the account blocks new purchases (locked, overdue, no working
 * card). Only what the database records; when it records nothing, the help article and a person.
 */
export async function declinedFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  const since = new Date(Date.parse(`${turn.today}T00:00:00Z`) - RECENT_DAYS * 86_400_000);
  const lines: string[] = [];

  const failed = await deps.db
    .selectFrom('payments as pay')
    .innerJoin('payment_plans as p', 'p.id', 'pay.plan_id')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .innerJoin('merchants as m', 'm.id', 'o.merchant_id')
    .leftJoin('installments as i', 'i.id', 'pay.installment_id')
    .select([
      'pay.amount_minor',
      'pay.currency',
      'pay.failure_code',
      'pay.attempted_at',
      'm.name',
      'i.status as installment_status',
      'p.status as plan_status',
    ])
    .where('pay.customer_id', '=', customerId)
    .where('pay.status', '=', 'failed')
    .where('pay.attempted_at', '>=', since)
    .orderBy('pay.attempted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (failed) {
    lines.push(
      copy.declinedPayment({
        merchant: failed.name,
        amount: formatAmount(failed.amount_minor, failed.currency, turn.locale),
        date: formatDate(failed.attempted_at.toISOString().slice(0, 10), turn.locale),
        reason: declineReason(turn, failed.failure_code),
      }),
    );
    if (failed.installment_status === 'paid' || failed.plan_status === 'completed')
      lines.push(copy.declinedPaidSince);
  }

  const customer = await deps.db
    .selectFrom('customers')
    .select('status')
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  if (customer.status !== 'active') lines.push(copy.declinedLocked);

  const overdue = await deps.db
    .selectFrom('installments as i')
    .innerJoin('payment_plans as p', 'p.id', 'i.plan_id')
    .select('i.id')
    .where('p.customer_id', '=', customerId)
    .where('p.status', 'in', ['active', 'defaulted'])
    .where((eb) =>
      eb.or([
        eb('i.status', 'in', ['late', 'failed']),
        eb.and([eb('i.status', '=', 'scheduled'), eb('i.due_date', '<', turn.today)]),
      ]),
    )
    .executeTakeFirst();
  if (overdue) lines.push(copy.declinedOverdue);

  const methods = await savedMethods(deps, customerId, turn.today);
  const usable = methods.filter((m) => m.status === 'active' && !m.expired);
  const expiredDefault = methods.find((m) => m.isDefault && m.expired);
  if (expiredDefault) lines.push(copy.declinedExpired(expiredDefault.label));
  if (usable.length === 0) lines.push(copy.declinedNoMethod);

  if (lines.length > 0) return { replies: [{ text: lines.join(' ') }], resolved: true, pending: null };
  // Nothing on record explains it (checkout attempts themselves are not stored here): the article, and a person.
  const article = await knowledgeAnswer(deps, turn, { useIntentArticle: true });
  if (!article) return explainAndOfferPerson(turn, 'declined_unexplained', [copy.declinedNone]);
  const replies: AssistantReply[] = [{ text: copy.declinedNone }, article];
  return { replies, resolved: true, pending: null };
}
