import type { Tone } from './dialogue-text.js';

export type Stage = 'what' | 'why' | 'change' | 'confirm' | 'correct' | 'followup' | 'done';

/** How a call ended, as far as the interview knows. */
export type InterviewEnd = 'completed' | 'caller_left' | 'silence';

/** A question the caller asked about the company, and the passage that answered it (null: "I don't know"). */
export interface AskedQuestion {
  text: string;
  passageId: string | null;
}

/** The interview between turns; plain JSON so it can live on the call row. */
export interface InterviewData {
  v: 1;
  stage: Stage;
  tone: Tone | null;
  /** The caller's own words for each point (unredacted until the outcome). */
  what: string | null;
  why: string | null;
  change: string | null;
  correction: string | null;
  /** Asked for more detail on a very short first answer already. */
  askedMore: boolean;
  /** Times "did I get that right" / "hear back" went unanswered. */
  unclear: number;
  silences: number;
  upset: boolean;
  followUp: boolean | null;
  questions: AskedQuestion[];
  /** Other things the caller said along the way (after a redirect, say), kept for the product team. */
  notes: string[];
  ended: InterviewEnd | null;
}

export function initialState(): InterviewData {
  return {
    v: 1,
    stage: 'what',
    tone: null,
    what: null,
    why: null,
    change: null,
    correction: null,
    askedMore: false,
    unclear: 0,
    silences: 0,
    upset: false,
    followUp: null,
    questions: [],
    notes: [],
    ended: null,
  };
}

const STAGES: readonly Stage[] = ['what', 'why', 'change', 'confirm', 'correct', 'followup', 'done'];

/** The state from JSON, tolerating a missing or older shape (a call cut short, a row from before a change). */
export function readState(raw: unknown): InterviewData {
  const base = initialState();
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Partial<Record<keyof InterviewData, unknown>>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    ...base,
    stage: STAGES.includes(r.stage as Stage) ? (r.stage as Stage) : base.stage,
    tone: typeof r.tone === 'string' ? (r.tone as Tone) : null,
    what: str(r.what),
    why: str(r.why),
    change: str(r.change),
    correction: str(r.correction),
    askedMore: r.askedMore === true,
    unclear: typeof r.unclear === 'number' ? r.unclear : 0,
    silences: typeof r.silences === 'number' ? r.silences : 0,
    upset: r.upset === true,
    followUp: typeof r.followUp === 'boolean' ? r.followUp : null,
    questions: Array.isArray(r.questions)
      ? (r.questions as AskedQuestion[]).filter((q) => q && typeof q.text === 'string')
      : [],
    notes: Array.isArray(r.notes)
      ? (r.notes as unknown[]).filter((n): n is string => typeof n === 'string')
      : [],
    ended: r.ended === 'completed' || r.ended === 'caller_left' || r.ended === 'silence' ? r.ended : null,
  };
}
