import { CALL_ENDED_QUEUE } from '../hotline/calls/hotline-deps.js';
import type { AppDeps } from '../platform/deps.js';
import type { HttpServer } from '../platform/http/types.js';
import type { SocketHub } from '../platform/live/socket-hub.js';
import type { JobContext } from '../platform/queue/job-queue.js';
import { scheduleRecurringJob } from '../platform/queue/schedule-recurring-job.js';
import { SLA_QUEUE, warnSla } from './decisions/warn-sla.js';
import type { FeedbackExtractor } from './feedback/extract-feedback.js';
import { feedbackFromAgentNotes } from './feedback/feedback-from-agent-notes.js';
import { feedbackFromChatMessages } from './feedback/feedback-from-chat-messages.js';
import { feedbackFromHotlineCall } from './feedback/feedback-from-hotline-call.js';
import { feedbackFromRatings } from './feedback/feedback-from-ratings.js';
import { feedbackRoutes } from './feedback/feedback-routes.js';
import { insightRoutes } from './insight-routes.js';
import { deliverInsight } from './routing/deliver-insight.js';
import { DELIVERY_QUEUE } from './routing/enqueue-deliveries.js';
import { loadInsightTeams, seedInsightTeams } from './routing/insight-teams.js';
import { registerInsightsTopicRule } from './theming/insights-topic.js';
import { THEMING_QUEUE, themePendingFeedback } from './theming/theme-pending-feedback.js';

export const FEEDBACK_EXTRACTION_QUEUE = 'insights.extract-feedback';

/** Looks at every source not yet looked at; returns how many items were stored. */
export async function extractPendingFeedback(
  db: AppDeps['db'],
  extractor: FeedbackExtractor,
): Promise<number> {
  return (
    (await feedbackFromChatMessages(db, extractor)) +
    (await feedbackFromRatings(db, extractor)) +
    (await feedbackFromAgentNotes(db, extractor))
  );
}

/**
 * The insights pipeline's feedback part: items from each ended hotline call (job
 * `insights.hotline-call-ended`), a recurring scan of chats, CSAT comments and agents' notes, and
 * the feedback API. Returns a function that stops the schedule.
 */
export async function registerInsights(
  http: HttpServer,
  deps: AppDeps,
  extractor: FeedbackExtractor,
  hub: SocketHub,
): Promise<() => void> {
  const c = deps.config.insights;
  await seedInsightTeams(deps.db, await loadInsightTeams(c.teamsFile), c.webhookSecret);
  registerInsightsTopicRule(hub);
  // Triggered per call (no dedupe key: a run already under way may have read its batch).
  const triggerTheming = (trx?: Parameters<typeof deps.jobs.enqueue>[3]) =>
    deps.jobs.enqueue(THEMING_QUEUE, {}, { maxAttempts: 5 }, trx);
  deps.jobs.register<{ callId: string }>(CALL_ENDED_QUEUE, async (payload) => {
    // Items and the theming job commit together, so the call is themed seconds after it ends.
    const stored = await deps.db.transaction().execute(async (trx) => {
      const n = await feedbackFromHotlineCall(trx, extractor, payload.callId);
      if (n > 0) await triggerTheming(trx);
      return n;
    });
    deps.logger.debug({ callId: payload.callId, stored }, 'hotline call feedback stored');
  });
  deps.jobs.register<{ deliveryId: string }>(DELIVERY_QUEUE, (payload, context: JobContext) =>
    deliverInsight(deps, payload.deliveryId, context),
  );
  await feedbackRoutes(extractor)(http, deps);
  insightRoutes(http, deps);
  const stops = [
    scheduleRecurringJob(
      deps.jobs,
      FEEDBACK_EXTRACTION_QUEUE,
      async () => {
        if ((await extractPendingFeedback(deps.db, extractor)) > 0) await triggerTheming();
      },
      c.extractEveryMs,
    ),
    // The safety net for imports, the API and any trigger lost to a crash.
    scheduleRecurringJob(
      deps.jobs,
      `${THEMING_QUEUE}.recurring`,
      async () => {
        await themePendingFeedback(deps);
      },
      c.themeEveryMs,
    ),
    scheduleRecurringJob(
      deps.jobs,
      SLA_QUEUE,
      async () => {
        await warnSla(deps);
      },
      c.slaCheckEveryMs,
    ),
  ];
  deps.jobs.register(THEMING_QUEUE, async () => {
    await themePendingFeedback(deps);
  });
  return () => {
    for (const stop of stops) stop();
  };
}
