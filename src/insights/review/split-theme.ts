import type { Actor } from '../../platform/audit/write-audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { refreshThemeStats } from '../theming/theme-pending-feedback.js';
import { lockTheme, themeAuditView } from './lock-theme.js';
import { recordThemeReview } from './record-theme-review.js';

/**
 * Moves some of a theme's items into a new draft theme. The new theme has no centroid in the
 * engine, so later similar items still go to the original until a reviewer moves them or merges.
 */
export async function splitTheme(
  deps: Pick<AppDeps, 'db' | 'events'>,
  actor: Actor,
  input: { themeId: string; itemIds: string[]; label: string; reason: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const source = await lockTheme(trx, input.themeId, ['draft', 'validated']);
    const items = await trx
      .selectFrom('feedback_items')
      .select(['id', 'product_area'])
      .where('theme_id', '=', source.id)
      .where('id', 'in', input.itemIds)
      .execute();
    if (items.length !== new Set(input.itemIds).size)
      throw new AppError(400, 'bad_request', 'Every item must belong to the theme being split');
    if (items.length >= source.item_count)
      throw new AppError(400, 'bad_request', 'Leave at least one item in the original theme');
    const id = newId();
    await trx
      .insertInto('insight_themes')
      .values({ id, label: input.label, product_area: items[0]!.product_area })
      .execute();
    await trx.updateTable('feedback_items').set({ theme_id: id }).where('id', 'in', input.itemIds).execute();
    await refreshThemeStats(trx, id);
    await refreshThemeStats(trx, source.id);
    const created = await trx
      .selectFrom('insight_themes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await recordThemeReview(trx, deps.events, actor, {
      action: 'split',
      themeId: source.id,
      before: themeAuditView(source),
      after: { newTheme: id, itemIds: input.itemIds, created: themeAuditView(created) },
      reason: input.reason,
      event: { newThemeId: id },
    });
    return created;
  });
}
