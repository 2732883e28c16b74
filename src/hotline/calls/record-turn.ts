import { sql } from 'kysely';
import type { InterviewState } from '../interview/interview-port.js';
import { type TurnView, toTurnView } from './call-views.js';
import { type CallDeps, HOTLINE_TOPIC } from './hotline-deps.js';

export interface NewTurn {
  speaker: 'caller' | 'persona';
  text: string;
  startedAt: Date;
  endedAt?: Date | null | undefined;
  passageId?: string | null | undefined;
  /** Persona turns: the parts of the latency known before the reply is played. */
  endOfTurnMs?: number | null | undefined;
  recognitionMs?: number | null | undefined;
  replyMs?: number | null | undefined;
  /** Stored with the turn so a crash after it still resumes from the right interview state. */
  interviewState?: InterviewState | undefined;
}

/**
 * Appends one turn to an active call (seq = next), committed before the persona's reply is
 * played, and publishes it to staff. Returns null when the call has already ended.
 */
export async function recordTurn(
  deps: Pick<CallDeps, 'db' | 'events' | 'clock'>,
  callId: string,
  turn: NewTurn,
): Promise<TurnView | null> {
  return deps.db.transaction().execute(async (trx) => {
    const call = await trx
      .updateTable('hotline_calls')
      .set({
        updated_at: deps.clock.now(),
        ...(turn.interviewState ? { interview_state: JSON.stringify(turn.interviewState) } : {}),
      })
      .where('id', '=', callId)
      .where('status', '=', 'active')
      .returning('id')
      .executeTakeFirst();
    if (!call) return null;
    const row = await trx
      .insertInto('hotline_turns')
      .values({
        call_id: callId,
        seq: sql<number>`(select coalesce(max(seq), 0) + 1 from hotline_turns where call_id = ${callId})`,
        speaker: turn.speaker,
        text: turn.text,
        started_at: turn.startedAt,
        ended_at: turn.endedAt ?? null,
        passage_id: turn.passageId ?? null,
        end_of_turn_ms: round(turn.endOfTurnMs),
        recognition_ms: round(turn.recognitionMs),
        reply_ms: round(turn.replyMs),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toTurnView(row);
    await deps.events.publish(HOTLINE_TOPIC, 'hotline.turn', { callId, turn: view }, trx);
    return view;
  });
}

const round = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round(ms));
