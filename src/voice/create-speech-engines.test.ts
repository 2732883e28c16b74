import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../platform/config.js';
import { createSpeechEngines } from './create-speech-engines.js';
import { assertEspeakAvailable } from './espeak/espeak-synthesizer.js';
import { assertPocketsphinxAvailable } from './pocketsphinx/pocketsphinx-recognizer.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-speech-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const logger = pino({ level: 'silent' });

describe('speech engines from configuration', () => {
  it('defaults to the embedded offline engines with a 500 ms end of turn', async () => {
    const config = loadConfig({ TANDEM_DATA_DIR: dataDir });
    expect(config.speech).toMatchObject({
      recognizer: 'pocketsphinx',
      synthesizer: 'espeak',
      endOfTurnMs: 500,
    });
    const engines = createSpeechEngines(config.speech, logger, {
      domainText: ['our mission is fair credit'],
    });
    expect(engines.recognizer.name).toBe('pocketsphinx');
    expect(engines.recognizer.supports('en')).toBe(true);
    expect(engines.recognizer.supports('sv')).toBe(false);
    expect(engines.synthesizer.name).toBe('espeak-ng');
    expect(engines.synthesizer.supports('sv')).toBe(true);
    expect(engines.turnDetector(8000).speaking).toBe(false);
    await engines.close();
  });

  it('selects the cloud adapters and validates their settings', async () => {
    const config = loadConfig({
      TANDEM_DATA_DIR: dataDir,
      SPEECH_RECOGNIZER: 'openai',
      SPEECH_SYNTHESIZER: 'openai',
      SPEECH_OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      SPEECH_OPENAI_API_KEY: 'sk-test',
      SPEECH_END_OF_TURN_MS: '700',
    });
    expect(config.speech.openai).toMatchObject({ sttModel: 'whisper-1', ttsModel: 'tts-1', voice: 'alloy' });
    const engines = createSpeechEngines(config.speech, logger);
    expect([engines.recognizer.name, engines.synthesizer.name]).toEqual(['openai-stt', 'openai-tts']);
    await engines.close();
    expect(() => loadConfig({ SPEECH_RECOGNIZER: 'vosk' })).toThrow(ConfigError);
    expect(() => loadConfig({ SPEECH_OPENAI_BASE_URL: 'ftp://x' })).toThrow(/SPEECH_OPENAI_BASE_URL/);
  });

  it('fails fast with a clear message when an embedded engine is missing', () => {
    expect(() => assertPocketsphinxAvailable('/nonexistent/pocketsphinx_continuous')).toThrow(
      /pocketsphinx is not available.*SPEECH_RECOGNIZER=openai/,
    );
    expect(() => assertPocketsphinxAvailable(undefined, '/nonexistent/model')).toThrow(/missing/);
    expect(() => assertEspeakAvailable('/nonexistent/espeak-ng')).toThrow(/espeak-ng is not available/);
  });
});
