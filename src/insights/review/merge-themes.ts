import { sql } from 'kysely';
import type { Actor } from '../../platform/audit/write-audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { refreshThemeStats } from '../theming/theme-pending-feedback.js';
import { lockTheme, themeAuditView } from './lock-theme.js';
import { recordThemeReview } from './record-theme-review.js';

/**
 * Merges a draft theme into another (draft or validated): its items move, it becomes `merged`
 * with `merged_into`, and themes merged into it earlier point at the survivor, so the theming job
 * (which follows merged_into) sends future similar items there too.
 */
export async function mergeThemes(
  deps: Pick<AppDeps, 'db' | 'events'>,
  actor: Actor,
  input: { themeId: string; into: string; reason: string },
) {
  if (input.themeId === input.into)
    throw new AppError(400, 'bad_request', 'A theme cannot merge into itself');
  return deps.db.transaction().execute(async (trx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [a, b] = [input.themeId, input.into].sort();
    const first = await lockTheme(trx, a!, ['draft', 'validated']);
    const second = await lockTheme(trx, b!, ['draft', 'validated']);
    const source = first.id === input.themeId ? first : second;
    const target = first.id === input.into ? first : second;
    if (source.status !== 'draft')
      throw new AppError(409, 'conflict', 'Only a draft theme can be merged into another');
    await trx
      .updateTable('feedback_items')
      .set({ theme_id: target.id })
      .where('theme_id', '=', source.id)
      .execute();
    await trx
      .updateTable('insight_themes')
      .set({ merged_into: target.id })
      .where('merged_into', '=', source.id)
      .execute();
    await trx
      .updateTable('insight_themes')
      .set({ status: 'merged', merged_into: target.id, item_count: 0, updated_at: sql<Date>`now()` })
      .where('id', '=', source.id)
      .execute();
    await refreshThemeStats(trx, target.id);
    const after = await trx
      .selectFrom('insight_themes')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    await recordThemeReview(trx, deps.events, actor, {
      action: 'merge',
      themeId: source.id,
      before: { source: themeAuditView(source), target: themeAuditView(target) },
      after: { mergedInto: target.id, target: themeAuditView(after) },
      reason: input.reason,
      event: { into: target.id },
    });
    return after;
  });
}
