import { sql } from 'kysely';
import type { Sql } from '../platform/db/database.js';
import { redactPersonalData } from '../platform/privacy/redact-personal-data.js';
import type { JobQueue } from '../platform/queue/job-queue.js';
import { scheduleRecurringJob } from '../platform/queue/schedule-recurring-job.js';

export const TRANSCRIPT_COPY_QUEUE = 'insights.copy-transcripts';

/**
 * Copies conversation messages not yet copied into `analytics_transcript_messages`, with
 * personal data replaced by placeholders: analysts and models read the copy, never the
 * original. Each batch is one transaction (copy + mark), and `skip locked` lets several
 * processes share the work without copying a message twice. Returns how many were copied.
 */
export async function copyTranscriptsForAnalytics(db: Sql, batchSize = 500): Promise<number> {
  let copied = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('conversation_messages as m')
        .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .select([
          'm.id',
          'm.conversation_id',
          'm.seq',
          'm.role',
          'm.text',
          'm.created_at',
          'c.channel',
          'c.language',
        ])
        .where('m.analytics_copied_at', 'is', null)
        .orderBy('m.created_at')
        .limit(batchSize)
        .forUpdate('m')
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      await trx
        .insertInto('analytics_transcript_messages')
        .values(
          rows.map((r) => {
            const redacted = redactPersonalData(r.text);
            return {
              message_id: r.id,
              conversation_id: r.conversation_id,
              seq: r.seq,
              role: r.role,
              channel: r.channel,
              language: r.language,
              text: redacted.text,
              redactions: JSON.stringify(redacted.found),
              created_at: r.created_at,
            };
          }),
        )
        .onConflict((oc) => oc.column('message_id').doNothing())
        .execute();
      await trx
        .updateTable('conversation_messages')
        .set({ analytics_copied_at: sql<Date>`now()` })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.length;
    });
    copied += n;
    if (n < batchSize) return copied;
  }
}

/** Copies every `everyMs` (default each minute); returns a function that stops scheduling. */
export function scheduleTranscriptCopies(jobs: JobQueue, db: Sql, everyMs = 60_000): () => void {
  return scheduleRecurringJob(
    jobs,
    TRANSCRIPT_COPY_QUEUE,
    async () => {
      await copyTranscriptsForAnalytics(db);
    },
    everyMs,
  );
}
