import { spawn, spawnSync } from 'node:child_process';
import type { Language } from '../../assistant/language/detect-language.js';
import { StreamingResampler } from '../audio/resample.js';
import { parseWavHeader, pcm16FromBytes } from '../audio/wav.js';
import type { SpeechSynthesizer, SynthesisOptions } from '../speech-ports.js';

/** espeak-ng voice per supported language (US English for `en`: the demo markets are US and Sweden). */
export const ESPEAK_VOICES: Record<Language, string> = {
  en: 'en-us',
  sv: 'sv',
  de: 'de',
  fr: 'fr',
  es: 'es',
  it: 'it',
  nl: 'nl',
  vi: 'vi',
};

const DEFAULT_RATE_WPM = 165;
const DEFAULT_PITCH = 50;
// Voice names reach argv (never a shell), but one starting with "-" would read as an option.
const VOICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_+.-]{0,40}$/;

export class SpeechEngineUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpeechEngineUnavailableError';
  }
}

export interface EspeakSynthesizerOptions {
  binary?: string;
}

/** Throws SpeechEngineUnavailableError when the espeak-ng binary cannot run (fail fast at startup). */
export function assertEspeakAvailable(binary = 'espeak-ng'): void {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 5000 });
  if (result.error || result.status !== 0) {
    throw new SpeechEngineUnavailableError(
      `espeak-ng is not available (${result.error?.message ?? `exit ${result.status}`}); install it ` +
        '(Debian: apt-get install espeak-ng) or set SPEECH_SYNTHESIZER=openai',
    );
  }
}

export function createEspeakSynthesizer(options: EspeakSynthesizerOptions = {}): SpeechSynthesizer {
  const binary = options.binary ?? 'espeak-ng';
  return {
    name: 'espeak-ng',
    supports: (language) => language in ESPEAK_VOICES,
    synthesize: (text, synthesis) => synthesizeWithEspeak(binary, text, synthesis),
    close: async () => {},
  };
}

function espeakArgs(options: SynthesisOptions): string[] {
  const voice =
    options.voice && VOICE_NAME.test(options.voice) ? options.voice : ESPEAK_VOICES[options.language];
  const rate = clamp(Math.round(options.rate ?? DEFAULT_RATE_WPM), 80, 450);
  const pitch = clamp(Math.round(options.pitch ?? DEFAULT_PITCH), 0, 99);
  // -b 1: the text on stdin is UTF-8 (Swedish, Vietnamese…).
  return ['-v', voice, '-s', String(rate), '-p', String(pitch), '-b', '1', '--stdout'];
}

async function* synthesizeWithEspeak(
  binary: string,
  text: string,
  options: SynthesisOptions,
): AsyncGenerator<Int16Array> {
  const spoken = text.trim();
  if (!spoken || options.signal?.aborted) return;
  const child = spawn(binary, espeakArgs(options), { stdio: ['pipe', 'pipe', 'pipe'] });
  let spawnError: Error | undefined;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 2000) stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => resolve(code));
    child.on('error', (err) => {
      spawnError = err;
      resolve(null);
    });
  });
  const onAbort = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  child.stdin.on('error', () => {}); // EPIPE when espeak exits early; reported via the exit code
  child.stdin.end(`${spoken}\n`);

  let pending: Buffer = Buffer.alloc(0);
  let resampler: StreamingResampler | undefined;
  let yielded = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) return;
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      if (!resampler) {
        // espeak-ng streams: the RIFF and data lengths are placeholders, so read to EOF, not to the length.
        const header = parseWavHeader(pending);
        if (!header) continue;
        resampler = new StreamingResampler(header.sampleRate, options.sampleRate);
        pending = pending.subarray(header.dataOffset);
      }
      const whole = pending.length & ~1;
      const samples = resampler.push(pcm16FromBytes(pending.subarray(0, whole)));
      pending = pending.subarray(whole);
      if (samples.length) {
        yielded = true;
        yield samples;
      }
    }
    if (options.signal?.aborted) return;
    const code = await exited;
    if (spawnError)
      throw new SpeechEngineUnavailableError(`espeak-ng could not start: ${spawnError.message}`);
    if (code !== 0 && !yielded) throw new Error(`espeak-ng failed (exit ${code}): ${stderr.trim()}`);
    const tail = resampler?.flush();
    if (tail?.length) yield tail;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
