import { sql } from 'kysely';
import type { Actor } from '../../platform/audit/write-audit.js';
import { writeAudit } from '../../platform/audit/write-audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { INSIGHTS_TOPIC } from '../theming/insights-topic.js';
import { lockTheme, themeAuditView } from './lock-theme.js';

/** Rejects a draft (noise, not actionable); its items stay linked to it and never reach a team. */
export async function rejectTheme(
  deps: Pick<AppDeps, 'db' | 'events'>,
  actor: Actor,
  input: { themeId: string; reason: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockTheme(trx, input.themeId, ['draft']);
    const after = await trx
      .updateTable('insight_themes')
      .set({ status: 'rejected', rejected_reason: input.reason, updated_at: sql<Date>`now()` })
      .where('id', '=', input.themeId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'insights.theme.reject',
      entityType: 'insight_theme',
      entityId: input.themeId,
      before: themeAuditView(before),
      after: themeAuditView(after),
      reason: input.reason,
    });
    await deps.events.publish(
      INSIGHTS_TOPIC,
      'insights.theme.reviewed',
      { themeId: after.id, action: 'reject' },
      trx,
    );
    return after;
  });
}
