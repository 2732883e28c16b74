import { CALL_ENDED_QUEUE } from '../hotline/calls/hotline-deps.js';
import type { AppDeps } from '../platform/deps.js';
import type { HttpServer } from '../platform/http/types.js';
import { scheduleRecurringJob } from '../platform/queue/schedule-recurring-job.js';
import type { FeedbackExtractor } from './feedback/extract-feedback.js';
import { feedbackFromAgentNotes } from './feedback/feedback-from-agent-notes.js';
import { feedbackFromChatMessages } from './feedback/feedback-from-chat-messages.js';
import { feedbackFromHotlineCall } from './feedback/feedback-from-hotline-call.js';
import { feedbackFromRatings } from './feedback/feedback-from-ratings.js';
import { feedbackRoutes } from './feedback/feedback-routes.js';

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
): Promise<() => void> {
  deps.jobs.register<{ callId: string }>(CALL_ENDED_QUEUE, async (payload) => {
    const stored = await feedbackFromHotlineCall(deps.db, extractor, payload.callId);
    deps.logger.debug({ callId: payload.callId, stored }, 'hotline call feedback stored');
  });
  await feedbackRoutes(extractor)(http, deps);
  return scheduleRecurringJob(
    deps.jobs,
    FEEDBACK_EXTRACTION_QUEUE,
    async () => {
      await extractPendingFeedback(deps.db, extractor);
    },
    deps.config.insights.extractEveryMs,
  );
}
