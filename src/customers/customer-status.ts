import type { Selectable } from 'kysely';
import { customerTopic, type DomainDeps, unprocessable } from '../orders/domain.js';
import type { Trx } from '../orders/plan-state.js';
import { type Actor, writeAudit } from '../platform/audit/write-audit.js';
import type { CustomerStatus, DB } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';

export type CustomerRow = Selectable<DB['customers']>;

export async function lockCustomerRow(trx: Trx, customerId: string): Promise<CustomerRow> {
  const c = await trx
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw notFound('Customer');
  return c;
}

/** Status changes must say why: the reason is what the next agent or investigator reads. */
export function requireReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 3 || r.length > 500) throw unprocessable('Give a reason of 3 to 500 characters');
  return r;
}

export const statusSnapshot = (c: CustomerRow) => ({ status: c.status, statusReason: c.status_reason });

export interface CustomerStatusResult {
  customerId: string;
  status: CustomerRow['status'];
  statusReason: string | null;
}

/**
 * Moves an account between active and locked in one transaction with its audit row and
 * live event. `refuse` returns why the current status does not allow the move, if it doesn't.
 */
export async function changeCustomerStatus(
  deps: DomainDeps,
  actor: Actor,
  input: { customerId: string; reason: string },
  change: {
    to: 'active' | 'locked';
    action: 'customer.locked' | 'customer.unlocked';
    refuse: (current: CustomerStatus) => string | undefined;
  },
): Promise<CustomerStatusResult> {
  const reason = requireReason(input.reason);
  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCustomerRow(trx, input.customerId);
    const refusal = change.refuse(c.status);
    if (refusal) throw conflict(refusal);
    const after = await trx
      .updateTable('customers')
      .set({
        status: change.to,
        status_reason: change.to === 'locked' ? reason : null,
        updated_at: deps.clock.now(),
      })
      .where('id', '=', c.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: change.action,
      entityType: 'customer',
      entityId: c.id,
      before: statusSnapshot(c),
      after: statusSnapshot(after),
      reason,
    });
    // The customer's own screens listen on this topic: the reason (maybe a fraud suspicion) stays out of it.
    await deps.events.publish(
      customerTopic(c.id),
      change.action,
      { customerId: c.id, status: after.status },
      trx,
    );
    return { customerId: c.id, status: after.status, statusReason: after.status_reason };
  });
}
