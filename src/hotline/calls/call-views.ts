import type { Selectable } from 'kysely';
import type {
  HotlineCallsTable,
  HotlineFeedbackItemsTable,
  HotlineTurnsTable,
} from '../../platform/db/schema.js';

export type CallRow = Selectable<HotlineCallsTable>;
export type TurnRow = Selectable<HotlineTurnsTable>;
export type FeedbackRow = Selectable<HotlineFeedbackItemsTable>;

export interface TurnLatency {
  endOfTurnMs: number | null;
  recognitionMs: number | null;
  replyMs: number | null;
  synthesisMs: number | null;
  firstAudioMs: number | null;
}

export interface TurnView {
  seq: number;
  speaker: 'caller' | 'persona';
  text: string;
  startedAt: string;
  endedAt: string | null;
  passageId: string | null;
  interrupted: boolean;
  latency: TurnLatency | null;
}

export interface CallSummaryView {
  id: string;
  personaId: string;
  channel: CallRow['channel'];
  language: string;
  market: string | null;
  toNumber: string | null;
  fromNumberMasked: string | null;
  status: 'active' | 'ended';
  endReason: CallRow['end_reason'];
  startedAt: string;
  endedAt: string | null;
  turnCount: number;
  summary: string | null;
}

export interface CallDetailView extends CallSummaryView {
  consentNotice: string;
  wantsFollowUp: boolean | null;
  audioUrl: string | null;
  audioExpiresAt: string | null;
}

export interface FeedbackItemView {
  id: string;
  kind: FeedbackRow['kind'];
  summary: string;
  quote: string;
  language: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCallSummary(row: CallRow, turnCount: number): CallSummaryView {
  return {
    id: row.id,
    personaId: row.persona_id,
    channel: row.channel,
    language: row.language,
    market: row.market,
    toNumber: row.to_number,
    fromNumberMasked: row.from_number_masked,
    status: row.status,
    endReason: row.end_reason,
    startedAt: row.started_at.toISOString(),
    endedAt: iso(row.ended_at),
    turnCount,
    summary: row.summary,
  };
}

export function toCallDetail(row: CallRow, turnCount: number, now: Date): CallDetailView {
  const audioLive = !!row.audio_path && (!row.audio_expires_at || row.audio_expires_at > now);
  return {
    ...toCallSummary(row, turnCount),
    consentNotice: row.consent_notice,
    wantsFollowUp: row.wants_follow_up,
    audioUrl: audioLive ? `/api/v1/hotline/calls/${row.id}/audio` : null,
    audioExpiresAt: iso(row.audio_expires_at),
  };
}

export function toTurnView(row: TurnRow): TurnView {
  const timed = row.speaker === 'persona' && (row.reply_ms !== null || row.first_audio_ms !== null);
  return {
    seq: row.seq,
    speaker: row.speaker,
    text: row.text,
    startedAt: row.started_at.toISOString(),
    endedAt: iso(row.ended_at),
    passageId: row.passage_id,
    interrupted: row.interrupted,
    latency: timed
      ? {
          endOfTurnMs: row.end_of_turn_ms,
          recognitionMs: row.recognition_ms,
          replyMs: row.reply_ms,
          synthesisMs: row.synthesis_ms,
          firstAudioMs: row.first_audio_ms,
        }
      : null,
  };
}

export function toFeedbackView(row: FeedbackRow): FeedbackItemView {
  return { id: row.id, kind: row.kind, summary: row.summary, quote: row.quote, language: row.language };
}

/** The caller's number with all but the last two digits masked (`+*********34`). */
export function maskPhoneNumber(number: string | undefined | null): string | null {
  if (!number) return null;
  const digits = number.replace(/\D/g, '');
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${number.startsWith('+') ? '+' : ''}${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}
