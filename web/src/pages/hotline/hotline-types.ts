/** The staff hotline API's shapes (GET /api/v1/hotline/calls…, the `hotline` live topic). */

export type FeedbackKind = 'bug' | 'feature_request' | 'complaint' | 'praise' | 'question';

export interface HotlineCallSummary {
  id: string;
  personaId: string;
  channel: 'phone' | 'browser' | 'chat';
  language: string;
  market: string | null;
  toNumber: string | null;
  fromNumberMasked: string | null;
  status: 'active' | 'ended';
  endReason: string | null;
  startedAt: string;
  endedAt: string | null;
  turnCount: number;
  summary: string | null;
}

export interface HotlineCallDetail extends HotlineCallSummary {
  consentNotice: string;
  wantsFollowUp: boolean | null;
  audioUrl: string | null;
  audioExpiresAt: string | null;
}

export interface TurnLatency {
  endOfTurnMs: number | null;
  recognitionMs: number | null;
  replyMs: number | null;
  synthesisMs: number | null;
  firstAudioMs: number | null;
}

export interface HotlineTurn {
  seq: number;
  speaker: 'caller' | 'persona';
  text: string;
  startedAt: string;
  endedAt: string | null;
  passageId: string | null;
  interrupted: boolean;
  latency: TurnLatency | null;
}

export interface HotlineFeedbackItem {
  id: string;
  kind: FeedbackKind;
  summary: string;
  quote: string;
  language: string;
}

export interface HotlineCallResponse {
  call: HotlineCallDetail;
  turns: HotlineTurn[];
  feedbackItems: HotlineFeedbackItem[];
}

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  bug: 'Bug',
  feature_request: 'Feature request',
  complaint: 'Complaint',
  praise: 'Praise',
  question: 'Question',
};

export const FEEDBACK_KIND_TONES: Record<FeedbackKind, string> = {
  bug: 'danger',
  complaint: 'warning',
  feature_request: 'info',
  praise: 'success',
  question: 'neutral',
};

export const CHANNEL_LABELS: Record<HotlineCallSummary['channel'], string> = {
  phone: 'Phone',
  browser: 'Browser',
  chat: 'Chat',
};

/** Adds or replaces a turn (by seq), keeping them in order: live turn events may repeat one. */
export function withTurn(turns: readonly HotlineTurn[], turn: HotlineTurn): HotlineTurn[] {
  return [...turns.filter((t) => t.seq !== turn.seq), turn].sort((a, b) => a.seq - b.seq);
}
