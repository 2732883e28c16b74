import type {
  RecognitionSession,
  SpeechRecognizer,
  SpeechSynthesizer,
  TurnDetector,
} from '../../voice/speech-ports.js';

/** The speech engines a call uses; `createSpeechEngines` (src/voice) provides the real ones. */
export interface HotlineSpeech {
  recognizer: SpeechRecognizer;
  synthesizer: SpeechSynthesizer;
  /** A fresh detector per call, fed audio at `sampleRate`. */
  createTurnDetector(sampleRate: number): TurnDetector;
}

/** Sample-rate and μ-law conversion at the edges (src/voice provides the real ones). */
export interface AudioCodec {
  decodeMuLaw(bytes: Uint8Array): Int16Array;
  encodeMuLaw(samples: Int16Array): Uint8Array;
  resample(samples: Int16Array, fromRate: number, toRate: number): Int16Array;
}

/**
 * How a call session talks to the caller: the phone (Media Streams, μ-law 8 kHz) or the
 * browser (PCM16 16 kHz). The session is the same for both.
 */
export interface CallTransport {
  /** The PCM rate of caller audio pushed in and of persona audio sent out. */
  readonly sampleRate: number;
  /** True when the far end reports playback (phone marks); otherwise it is estimated from the audio length. */
  readonly confirmsPlayback: boolean;
  sendAudio(samples: Int16Array): void;
  /** All audio of persona turn `seq` has been sent (phone: flush and send a mark). */
  endReply(seq: number): void;
  /** Barge-in: drop whatever persona audio the far end still holds. */
  clear(): void;
  transcript(speaker: 'caller' | 'persona', seq: number, text: string): void;
  /** The call is over (ended with `reason`); close the connection. */
  close(reason: string): void;
}

export type { RecognitionSession };
