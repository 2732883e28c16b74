import type { Language } from '../../assistant/language/detect-language.js';
import { writeAudit } from '../../platform/audit/write-audit.js';
import type { HotlineCallEndReason } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { redactPersonalData } from '../../platform/privacy/redact-personal-data.js';
import type { CallOutcome, InterviewState } from '../interview/interview-port.js';
import { writeCallAudio } from './call-audio.js';
import type { CallRow } from './call-views.js';
import { CALL_ENDED_QUEUE, type CallDeps, HOTLINE_TOPIC } from './hotline-deps.js';

export interface EndCallInput {
  callId: string;
  reason: HotlineCallEndReason;
  /** The caller's audio (PCM16 mono), stored as WAV when retention allows. */
  audio?: { chunks: readonly Int16Array[]; sampleRate: number } | undefined;
}

const DAY_MS = 86_400_000;

/**
 * Ends a call once: asks the interview what the call produced (summary, follow-up wish,
 * feedback items with the caller's quotes redacted), stores it, audits it as the AI's work
 * and hands the call to the insights pipeline in the same transaction. Ending an ended call
 * returns it unchanged, so a hang-up racing the interview's own goodbye is harmless.
 */
export async function endCall(deps: CallDeps, input: EndCallInput): Promise<CallRow | null> {
  const existing = await deps.db
    .selectFrom('hotline_calls')
    .selectAll()
    .where('id', '=', input.callId)
    .executeTakeFirst();
  if (!existing || existing.status === 'ended') return existing ?? null;

  const outcome = await outcomeOf(deps, existing);
  const now = deps.clock.now();
  let audioPath: string | null = null;
  const retention = deps.hotline.audioRetentionDays;
  if (input.audio && retention > 0 && input.audio.chunks.some((c) => c.length)) {
    try {
      audioPath = await writeCallAudio(
        deps.hotline.audioDir,
        existing.id,
        input.audio.chunks,
        input.audio.sampleRate,
      );
    } catch (err) {
      // The call record matters more than its recording: end the call without audio.
      deps.logger.error({ err, callId: existing.id }, 'hotline call audio could not be stored');
    }
  }

  return deps.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('hotline_calls')
      .set({
        status: 'ended',
        end_reason: input.reason,
        summary: outcome.summary,
        wants_follow_up: outcome.wantsFollowUp,
        ended_at: now,
        updated_at: now,
        ...(audioPath
          ? { audio_path: audioPath, audio_expires_at: new Date(now.getTime() + retention * DAY_MS) }
          : {}),
      })
      .where('id', '=', existing.id)
      .where('status', '=', 'active')
      .returningAll()
      .executeTakeFirst();
    if (!ended) {
      return (
        (await trx
          .selectFrom('hotline_calls')
          .selectAll()
          .where('id', '=', existing.id)
          .executeTakeFirst()) ?? null
      );
    }
    if (outcome.feedbackItems.length) {
      await trx
        .insertInto('hotline_feedback_items')
        .values(
          outcome.feedbackItems.map((item) => ({
            id: newId(),
            call_id: ended.id,
            kind: item.kind,
            summary: redactPersonalData(item.summary).text,
            quote: redactPersonalData(item.quote).text,
            language: ended.language,
            created_at: now,
          })),
        )
        .execute();
    }
    await writeAudit(
      trx,
      { type: 'ai', id: null },
      {
        action: 'hotline.call.ended',
        entityType: 'hotline_call',
        entityId: ended.id,
        after: {
          endReason: input.reason,
          feedbackItems: outcome.feedbackItems.length,
          wantsFollowUp: outcome.wantsFollowUp,
          audioStored: !!audioPath,
        },
      },
    );
    await deps.jobs.enqueue(CALL_ENDED_QUEUE, { callId: ended.id }, { dedupeKey: ended.id }, trx);
    await deps.events.publish(
      HOTLINE_TOPIC,
      'hotline.call.ended',
      { callId: ended.id, summary: ended.summary, endReason: ended.end_reason },
      trx,
    );
    return ended;
  });
}

async function outcomeOf(deps: CallDeps, call: CallRow): Promise<CallOutcome> {
  const persona = await deps.personas.getPersona(call.persona_id);
  if (!persona) return { summary: '', wantsFollowUp: null, feedbackItems: [] };
  try {
    return deps.interview.outcome(
      persona,
      call.language as Language,
      (call.interview_state ?? {}) as InterviewState,
    );
  } catch (err) {
    deps.logger.error({ err, callId: call.id }, 'hotline interview outcome failed');
    return { summary: '', wantsFollowUp: null, feedbackItems: [] };
  }
}
