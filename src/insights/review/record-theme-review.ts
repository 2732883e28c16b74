import type { Transaction } from 'kysely';
import { type Actor, writeAudit } from '../../platform/audit/write-audit.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import { INSIGHTS_TOPIC } from '../theming/insights-topic.js';

export type ThemeReviewAction = 'validate' | 'edit' | 'reject' | 'merge' | 'split';

/**
 * What every review action leaves behind, in its own transaction: an audit row with who, what and
 * why, and the `insights.theme.reviewed` event the dashboards refresh on.
 */
export async function recordThemeReview(
  trx: Transaction<DB>,
  events: EventBus,
  actor: Actor,
  review: {
    action: ThemeReviewAction;
    themeId: string;
    before: unknown;
    after: unknown;
    reason: string;
    /** Extra fields for the live event (the merge target, the new theme of a split). */
    event?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(trx, actor, {
    action: `insights.theme.${review.action}`,
    entityType: 'insight_theme',
    entityId: review.themeId,
    before: review.before,
    after: review.after,
    reason: review.reason,
  });
  await events.publish(
    INSIGHTS_TOPIC,
    'insights.theme.reviewed',
    { themeId: review.themeId, action: review.action, ...review.event },
    trx,
  );
}
