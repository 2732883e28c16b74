import { sql } from 'kysely';
import type { Actor } from '../../platform/audit/write-audit.js';
import { writeAudit } from '../../platform/audit/write-audit.js';
import type { InsightDecision } from '../../platform/db/schema.js';
import type { AppDeps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { lockTheme } from '../review/lock-theme.js';
import { INSIGHTS_TOPIC } from '../theming/insights-topic.js';
import { recordFollowUps } from './record-follow-ups.js';

/**
 * The owning team's decision on a validated insight; a later decision replaces the current one
 * (planned → shipped) and every one stays in insight_decisions. `decided_at` on the theme is the
 * first decision's time (the SLA measures time to a first decision). Shipped → follow-up outbox.
 */
export async function recordDecision(
  deps: Pick<AppDeps, 'db' | 'events' | 'clock'>,
  actor: Actor,
  input: { themeId: string; decision: InsightDecision; note: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockTheme(trx, input.themeId, ['validated']);
    const now = deps.clock.now();
    const by = actor.type === 'staff' ? actor.id : null;
    await trx
      .insertInto('insight_decisions')
      .values({
        id: newId(),
        theme_id: before.id,
        decision: input.decision,
        note: input.note,
        decided_by: by,
        decided_at: now,
      })
      .execute();
    const after = await trx
      .updateTable('insight_themes')
      .set({
        decision: input.decision,
        decision_note: input.note,
        decided_by: by,
        decided_at: before.decided_at ?? now,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const followUps =
      input.decision === 'shipped' && before.decision !== 'shipped' ? await recordFollowUps(trx, after) : 0;
    await writeAudit(trx, actor, {
      action: 'insights.theme.decide',
      entityType: 'insight_theme',
      entityId: before.id,
      before: { decision: before.decision, note: before.decision_note },
      after: { decision: input.decision, note: input.note, followUps },
      reason: input.note,
    });
    await deps.events.publish(
      INSIGHTS_TOPIC,
      'insights.theme.decided',
      { themeId: before.id, decision: input.decision },
      trx,
    );
    return { theme: after, followUps };
  });
}
