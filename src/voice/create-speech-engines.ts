import type { Logger } from 'pino';
import type { SpeechConfig } from '../platform/config.js';
import { assertEspeakAvailable, createEspeakSynthesizer } from './espeak/espeak-synthesizer.js';
import { createOpenAiRecognizer, createOpenAiSynthesizer } from './openai/openai-speech.js';
import {
  assertPocketsphinxAvailable,
  createPocketsphinxRecognizer,
} from './pocketsphinx/pocketsphinx-recognizer.js';
import type { SpeechRecognizer, SpeechSynthesizer, TurnDetector } from './speech-ports.js';
import { createTurnDetector } from './turn-detector.js';

export interface SpeechEngines {
  recognizer: SpeechRecognizer;
  synthesizer: SpeechSynthesizer;
  /** A fresh detector per call, with the configured end-of-turn silence. */
  turnDetector(sampleRate: number): TurnDetector;
  close(): Promise<void>;
}

/**
 * Builds the configured speech engines. Embedded engines are checked up front, so a server
 * without espeak-ng or pocketsphinx fails at startup with a clear message, not on the first call.
 * `domainText`: the personas' corpus sentences, which bias the embedded recogniser.
 */
export function createSpeechEngines(
  config: SpeechConfig,
  logger: Logger,
  options: { domainText?: string[] } = {},
): SpeechEngines {
  const cloud = {
    baseUrl: config.openai.baseUrl,
    apiKey: config.openai.apiKey,
    timeoutMs: config.openai.timeoutMs,
  };
  if ((config.recognizer === 'openai' || config.synthesizer === 'openai') && !cloud.apiKey) {
    logger.warn({ baseUrl: cloud.baseUrl }, 'cloud speech configured without SPEECH_OPENAI_API_KEY');
  }

  let recognizer: SpeechRecognizer;
  if (config.recognizer === 'openai') {
    recognizer = createOpenAiRecognizer({ ...cloud, model: config.openai.sttModel });
  } else {
    assertPocketsphinxAvailable();
    const started = performance.now();
    recognizer = createPocketsphinxRecognizer({
      domainText: options.domainText,
      poolSize: config.recognizerPoolSize,
      cacheDir: config.cacheDir,
    });
    logger.info({ ms: Math.round(performance.now() - started) }, 'pocketsphinx recogniser ready');
  }

  let synthesizer: SpeechSynthesizer;
  if (config.synthesizer === 'openai') {
    synthesizer = createOpenAiSynthesizer({
      ...cloud,
      model: config.openai.ttsModel,
      voice: config.openai.voice,
    });
  } else {
    assertEspeakAvailable();
    synthesizer = createEspeakSynthesizer();
  }

  return {
    recognizer,
    synthesizer,
    turnDetector: (sampleRate) => createTurnDetector({ sampleRate, endOfTurnMs: config.endOfTurnMs }),
    async close() {
      await Promise.all([recognizer.close(), synthesizer.close()]);
    },
  };
}
