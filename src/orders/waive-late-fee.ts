import type { Actor } from '../platform/audit/write-audit.js';
import { writeAudit } from '../platform/audit/write-audit.js';
import { conflict, notFound } from '../platform/errors.js';
import { customerTopic, type DomainDeps, unprocessable } from './domain.js';
import { type LateFeeView, toLateFeeView } from './order-views.js';

/** Waives a charged late fee; the reason is kept on the fee and in the audit log. */
export async function waiveLateFee(
  deps: DomainDeps,
  actor: Actor,
  input: { lateFeeId: string; reason: string },
): Promise<LateFeeView> {
  const reason = input.reason.trim();
  if (reason.length < 3) throw unprocessable('Say why the fee is waived (at least 3 characters)');
  return deps.db.transaction().execute(async (trx) => {
    const fee = await trx
      .selectFrom('late_fees')
      .selectAll()
      .where('id', '=', input.lateFeeId)
      .forUpdate()
      .executeTakeFirst();
    if (!fee) throw notFound('Late fee');
    if (fee.status === 'waived') throw conflict('This late fee is already waived');
    if (fee.status === 'paid')
      throw conflict('This late fee was already paid; refund it instead of waiving it');
    const after = await trx
      .updateTable('late_fees')
      .set({ status: 'waived', waived_reason: reason })
      .where('id', '=', fee.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'late_fee.waived',
      entityType: 'late_fee',
      entityId: fee.id,
      before: { status: fee.status, waivedReason: fee.waived_reason },
      after: { status: after.status, waivedReason: after.waived_reason },
      reason,
    });
    await deps.events.publish(
      customerTopic(fee.customer_id),
      'late_fee.waived',
      {
        lateFeeId: fee.id,
        installmentId: fee.installment_id,
        amountMinor: fee.amount_minor,
        currency: fee.currency,
      },
      trx,
    );
    return toLateFeeView(after);
  });
}
