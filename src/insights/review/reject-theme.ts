import { sql } from 'kysely';
import type { Actor } from '../../platform/audit/write-audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { lockTheme, themeAuditView } from './lock-theme.js';
import { recordThemeReview } from './record-theme-review.js';

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
    await recordThemeReview(trx, deps.events, actor, {
      action: 'reject',
      themeId: input.themeId,
      before: themeAuditView(before),
      after: themeAuditView(after),
      reason: input.reason,
    });
    return after;
  });
}
