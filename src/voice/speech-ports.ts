import type { Language } from '../assistant/language/detect-language.js';

/**
 * Speech ports. Audio inside Tandem is mono signed 16-bit PCM (`Int16Array`) at the
 * rate each port states; codecs at the edge (μ-law on the phone, PCM16 from the browser)
 * convert to and from it. Every engine sits behind these interfaces, with a scripted fake
 * beside it for tests and cloud adapters chosen by configuration.
 */

export interface RecognitionResult {
  /** Lower-case words as heard; empty when nothing was recognised. */
  text: string;
  /** 0..1 when the engine reports it. */
  confidence: number | null;
}

/** One caller turn being recognised while it is spoken. */
export interface RecognitionSession {
  /** Caller audio at the recogniser's `sampleRate`, in arrival order. */
  write(samples: Int16Array): void;
  /** The caller's turn has ended: resolves with the final transcript of everything written. */
  finish(): Promise<RecognitionResult>;
  /** Drops the turn (caller hung up, barge-in discarded); never rejects. */
  abort(): void;
}

export interface SpeechRecognizer {
  readonly name: string;
  /** The PCM rate `write` expects. */
  readonly sampleRate: number;
  supports(language: Language): boolean;
  /** Starts recognising one turn. `phrases` are domain sentences that may bias recognition. */
  start(options: { language: Language }): RecognitionSession;
  close(): Promise<void>;
}

export interface VoiceSettings {
  /** Engine voice name, e.g. espeak-ng `en-us+m3` or a cloud voice id. */
  voice?: string | undefined;
  /** Words per minute (espeak-ng) or a speed factor the adapter maps. */
  rate?: number | undefined;
  pitch?: number | undefined;
}

export interface SynthesisOptions extends VoiceSettings {
  language: Language;
  /** The PCM rate the caller wants back (8000 for the phone, 16000 for the browser). */
  sampleRate: number;
  /** Aborts synthesis (barge-in); the iterator then ends without error. */
  signal?: AbortSignal | undefined;
}

export interface SpeechSynthesizer {
  readonly name: string;
  supports(language: Language): boolean;
  /** Streams audio as it is produced, so the first chunk can be played before the sentence is done. */
  synthesize(text: string, options: SynthesisOptions): AsyncIterable<Int16Array>;
  close(): Promise<void>;
}

export type VoiceActivityEvent =
  /** Speech began `atMs` after the stream started (used for barge-in). */
  | { type: 'speech_start'; atMs: number }
  /** The caller finished a turn: speech followed by enough silence. `speechEndMs` is when the voice stopped. */
  | { type: 'end_of_turn'; atMs: number; speechEndMs: number; speechMs: number };

/** Voice activity and end-of-turn detection over a PCM stream. */
export interface TurnDetector {
  /** Feeds audio; returns the events it caused, in order. */
  push(samples: Int16Array): VoiceActivityEvent[];
  /** True while the caller is speaking (for barge-in). */
  readonly speaking: boolean;
  reset(): void;
}
