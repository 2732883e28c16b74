import type { Language } from '../../assistant/language/detect-language.js';
import type { FeedbackKind } from '../../platform/db/schema.js';
import type { Persona } from '../persona/persona.js';

/** The interview's own state between turns; stored as JSON on the call. */
export type InterviewState = Record<string, unknown>;

export interface InterviewTurn {
  /** What the persona says next, in order (each one sentence or a few). */
  replies: string[];
  state: InterviewState;
  /** The corpus passage an answer came from, kept on the turn. */
  passageId: string | null;
  /** Thanks have been said: the call may end after the replies are played. */
  finished: boolean;
  /** The caller needs the assistant (account, money) or a person; the replies already say how to reach them. */
  redirect: 'assistant' | 'human' | null;
}

export interface FeedbackItemDraft {
  kind: FeedbackKind;
  /** A short, neutral statement for the product team. */
  summary: string;
  /** The caller's own words. */
  quote: string;
}

export interface CallOutcome {
  summary: string;
  /** Whether the caller wants to hear back when something changes; null when never asked or unclear. */
  wantsFollowUp: boolean | null;
  feedbackItems: FeedbackItemDraft[];
}

/**
 * The persona's side of a call, the same for phone, browser voice and the `hotline` chat
 * channel. Pure apart from the optional LLM it may phrase with: no database, no audio.
 */
export interface HotlineInterview {
  /** The opening: the disclosure, then the first question. */
  open(persona: Persona, language: Language): InterviewTurn;
  respond(
    persona: Persona,
    language: Language,
    state: InterviewState,
    callerText: string,
  ): Promise<InterviewTurn>;
  /** What the call produced, from the state after the last turn (also for calls cut short). */
  outcome(persona: Persona, language: Language, state: InterviewState): CallOutcome;
}
