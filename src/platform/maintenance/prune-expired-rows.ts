import type { Sql } from '../db/database.js';
import type { JobQueue } from '../queue/job-queue.js';
import { scheduleRecurringJob } from '../queue/schedule-recurring-job.js';

export const PRUNE_QUEUE = 'platform.prune-expired-rows';

export interface PruneResult {
  sessions: number;
  loginAttempts: number;
  liveEventPayloads: number;
  jobs: number;
}

/**
 * Deletes rows that only matter for a while: ended sessions (kept a week for
 * investigations), login attempts older than a day (lockout and rate limits look
 * back minutes), parked live-event payloads older than an hour, finished jobs
 * older than a week. The audit log is never pruned here.
 */
export async function pruneExpiredRows(db: Sql, now: Date): Promise<PruneResult> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const day = 86_400_000;
  const sessions = await db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('expires_at', '<', ago(7 * day)), eb('revoked_at', '<', ago(7 * day))]))
    .executeTakeFirst();
  const attempts = await db
    .deleteFrom('login_attempts')
    .where('attempted_at', '<', ago(day))
    .executeTakeFirst();
  const payloads = await db
    .deleteFrom('live_event_payloads')
    .where('created_at', '<', ago(3_600_000))
    .executeTakeFirst();
  const jobs = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', ago(7 * day))
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    loginAttempts: Number(attempts.numDeletedRows),
    liveEventPayloads: Number(payloads.numDeletedRows),
    jobs: Number(jobs.numDeletedRows),
  };
}

/** Prunes every `everyMs` (default hourly); returns a function that stops scheduling. */
export function schedulePruning(jobs: JobQueue, db: Sql, now: () => Date, everyMs = 3_600_000): () => void {
  return scheduleRecurringJob(
    jobs,
    PRUNE_QUEUE,
    async () => {
      await pruneExpiredRows(db, now());
    },
    everyMs,
  );
}
