import type { DomainDeps } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { type CustomerStatusResult, changeCustomerStatus } from './customer-status.js';

/** Locks an account (fraud suspicion, compromised login...). Repayments, returns and disputes still go through; new credit and account changes do not. */
export function lockCustomer(
  deps: DomainDeps,
  actor: Actor,
  input: { customerId: string; reason: string },
): Promise<CustomerStatusResult> {
  return changeCustomerStatus(deps, actor, input, {
    to: 'locked',
    action: 'customer.locked',
    refuse: (current) =>
      current === 'locked'
        ? 'This account is already locked'
        : current === 'closed'
          ? 'This account is closed and cannot be locked'
          : undefined,
  });
}
