import type { Transaction } from 'kysely';
import type { DB, InsightThemeStatus } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';

/** Locks a theme for a review action, refusing a missing theme or one in a status the action can't take. */
export async function lockTheme(trx: Transaction<DB>, id: string, allowed: readonly InsightThemeStatus[]) {
  const theme = await trx
    .selectFrom('insight_themes')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!theme) throw new AppError(404, 'not_found', 'No such theme');
  if (!allowed.includes(theme.status))
    throw new AppError(
      409,
      'conflict',
      `The theme is ${theme.status}; this needs one of: ${allowed.join(', ')}`,
    );
  return theme;
}

/** The fields an audit row shows before and after a review action. */
export function themeAuditView(t: {
  label: string;
  summary: string | null;
  status: string;
  product_area: string | null;
  item_count: number;
  merged_into?: string | null;
  team_id?: string | null;
}) {
  return {
    label: t.label,
    summary: t.summary,
    status: t.status,
    productArea: t.product_area,
    itemCount: t.item_count,
    mergedInto: t.merged_into ?? null,
    teamId: t.team_id ?? null,
  };
}
