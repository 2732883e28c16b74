import { sql } from 'kysely';
import { type Actor, writeAudit } from '../../platform/audit/write-audit.js';
import type { Sql } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';

/**
 * The customer has been shown an update (the host app calls this when it displays it): the
 * follow-up counts as delivered. Idempotent; another customer's update is "not found".
 */
export async function markFeedbackUpdateSeen(
  db: Sql,
  actor: Actor,
  input: { customerId: string; followUpId: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('insight_follow_ups')
      .select(['id', 'status'])
      .where('id', '=', input.followUpId)
      .where('customer_id', '=', input.customerId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError(404, 'not_found', 'No such update');
    if (row.status === 'sent') return;
    await trx
      .updateTable('insight_follow_ups')
      .set({ status: 'sent', sent_at: sql<Date>`now()` })
      .where('id', '=', row.id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'insights.follow_up.seen',
      entityType: 'insight_follow_up',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'sent' },
    });
  });
}
