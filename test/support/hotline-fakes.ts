import type { Language } from '../../src/assistant/language/detect-language.js';
import type { HotlineInterview, InterviewState } from '../../src/hotline/interview/interview-port.js';
import type { Persona } from '../../src/hotline/persona/persona.js';
import type { AudioCodec, HotlineSpeech } from '../../src/hotline/session/call-session-ports.js';
import type { Sql } from '../../src/platform/db/database.js';
import type {
  RecognitionSession,
  SpeechRecognizer,
  SpeechSynthesizer,
  SynthesisOptions,
  TurnDetector,
  VoiceActivityEvent,
} from '../../src/voice/speech-ports.js';

// Small scripted stand-ins for the hotline's speech engines and interview. The lead swaps
// them for the real src/voice engines (and the real interview) where a test wants those.

export const FAKE_NUMBER_EN = '+15550001111';
export const FAKE_NUMBER_SV = '+46700000000';
export const FAKE_DISCLOSURE =
  'Hi, I am an AI version of Fia, co-founder of Tandem. This call is recorded and transcribed for the product team. Press 0 to reach a person.';

export const fakePersona: Persona = {
  id: 'fake-founder',
  name: 'Fia Founder',
  company: 'Tandem',
  title: 'co-founder',
  languages: ['en', 'sv'],
  numbers: [
    { number: FAKE_NUMBER_EN, market: 'US', language: 'en' },
    { number: FAKE_NUMBER_SV, market: 'SE', language: 'sv' },
  ],
  disclosure: { en: FAKE_DISCLOSURE, sv: 'Hej, jag är en AI-version av Fia. Samtalet spelas in.' },
  humanContact: {
    en: 'To reach a person, use the support chat on our website.',
    sv: 'Vill du prata med en människa, använd supportchatten på vår webbplats.',
  },
  voice: {},
  corpus: [],
};

