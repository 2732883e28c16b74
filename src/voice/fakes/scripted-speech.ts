import type { Language } from '../../assistant/language/detect-language.js';
import type {
  RecognitionResult,
  RecognitionSession,
  SpeechRecognizer,
  SpeechSynthesizer,
} from '../speech-ports.js';

/**
 * Recogniser for tests: each finished turn returns the next queued transcript (empty once the
 * queue runs out). Records how much audio each turn received, so tests can check what was sent.
 */
export class ScriptedRecognizer implements SpeechRecognizer {
  readonly name = 'scripted';
  readonly turns: { samples: number; aborted: boolean }[] = [];
  private readonly queue: string[];

  constructor(
    transcripts: string[] = [],
    readonly sampleRate = 16000,
  ) {
    this.queue = [...transcripts];
  }

  /** Queues more transcripts. */
  say(...transcripts: string[]): void {
    this.queue.push(...transcripts);
  }

  supports(_language: Language): boolean {
    return true;
  }

  start(): RecognitionSession {
    const turn = { samples: 0, aborted: false };
    this.turns.push(turn);
    let done = false;
    return {
      write: (samples) => {
        if (!done) turn.samples += samples.length;
      },
      finish: async (): Promise<RecognitionResult> => {
        if (done) throw new Error('recognition session already finished');
        done = true;
        return { text: this.queue.shift() ?? '', confidence: 1 };
      },
      abort: () => {
        done = true;
        turn.aborted = true;
      },
    };
  }

  async close(): Promise<void> {}
}

/**
 * Synthesiser for tests: a quiet 440 Hz tone, `msPerCharacter` long per character of text, in
 * 20 ms chunks; records what it was asked to say. Honours the abort signal like the real engines.
 */
export class ScriptedSynthesizer implements SpeechSynthesizer {
  readonly name = 'scripted';
  readonly spoken: { text: string; language: Language; sampleRate: number }[] = [];

  constructor(readonly msPerCharacter = 10) {}

  supports(_language: Language): boolean {
    return true;
  }

  async *synthesize(
    text: string,
    options: { language: Language; sampleRate: number; signal?: AbortSignal | undefined },
  ): AsyncGenerator<Int16Array> {
    this.spoken.push({ text, language: options.language, sampleRate: options.sampleRate });
    const total = Math.round((text.length * this.msPerCharacter * options.sampleRate) / 1000);
    const chunk = options.sampleRate / 50;
    for (let start = 0; start < total; start += chunk) {
      if (options.signal?.aborted) return;
      const length = Math.min(chunk, total - start);
      yield Int16Array.from({ length }, (_, i) =>
        Math.round(3000 * Math.sin((2 * Math.PI * 440 * (start + i)) / options.sampleRate)),
      );
      await Promise.resolve();
    }
  }

  async close(): Promise<void> {}
}
