import { sql } from 'kysely';
import type { Actor } from '../../platform/audit/write-audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { lockTheme, themeAuditView } from './lock-theme.js';
import { recordThemeReview } from './record-theme-review.js';

export interface ThemeEdits {
  label?: string | undefined;
  summary?: string | undefined;
  productArea?: string | undefined;
}

/** Changes a draft or validated theme's label, summary or product area; audited with the reason. */
export async function editTheme(
  deps: Pick<AppDeps, 'db' | 'events'>,
  actor: Actor,
  input: { themeId: string; reason: string } & ThemeEdits,
) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockTheme(trx, input.themeId, ['draft', 'validated']);
    const after = await trx
      .updateTable('insight_themes')
      .set({
        label: input.label ?? before.label,
        summary: input.summary ?? before.summary,
        product_area: input.productArea ?? before.product_area,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', input.themeId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordThemeReview(trx, deps.events, actor, {
      action: 'edit',
      themeId: input.themeId,
      before: themeAuditView(before),
      after: themeAuditView(after),
      reason: input.reason,
    });
    return after;
  });
}
