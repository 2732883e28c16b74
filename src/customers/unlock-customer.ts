import { customerTopic, type DomainDeps } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict } from '../platform/errors.js';
import {
  type CustomerStatusResult,
  lockCustomerRow,
  requireReason,
  statusSnapshot,
} from './customer-status.js';

/** Reopens a locked account. The unlock reason is kept in the audit log; the lock reason is cleared. */
export async function unlockCustomer(
  deps: DomainDeps,
  actor: Actor,
  input: { customerId: string; reason: string },
): Promise<CustomerStatusResult> {
  const reason = requireReason(input.reason);
  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCustomerRow(trx, input.customerId);
    if (c.status !== 'locked')
      throw conflict(`Only a locked account can be unlocked; this one is ${c.status}`);
    const after = await trx
      .updateTable('customers')
      .set({ status: 'active', status_reason: null, updated_at: deps.clock.now() })
      .where('id', '=', c.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'customer.unlocked',
      entityType: 'customer',
      entityId: c.id,
      before: statusSnapshot(c),
      after: statusSnapshot(after),
      reason,
    });
    await deps.events.publish(
      customerTopic(c.id),
      'customer.unlocked',
      { customerId: c.id, status: after.status },
      trx,
    );
    return { customerId: c.id, status: after.status, statusReason: after.status_reason };
  });
}
