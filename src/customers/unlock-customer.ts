import type { DomainDeps } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { type CustomerStatusResult, changeCustomerStatus } from './customer-status.js';

/** Reopens a locked account. The unlock reason is kept in the audit log; the lock reason is cleared. */
export function unlockCustomer(
  deps: DomainDeps,
  actor: Actor,
  input: { customerId: string; reason: string },
): Promise<CustomerStatusResult> {
  return changeCustomerStatus(deps, actor, input, {
    to: 'active',
    action: 'customer.unlocked',
    refuse: (current) =>
      current === 'locked' ? undefined : `Only a locked account can be unlocked; this one is ${current}`,
  });
}
