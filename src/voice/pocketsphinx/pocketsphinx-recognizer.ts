import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pcm16ToBytes } from '../audio/wav.js';
import { SpeechEngineUnavailableError } from '../espeak/espeak-synthesizer.js';
import type { RecognitionResult, RecognitionSession, SpeechRecognizer } from '../speech-ports.js';
import {
  builtinDomainCorpus,
  DEFAULT_MODEL_DIR,
  type DomainModelFiles,
  prepareDomainModel,
} from './domain-model.js';

export const POCKETSPHINX_BINARY = '/usr/bin/pocketsphinx_continuous';
const SAMPLE_RATE = 16000;

export interface PocketsphinxRecognizerOptions {
  /** Extra domain sentences (the persona's corpus) added to the built-in caller corpus. */
  domainText?: string[] | undefined;
  /** Warm decoder processes kept ready (each loads the model and waits on stdin). */
  poolSize?: number | undefined;
  binary?: string | undefined;
  modelDir?: string | undefined;
  /** Where built language models are cached (keyed by content hash). */
  cacheDir?: string | undefined;
  /** A turn's decode is killed and reported failed after this long past finish(). */
  finishTimeoutMs?: number | undefined;
  /** Extra decoder arguments (tuning), e.g. ['-lw', '10']. */
  extraArgs?: string[] | undefined;
}

/** Throws SpeechEngineUnavailableError when the binary or the en-US model is missing (fail fast at startup). */
export function assertPocketsphinxAvailable(
  binary = POCKETSPHINX_BINARY,
  modelDir = DEFAULT_MODEL_DIR,
): void {
  const missing = [join(modelDir, 'en-us', 'mdef'), join(modelDir, 'cmudict-en-us.dict')].filter(
    (p) => !existsSync(p),
  );
  const probe = spawnSync(binary, ['-logfn', '/dev/null'], { timeout: 5000 });
  if (probe.error || missing.length) {
    throw new SpeechEngineUnavailableError(
      `pocketsphinx is not available (${probe.error?.message ?? `missing ${missing.join(', ')}`}); install it ` +
        '(Debian: apt-get install pocketsphinx pocketsphinx-en-us) or set SPEECH_RECOGNIZER=openai',
    );
  }
}

interface Decoder {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  /** Settles when the process is gone: its exit code, or the spawn error. */
  done: Promise<{ code: number | null; error?: Error }>;
  exited: boolean;
}

/**
 * Recognition with Debian's pocketsphinx_continuous (0.8) and a small domain language model.
 * Decoders are started ahead of time, so a turn never waits for model loading, and audio is
 * piped in while the caller speaks, so at end of turn only the last moments remain to decode.
 */
export function createPocketsphinxRecognizer(options: PocketsphinxRecognizerOptions = {}): SpeechRecognizer {
  const binary = options.binary ?? POCKETSPHINX_BINARY;
  const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
  const poolSize = Math.max(0, options.poolSize ?? 2);
  const finishTimeoutMs = options.finishTimeoutMs ?? 15_000;
  const model: DomainModelFiles = prepareDomainModel({
    sentences: [...builtinDomainCorpus(), ...(options.domainText ?? [])],
    cacheDir: options.cacheDir,
    modelDir,
  });
  const args = [
    '-infile',
    '/dev/stdin', // not .wav, so raw PCM16 at -samprate
    '-samprate',
    String(SAMPLE_RATE),
    '-hmm',
    join(modelDir, 'en-us'),
    '-lm',
    model.lm,
    '-dict',
    model.dict,
    '-logfn',
    '/dev/null',
    ...(options.extraArgs ?? []),
  ];
  const warm: Decoder[] = [];
  let closed = false;

  function spawnDecoder(): Decoder {
    // Node's stdin pipe is a socket, which pocketsphinx cannot open as /dev/stdin (ENXIO); `cat`
    // relays it into a real pipe. Arguments pass as argv ("$0" "$@"), never through the shell's parser.
    // Own process group, so a kill reaches both processes.
    const child = spawn('/bin/sh', ['-c', 'cat | "$0" "$@"', binary, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const decoder: Decoder = { child, lines: [], exited: false, done: Promise.resolve({ code: null }) };
    decoder.done = new Promise((resolve) => {
      child.on('error', (error) => {
        decoder.exited = true;
        resolve({ code: null, error });
      });
      child.on('close', (code) => {
        decoder.exited = true;
        resolve({ code });
      });
    });
    child.stdin.on('error', () => {}); // EPIPE after a crash; reported by finish()
    child.stderr.resume();
    createInterface({ input: child.stdout }).on('line', (line) => {
      const text = line.trim();
      if (text) decoder.lines.push(text);
    });
    return decoder;
  }

  function kill(decoder: Decoder): void {
    if (decoder.exited || decoder.child.pid === undefined) return;
    try {
      process.kill(-decoder.child.pid, 'SIGKILL');
    } catch {
      decoder.child.kill('SIGKILL');
    }
  }

  function refill(): void {
    while (!closed && warm.length < poolSize) warm.push(spawnDecoder());
  }

  function take(): Decoder {
    let decoder = warm.shift();
    while (decoder?.exited) decoder = warm.shift();
    refill();
    return decoder ?? spawnDecoder();
  }

  // The pool fills on the first turn, not at construction: a server (or a test) that never takes a
  // call keeps no decoders. The first turn's own decoder loads while the caller is still speaking.
  return {
    name: 'pocketsphinx',
    sampleRate: SAMPLE_RATE,
    supports: (language) => language === 'en',
    start(): RecognitionSession {
      if (closed) throw new Error('recogniser closed');
      const decoder = take();
      let state: 'open' | 'finishing' | 'aborted' = 'open';
      return {
        write(samples) {
          if (state !== 'open' || decoder.exited || !samples.length) return;
          decoder.child.stdin.write(pcm16ToBytes(samples));
        },
        async finish(): Promise<RecognitionResult> {
          if (state !== 'open') throw new Error('recognition session already finished');
          state = 'finishing';
          decoder.child.stdin.end();
          const timer = setTimeout(() => kill(decoder), finishTimeoutMs);
          const { code, error } = await decoder.done;
          clearTimeout(timer);
          if (error) throw new SpeechEngineUnavailableError(`pocketsphinx could not start: ${error.message}`);
          // 126/127: the shell could not run the binary.
          if (code === 126 || code === 127)
            throw new SpeechEngineUnavailableError(`pocketsphinx not found at ${binary}`);
          if (code !== 0) throw new Error(`pocketsphinx failed (exit ${code ?? 'killed'})`);
          return { text: decoder.lines.join(' ').toLowerCase(), confidence: null };
        },
        abort() {
          if (state === 'aborted') return;
          state = 'aborted';
          kill(decoder);
        },
      };
    },
    async close() {
      closed = true;
      const all = warm.splice(0);
      for (const d of all) kill(d);
      await Promise.all(all.map((d) => d.done));
    },
  };
}
