import { closeCustomerAccount } from '../../../customers/close-customer-account.js';
import { getOutstandingBalance } from '../../../customers/outstanding-balance.js';
import { AppError } from '../../../platform/errors.js';
import { formatAmount } from '../format.js';
import { AI_ACTOR, actionCopy, askToConfirm, explainAndOfferPerson } from './action-context.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

async function customerRow(deps: BuiltinAssistantDeps, customerId: string) {
  return deps.db
    .selectFrom('customers')
    .select(['status', 'currency'])
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
}

/**
 * "Close my account": the reasons it cannot be closed yet (locked, open dispute, money owed,
 * with the amount from the database), else an explicit confirmation; `closeCustomerAccount`
 * applies the same rules again when the customer says yes.
 */
export async function startCloseAccountFlow(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  const customer = await customerRow(deps, customerId);
  if (customer.status === 'closed')
    return { replies: [{ text: copy.closeRefused.closed }], resolved: true, pending: null };
  if (customer.status === 'locked')
    return explainAndOfferPerson(turn, 'close_account_locked', [copy.closeRefused.locked]);
  const disputes = await deps.db
    .selectFrom('disputes')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', 'in', ['open', 'under_review'])
    .execute();
  if (disputes.length > 0)
    return explainAndOfferPerson(turn, 'close_account_dispute', [copy.closeRefused.dispute]);
  const balance = await getOutstandingBalance(deps.db, customerId);
  if (balance.totalMinor > 0) {
    return {
      replies: [
        { text: copy.closeBalance(formatAmount(balance.totalMinor, customer.currency, turn.locale)) },
      ],
      // Still the customer's need: asked again, it goes to a person rather than a second refusal.
      resolved: false,
      pending: null,
    };
  }
  return askToConfirm(turn, copy.closeConfirm, { type: 'close_account' });
}

export async function executeCloseAccount(
  deps: BuiltinAssistantDeps,
  turn: Turn,
  customerId: string,
): Promise<FlowResult> {
  const copy = actionCopy(turn);
  try {
    await closeCustomerAccount(deps, AI_ACTOR, {
      customerId,
      reason: 'Customer asked the AI assistant in chat to close the account',
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // A retried "yes" finds the account already closed: that is the outcome the customer asked for.
    if ((await customerRow(deps, customerId)).status !== 'closed')
      return explainAndOfferPerson(turn, 'close_account_failed', [copy.failed]);
  }
  return { replies: [{ text: copy.closeDone }], resolved: true, pending: null };
}
