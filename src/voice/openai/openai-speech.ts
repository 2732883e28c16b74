import { StreamingResampler } from '../audio/resample.js';
import { encodeWav, pcm16FromBytes } from '../audio/wav.js';
import type {
  RecognitionResult,
  RecognitionSession,
  SpeechRecognizer,
  SpeechSynthesizer,
} from '../speech-ports.js';

/** What OpenAI's `/audio/speech` returns for `response_format: "pcm"`: PCM16LE mono at 24 kHz. */
const CLOUD_TTS_RATE = 24000;
const UPLOAD_RATE = 16000;

export interface OpenAiSpeechOptions {
  /** E.g. `https://api.openai.com/v1` or a local OpenAI-compatible server. */
  baseUrl: string;
  /** Never logged; local servers may need none. */
  apiKey?: string | undefined;
  timeoutMs?: number | undefined;
  fetch?: typeof fetch;
}

export class CloudSpeechError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'CloudSpeechError';
  }
}

function headers(options: OpenAiSpeechOptions, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}) };
}

function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

async function failure(res: Response, what: string): Promise<CloudSpeechError> {
  // The vendor's message helps the operator; it never contains the caller's audio or words.
  const detail = (await res.text().catch(() => '')).slice(0, 200);
  return new CloudSpeechError(`${what} failed: HTTP ${res.status} ${detail}`.trim(), res.status);
}

/** Lower-case words, as the port promises (punctuation from the cloud transcript dropped). */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * OpenAI-compatible speech-to-text (`POST /audio/transcriptions`, multipart). Cloud engines do not
 * stream here: the turn's audio is buffered and uploaded as one WAV at finish().
 */
export function createOpenAiRecognizer(options: OpenAiSpeechOptions & { model: string }): SpeechRecognizer {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'openai-stt',
    sampleRate: UPLOAD_RATE,
    supports: () => true,
    start({ language }): RecognitionSession {
      const chunks: Int16Array[] = [];
      const controller = new AbortController();
      let state: 'open' | 'finishing' | 'aborted' = 'open';
      return {
        write(samples) {
          if (state === 'open') chunks.push(samples.slice());
        },
        async finish(): Promise<RecognitionResult> {
          if (state !== 'open') throw new Error('recognition session already finished');
          state = 'finishing';
          const total = chunks.reduce((n, c) => n + c.length, 0);
          const pcm = new Int16Array(total);
          let offset = 0;
          for (const c of chunks.splice(0)) {
            pcm.set(c, offset);
            offset += c.length;
          }
          const form = new FormData();
          form.append(
            'file',
            new Blob([new Uint8Array(encodeWav(pcm, UPLOAD_RATE))], { type: 'audio/wav' }),
            'turn.wav',
          );
          form.append('model', options.model);
          form.append('language', language);
          form.append('response_format', 'json');
          const res = await doFetch(endpoint(options.baseUrl, '/audio/transcriptions'), {
            method: 'POST',
            headers: headers(options),
            body: form,
            signal: AbortSignal.any([controller.signal, AbortSignal.timeout(options.timeoutMs ?? 15_000)]),
          });
          if (!res.ok) throw await failure(res, 'speech recognition');
          const body = (await res.json()) as { text?: unknown };
          if (typeof body.text !== 'string')
            throw new CloudSpeechError('speech recognition: no text in reply', res.status);
          return { text: normalise(body.text), confidence: null };
        },
        abort() {
          state = 'aborted';
          chunks.length = 0;
          controller.abort();
        },
      };
    },
    close: async () => {},
  };
}

/**
 * OpenAI-compatible text-to-speech (`POST /audio/speech`, raw PCM response), streamed: audio is
 * resampled and yielded as the response body arrives. The voice is the configured cloud voice
 * (persona voice settings name espeak-ng voices).
 */
export function createOpenAiSynthesizer(
  options: OpenAiSpeechOptions & { model: string; voice: string },
): SpeechSynthesizer {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'openai-tts',
    supports: () => true,
    async *synthesize(text, synthesis) {
      const input = text.trim();
      if (!input || synthesis.signal?.aborted) return;
      const signals = [AbortSignal.timeout(options.timeoutMs ?? 15_000)];
      if (synthesis.signal) signals.push(synthesis.signal);
      let res: Response;
      try {
        res = await doFetch(endpoint(options.baseUrl, '/audio/speech'), {
          method: 'POST',
          headers: headers(options, { 'Content-Type': 'application/json' }),
          body: JSON.stringify({ model: options.model, input, voice: options.voice, response_format: 'pcm' }),
          signal: AbortSignal.any(signals),
        });
      } catch (err) {
        if (synthesis.signal?.aborted) return;
        throw err;
      }
      if (!res.ok) throw await failure(res, 'speech synthesis');
      if (!res.body) return;
      const resampler = new StreamingResampler(CLOUD_TTS_RATE, synthesis.sampleRate);
      let carry: Uint8Array = new Uint8Array(0);
      try {
        for await (const part of res.body as AsyncIterable<Uint8Array>) {
          let bytes = part;
          if (carry.length) {
            bytes = new Uint8Array(carry.length + part.length);
            bytes.set(carry);
            bytes.set(part, carry.length);
          }
          const whole = bytes.length & ~1;
          carry = bytes.slice(whole);
          const samples = resampler.push(pcm16FromBytes(bytes.subarray(0, whole)));
          if (samples.length) yield samples;
        }
      } catch (err) {
        if (synthesis.signal?.aborted) return;
        throw err;
      }
      const tail = resampler.flush();
      if (tail.length) yield tail;
    },
    close: async () => {},
  };
}
