import { lockCustomer } from '../../../customers/lock-customer.js';
import { AppError } from '../../../platform/errors.js';
import type { BuiltinAssistantDeps, FlowResult, Turn } from './types.js';

/**
 * Unrecognised purchase or lost card: lock the account first (so nothing more can be bought
 * while a person looks), then hand over to the fraud queue. Says "locked" only if it is.
 */
export async function fraudFlow(deps: BuiltinAssistantDeps, turn: Turn): Promise<FlowResult> {
  let locked = false;
  if (turn.customerId) {
    try {
      const result = await lockCustomer(
        deps,
        { type: 'ai', id: null },
        {
          customerId: turn.customerId,
          reason: `Customer reported ${turn.intent === 'lost_card' ? 'a lost card' : 'an unrecognised purchase'} to the AI assistant`,
        },
      );
      locked = result.status === 'locked';
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Already locked still protects the customer; closed accounts cannot be locked.
      locked = /already locked/i.test(err.message);
    }
  }
  return {
    replies: [
      { text: locked ? `${turn.copy.fraudLocked} ${turn.copy.fraudHandoff}` : turn.copy.fraudHandoff },
    ],
    handoff: { reason: turn.intent, priority: 'high', queue: 'fraud' },
    resolved: true,
    pending: null,
  };
}
