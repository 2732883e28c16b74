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

/** Locks an account (fraud suspicion, compromised login...). Repayments, returns and disputes still go through; new credit and account changes do not. */
export async function lockCustomer(
  deps: DomainDeps,
  actor: Actor,
  input: { customerId: string; reason: string },
): Promise<CustomerStatusResult> {
  const reason = requireReason(input.reason);
  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCustomerRow(trx, input.customerId);
    if (c.status === 'locked') throw conflict('This account is already locked');
    if (c.status === 'closed') throw conflict('This account is closed and cannot be locked');
    const after = await trx
      .updateTable('customers')
      .set({ status: 'locked', status_reason: reason, updated_at: deps.clock.now() })
      .where('id', '=', c.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'customer.locked',
      entityType: 'customer',
      entityId: c.id,
      before: statusSnapshot(c),
      after: statusSnapshot(after),
      reason,
    });
    // The customer's own screens listen on this topic: the reason (maybe a fraud suspicion) stays out of it.
    await deps.events.publish(
      customerTopic(c.id),
      'customer.locked',
      { customerId: c.id, status: after.status },
      trx,
    );
    return { customerId: c.id, status: after.status, statusReason: after.status_reason };
  });
}
