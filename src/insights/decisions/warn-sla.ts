import { sql } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import { INSIGHTS_TOPIC } from '../theming/insights-topic.js';

export const SLA_QUEUE = 'insights.sla-check';

/**
 * Recurring job: each undecided theme (draft or validated) whose first feedback is at least
 * INSIGHTS_SLA_WARNING_HOURS old gets one `insights.sla.warning` live event, recorded in
 * sla_warned_at in the same transaction so every process warns once. Returns how many warned.
 */
export async function warnSla(deps: Pick<AppDeps, 'db' | 'events' | 'clock' | 'config'>): Promise<number> {
  const { slaWarningHours, slaTargetHours } = deps.config.insights;
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - slaWarningHours * 3_600_000);
  return deps.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('insight_themes')
      .select(['id', 'label', 'status', 'team_id', 'first_feedback_at'])
      .where('status', 'in', ['draft', 'validated'])
      .where('decided_at', 'is', null)
      .where('sla_warned_at', 'is', null)
      .where('first_feedback_at', '<=', cutoff)
      .forUpdate()
      .skipLocked()
      .limit(500)
      .execute();
    if (!due.length) return 0;
    await trx
      .updateTable('insight_themes')
      .set({ sla_warned_at: now, updated_at: sql<Date>`now()` })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
    for (const d of due) {
      const elapsedHours =
        Math.round(((now.getTime() - d.first_feedback_at!.getTime()) / 3_600_000) * 10) / 10;
      await deps.events.publish(
        INSIGHTS_TOPIC,
        'insights.sla.warning',
        {
          themeId: d.id,
          label: d.label,
          status: d.status,
          teamId: d.team_id,
          elapsedHours,
          targetHours: slaTargetHours,
        },
        trx,
      );
    }
    return due.length;
  });
}