export async function insertFakePersona(db: Sql, persona: Persona = fakePersona) {
  await db
    .insertInto('hotline_personas')
    .values({ id: persona.id, name: persona.name, definition: JSON.stringify(persona) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** G.711 μ-law, and linear resampling: enough for tests. */
export const fakeCodec: AudioCodec = {
  encodeMuLaw(samples) {
    const out = new Uint8Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      let s = samples[i] ?? 0;
      const sign = s < 0 ? 0x80 : 0;
      if (s < 0) s = -s;
      s = Math.min(s, 32635) + 0x84;
      let exponent = 7;
      for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
      const mantissa = (s >> (exponent + 3)) & 0x0f;
      out[i] = ~(sign | (exponent << 4) | mantissa) & 0xff;
    }
    return out;
  },
  decodeMuLaw(bytes) {
    const out = new Int16Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) {
      const u = ~(bytes[i] ?? 0) & 0xff;
      const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
      out[i] = u & 0x80 ? 0x84 - t : t - 0x84;
    }
    return out;
  },
  resample(samples, from, to) {
    if (from === to) return samples;
    const out = new Int16Array(Math.floor((samples.length * to) / from));
    for (let i = 0; i < out.length; i++)
      out[i] = samples[Math.min(samples.length - 1, Math.floor((i * from) / to))] ?? 0;
    return out;
  },
};

/** Energy voice activity: loud audio is speech; `silenceMs` of quiet after it ends the turn. */
export class EnergyTurnDetector implements TurnDetector {
  speaking = false;
  private samples = 0;
  private voiceStartMs = 0;
  private lastVoiceMs = 0;

  constructor(
    private readonly sampleRate: number,
    private readonly silenceMs = 300,
  ) {}

  push(samples: Int16Array): VoiceActivityEvent[] {
    const events: VoiceActivityEvent[] = [];
    const block = Math.round(this.sampleRate / 100); // 10 ms
    for (let offset = 0; offset < samples.length; offset += block) {
      const part = samples.subarray(offset, offset + block);
      let energy = 0;
      for (const s of part) energy += Math.abs(s);
      this.samples += part.length;
      const nowMs = (this.samples / this.sampleRate) * 1000;
      if (energy / Math.max(1, part.length) > 1000) {
        if (!this.speaking) {
          this.speaking = true;
          this.voiceStartMs = nowMs;
          events.push({ type: 'speech_start', atMs: nowMs });
        }
        this.lastVoiceMs = nowMs;
      } else if (this.speaking && nowMs - this.lastVoiceMs >= this.silenceMs) {
        this.speaking = false;
        events.push({
          type: 'end_of_turn',
          atMs: nowMs,
          speechEndMs: this.lastVoiceMs,
          speechMs: this.lastVoiceMs - this.voiceStartMs,
        });
      }
    }
    return events;
  }

  reset() {
    this.speaking = false;
  }
}

/** Returns queued transcripts, one per finished turn; counts the audio written. */
export class ScriptedRecognizer implements SpeechRecognizer {
  readonly name = 'scripted';
  readonly sampleRate = 16_000;
  readonly heard: { samples: number; text: string }[] = [];

  constructor(
    readonly transcripts: string[] = [],
    private readonly languages: Language[] = ['en'],
  ) {}

  supports(language: Language) {
    return this.languages.includes(language);
  }

  start(): RecognitionSession {
    let samples = 0;
    return {
      write: (audio) => {
        samples += audio.length;
      },
      finish: async () => {
        const text = this.transcripts.shift() ?? '';
        this.heard.push({ samples, text });
        return { text, confidence: 0.9 };
      },
      abort: () => {},
    };
  }

  async close() {}
}

/** A tone of `msPerChar` per character of text, in 20 ms chunks; records aborted syntheses. */
export class ToneSynthesizer implements SpeechSynthesizer {
  readonly name = 'tone';
  readonly spoken: { text: string; aborted: boolean }[] = [];

  constructor(private readonly msPerChar = 4) {}

  supports() {
    return true;
  }

  async *synthesize(text: string, options: SynthesisOptions): AsyncIterable<Int16Array> {
    const entry = { text, aborted: false };
    this.spoken.push(entry);
    options.signal?.addEventListener('abort', () => {
      entry.aborted = true;
    });
    const chunk = Math.round(options.sampleRate / 50);
    const total = Math.round((text.length * this.msPerChar * options.sampleRate) / 1000);
    for (let done = 0; done < total; done += chunk) {
      if (options.signal?.aborted) {
        entry.aborted = true;
        return;
      }
      const out = new Int16Array(Math.min(chunk, total - done));
      for (let i = 0; i < out.length; i++)
        out[i] = Math.round(3000 * Math.sin((2 * Math.PI * 440 * (done + i)) / options.sampleRate));
      yield out;
    }
  }

  async close() {}
}

export function fakeSpeech(
  transcripts: string[],
  options: { languages?: Language[]; msPerChar?: number } = {},
) {
  const recognizer = new ScriptedRecognizer(transcripts, options.languages);
  const synthesizer = new ToneSynthesizer(options.msPerChar);
  const speech: HotlineSpeech = {
    recognizer,
    synthesizer,
    createTurnDetector: (rate) => new EnergyTurnDetector(rate),
  };
  return { speech, recognizer, synthesizer };
}

export const LONG_REPLY_TRIGGER = 'tell me everything';

/**
 * Three questions, then a goodbye: each caller answer becomes a feature request quoting it.
 * Saying LONG_REPLY_TRIGGER gets a long answer (for barge-in).
 */
export const scriptedInterview: HotlineInterview = {
  open(persona, language) {
    return {
      replies: [persona.disclosure[language] ?? '', 'What would you like to tell us?'],
      state: { step: 0, said: [] },
      passageId: null,
      finished: false,
      redirect: null,
    };
  },
  async respond(_persona, _language, state, text) {
    const said = [...((state.said as string[]) ?? []), text];
    const step = Number(state.step ?? 0) + 1;
    const next: InterviewState = { step, said };
    if (text.includes('person')) {
      return {
        replies: ['A person can help; I will pass you on.'],
        state: next,
        passageId: null,
        finished: false,
        redirect: 'human',
      };
    }
    if (text.includes(LONG_REPLY_TRIGGER)) {
      return {
        replies: ['Well, that is a long story. '.repeat(20)],
        state: { ...next, step: step - 1 },
        passageId: 'history-1',
        finished: false,
        redirect: null,
      };
    }
    const replies = [
      '',
      'Why does that matter to you?',
      'What would you change?',
      'Thank you, the team reads every call. Goodbye!',
    ];
    return {
      replies: [replies[Math.min(step, 3)] ?? ''],
      state: next,
      passageId: null,
      finished: step >= 3,
      redirect: null,
    };
  },
  outcome(_persona, _language, state) {
    const said = (state.said as string[]) ?? [];
    return {
      summary: `Caller said: ${said.join('; ')}`,
      wantsFollowUp: said.length >= 3 ? true : null,
      feedbackItems: said.map((quote) => ({
        kind: 'feature_request' as const,
        summary: `Caller asked about ${quote.slice(0, 40)}`,
        quote,
      })),
    };
  },
};
