import type { Logger } from 'pino';
import type { AppConfig } from '../platform/config.js';
import type { Sql } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { createSpeechEngines, type SpeechEngines } from '../voice/create-speech-engines.js';
import { SpeechEngineUnavailableError } from '../voice/espeak/espeak-synthesizer.js';
import { createHotlineInterview } from './interview/create-hotline-interview.js';
import type { Persona } from './persona/persona.js';
import type { HotlineParts } from './register-hotline.js';
import type { HotlineSpeech } from './session/call-session-ports.js';
import { voiceCodec } from './session/voice-codec.js';

export interface HotlinePartsDeps {
  db: Sql;
  config: Pick<AppConfig, 'speech'>;
  logger: Logger;
}

/**
 * Builds the hotline's real parts, keeping whatever a test injected: the built-in interview,
 * the configured speech engines and the μ-law codec. Without the embedded engines installed,
 * the server still starts (the quick start needs nothing but Node): voice calls then say so,
 * and the text channel works.
 */
export async function createHotlineParts(
  deps: HotlinePartsDeps,
  injected: Partial<HotlineParts> = {},
): Promise<{ parts: HotlineParts; close(): Promise<void> }> {
  const base = {
    interview: injected.interview ?? createHotlineInterview(),
    codec: injected.codec ?? voiceCodec,
    personas: injected.personas,
  };
  if (injected.speech) return { parts: { ...base, speech: injected.speech }, close: async () => {} };

  let engines: SpeechEngines;
  try {
    // The personas' own statements go into the recogniser's language model: callers ask about them.
    engines = createSpeechEngines(deps.config.speech, deps.logger, {
      domainText: await personaSentences(deps.db),
    });
  } catch (err) {
    if (!(err instanceof SpeechEngineUnavailableError)) throw err;
    deps.logger.warn({ reason: err.message }, 'hotline voice calls are unavailable');
    return { parts: { ...base, speech: unavailableSpeech(err.message) }, close: async () => {} };
  }
  const speech: HotlineSpeech = {
    recognizer: engines.recognizer,
    synthesizer: engines.synthesizer,
    createTurnDetector: (rate) => engines.turnDetector(rate),
  };
  return { parts: { ...base, speech }, close: () => engines.close() };
}

async function personaSentences(db: Sql): Promise<string[]> {
  const rows = await db.selectFrom('hotline_personas').select('definition').execute();
  return rows.flatMap((r) =>
    (r.definition as Persona).corpus
      .filter((p) => p.language === 'en')
      .flatMap((p) => `${p.title}. ${p.text}`.split(/(?<=[.!?])\s+/)),
  );
}

function unavailableSpeech(reason: string): HotlineSpeech {
  const refuse = () => {
    throw new AppError(503, 'service_unavailable', `Hotline voice is unavailable: ${reason}`);
  };
  return {
    recognizer: {
      name: 'unavailable',
      sampleRate: 16_000,
      supports: () => false,
      start: refuse,
      close: async () => {},
    },
    synthesizer: { name: 'unavailable', supports: () => false, synthesize: refuse, close: async () => {} },
    createTurnDetector: refuse,
  };
}
