import { customerTopic, type DomainDeps, formatMoney } from '../orders/domain.js';
import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict } from '../platform/errors.js';
import {
  type CustomerStatusResult,
  lockCustomerRow,
  requireReason,
  statusSnapshot,
} from './customer-status.js';
import { getOutstandingBalance } from './outstanding-balance.js';

/**
 * Closes an account for good. Refused, with the reason, while money is outstanding or a
 * dispute is open, and a locked account can only be closed by staff (so closing cannot be
 * used to slip out of a fraud review). Stored payment methods are removed.
 */
export async function closeCustomerAccount(
  deps: DomainDeps,
  actor: Actor,
  input: { customerId: string; reason: string },
): Promise<CustomerStatusResult> {
  const reason = requireReason(input.reason);
  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCustomerRow(trx, input.customerId);
    if (c.status === 'closed') throw conflict('This account is already closed');
    if (c.status === 'locked' && actor.type !== 'staff') {
      throw conflict('This account is locked; only our staff can close it. Please talk to an agent');
    }
    const disputes = await trx
      .selectFrom('disputes')
      .select('id')
      .where('customer_id', '=', c.id)
      .where('status', 'in', ['open', 'under_review'])
      .execute();
    if (disputes.length > 0) {
      throw conflict(
        'The account cannot be closed while a dispute is open; it must be resolved or withdrawn first',
        {
          disputeIds: disputes.map((d) => d.id),
        },
      );
    }
    const balance = await getOutstandingBalance(trx, c.id);
    if (balance.totalMinor > 0) {
      throw conflict(
        `The account cannot be closed while ${formatMoney(balance.totalMinor, c.currency)} is outstanding; it must be paid first`,
        { outstandingMinor: balance.totalMinor, currency: c.currency },
      );
    }
    const now = deps.clock.now();
    const after = await trx
      .updateTable('customers')
      .set({ status: 'closed', status_reason: reason, updated_at: now })
      .where('id', '=', c.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const removed = await trx
      .updateTable('payment_methods')
      .set({ status: 'removed', is_default: false })
      .where('customer_id', '=', c.id)
      .where('status', '!=', 'removed')
      .returning('id')
      .execute();
    await writeAudit(trx, actor, {
      action: 'customer.closed',
      entityType: 'customer',
      entityId: c.id,
      before: statusSnapshot(c),
      after: { ...statusSnapshot(after), removedPaymentMethods: removed.map((r) => r.id) },
      reason,
    });
    await deps.events.publish(
      customerTopic(c.id),
      'customer.closed',
      { customerId: c.id, status: after.status },
      trx,
    );
    return { customerId: c.id, status: after.status, statusReason: after.status_reason };
  });
}
