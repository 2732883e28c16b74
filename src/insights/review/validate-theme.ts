import { sql } from 'kysely';
import type { Actor } from '../../platform/audit/write-audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { enqueueDeliveries } from '../routing/enqueue-deliveries.js';
import { teamForArea } from '../routing/insight-teams.js';
import type { ThemeEdits } from './edit-theme.js';
import { lockTheme, themeAuditView } from './lock-theme.js';
import { recordThemeReview } from './record-theme-review.js';

/**
 * Validates a draft (optionally with an edited label, summary or area), assigns the team owning
 * its area and enqueues one delivery per channel of that team, all in one transaction. Delivery
 * happens in jobs, so a slow receiver never blocks the reviewer.
 */
export async function validateTheme(
  deps: Pick<AppDeps, 'db' | 'events' | 'jobs' | 'config' | 'clock'>,
  actor: Actor,
  input: { themeId: string; reason: string } & ThemeEdits,
) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockTheme(trx, input.themeId, ['draft']);
    const area = input.productArea ?? before.product_area;
    const team = await teamForArea(trx, area);
    const after = await trx
      .updateTable('insight_themes')
      .set({
        status: 'validated',
        label: input.label ?? before.label,
        summary: input.summary ?? before.summary,
        product_area: area,
        team_id: team?.id ?? null,
        validated_by: actor.type === 'staff' ? actor.id : null,
        validated_at: deps.clock.now(),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', input.themeId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const deliveries = team ? await enqueueDeliveries(deps, trx, after.id, team) : [];
    await recordThemeReview(trx, deps.events, actor, {
      action: 'validate',
      themeId: after.id,
      before: themeAuditView(before),
      after: { ...themeAuditView(after), deliveries },
      reason: input.reason,
      event: { teamId: team?.id ?? null },
    });
    return { theme: after, teamId: team?.id ?? null, deliveries };
  });
}
