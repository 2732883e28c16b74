import { unlink } from 'node:fs/promises';
import type { Sql } from '../db/database.js';
import type { JobQueue } from '../queue/job-queue.js';
import { scheduleRecurringJob } from '../queue/schedule-recurring-job.js';

export const PRUNE_QUEUE = 'platform.prune-expired-rows';

export interface PruneResult {
  sessions: number;
  loginAttempts: number;
  liveEventPayloads: number;
  jobs: number;
  /** Hotline call recordings past their retention, deleted and unlinked from their call. */
  hotlineAudio: number;
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
  const hotlineAudio = await pruneExpiredCallAudio(db, now);
  return {
    hotlineAudio,
    sessions: Number(sessions.numDeletedRows),
    loginAttempts: Number(attempts.numDeletedRows),
    liveEventPayloads: Number(payloads.numDeletedRows),
    jobs: Number(jobs.numDeletedRows),
  };
}

/** Deletes call recordings past `audio_expires_at` (the call and its transcript stay). */
async function pruneExpiredCallAudio(db: Sql, now: Date): Promise<number> {
  const expired = await db
    .selectFrom('hotline_calls')
    .select(['id', 'audio_path'])
    .where('audio_path', 'is not', null)
    .where('audio_expires_at', '<=', now)
    .limit(1000)
    .execute();
  for (const { id, audio_path } of expired) {
    if (audio_path) {
      await unlink(audio_path).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
    await db.updateTable('hotline_calls').set({ audio_path: null }).where('id', '=', id).execute();
  }
  return expired.length;
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
