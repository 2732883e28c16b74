import { spawn } from 'node:child_process';
import { SimulatorError } from './simulator-error.js';

/** 20 ms of 8 kHz μ-law: the frame a phone carrier sends. */
export const FRAME_BYTES = 160;
export const FRAME_MS = 20;
/** μ-law code for a zero sample (what a silent line carries). */
export const ULAW_SILENCE = 0xff;

/** G.711 μ-law byte → linear 16-bit sample. */
export function ulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

/** Cuts leading and trailing near-silence, so "end of speech" is where the voice stops. */
export function trimSilence(ulaw: Buffer, threshold = 300): Buffer {
  let start = 0;
  let end = ulaw.length;
  while (start < end && Math.abs(ulawToLinear(ulaw[start]!)) < threshold) start++;
  while (end > start && Math.abs(ulawToLinear(ulaw[end - 1]!)) < threshold) end--;
  return ulaw.subarray(start, end);
}

/** Splits μ-law audio into 160-byte frames; the last one is padded with silence. */
export function toFrames(ulaw: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  for (let i = 0; i < ulaw.length; i += FRAME_BYTES) {
    const frame = Buffer.alloc(FRAME_BYTES, ULAW_SILENCE);
    ulaw.copy(frame, 0, i, Math.min(i + FRAME_BYTES, ulaw.length));
    frames.push(frame);
  }
  return frames;
}

function missing(tool: string, err: NodeJS.ErrnoException): SimulatorError {
  return new SimulatorError(
    err.code === 'ENOENT'
      ? `${tool} is not installed (Debian/Ubuntu: apt-get install espeak-ng sox)`
      : `${tool} failed to start: ${err.message}`,
  );
}

/**
 * Speaks `text` the way a caller's phone would carry it: espeak-ng (text on stdin, WAV on stdout)
 * piped into sox, which resamples to 8 kHz μ-law mono; leading and trailing silence trimmed.
 * Independent of Tandem's own speech engines on purpose: the caller is not the server.
 */
export function synthesizeLine(text: string, options: { voice: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const espeak = spawn('espeak-ng', ['-v', options.voice, '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const sox = spawn('sox', ['-t', 'wav', '-', '-t', 'raw', '-r', '8000', '-e', 'u-law', '-c', '1', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const errors = { espeak: '', sox: '' };
    let failed = false;
    const fail = (error: SimulatorError) => {
      if (failed) return;
      failed = true;
      espeak.kill();
      sox.kill();
      reject(error);
    };
    espeak.on('error', (err) => fail(missing('espeak-ng', err)));
    sox.on('error', (err) => fail(missing('sox', err)));
    espeak.stderr.on('data', (d: Buffer) => {
      errors.espeak += d.toString();
    });
    sox.stderr.on('data', (d: Buffer) => {
      errors.sox += d.toString();
    });
    // A dead pipe shows up as an exit code below; don't crash on EPIPE.
    espeak.stdin.on('error', () => {});
    sox.stdin.on('error', () => {});
    espeak.stdout.pipe(sox.stdin);
    sox.stdout.on('data', (d: Buffer) => out.push(d));
    // Decide once both have exited: either may close first.
    const codes: { espeak?: number | null; sox?: number | null } = {};
    const settle = () => {
      if (failed || !('espeak' in codes) || !('sox' in codes)) return;
      if (codes.espeak !== 0) {
        const why = errors.espeak.trim().replace(/^Error:\s*/, '') || `exit code ${codes.espeak}`;
        fail(new SimulatorError(`espeak-ng could not speak with voice "${options.voice}": ${why}`));
      } else if (codes.sox !== 0) {
        fail(
          new SimulatorError(
            `sox could not convert the speech: ${errors.sox.trim() || `exit code ${codes.sox}`}`,
          ),
        );
      } else {
        const audio = trimSilence(Buffer.concat(out));
        if (audio.length === 0) fail(new SimulatorError(`espeak-ng produced no speech for "${text}"`));
        else resolve(audio);
      }
    };
    espeak.on('close', (code) => {
      codes.espeak = code;
      settle();
    });
    sox.on('close', (code) => {
      codes.sox = code;
      settle();
    });
    espeak.stdin.end(text);
  });
}
