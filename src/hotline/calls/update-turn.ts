import type { Sql } from '../../platform/db/database.js';

/** The caller spoke over this persona turn and its playback was cut (barge-in). */
export async function markTurnInterrupted(db: Sql, callId: string, seq: number): Promise<void> {
  await db
    .updateTable('hotline_turns')
    .set({ interrupted: true })
    .where('call_id', '=', callId)
    .where('seq', '=', seq)
    .execute();
}

/** Completes a persona turn's latency once its first audio byte has gone out. */
export async function recordAudioLatency(
  db: Sql,
  callId: string,
  seq: number,
  latency: { synthesisMs: number; firstAudioMs: number },
): Promise<void> {
  await db
    .updateTable('hotline_turns')
    .set({ synthesis_ms: Math.round(latency.synthesisMs), first_audio_ms: Math.round(latency.firstAudioMs) })
    .where('call_id', '=', callId)
    .where('seq', '=', seq)
    .execute();
}

/** When the persona finished saying the turn (or was cut off). */
export async function recordTurnEnd(db: Sql, callId: string, seq: number, endedAt: Date): Promise<void> {
  await db
    .updateTable('hotline_turns')
    .set({ ended_at: endedAt })
    .where('call_id', '=', callId)
    .where('seq', '=', seq)
    .execute();
}
