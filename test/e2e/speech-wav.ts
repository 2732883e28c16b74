import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Seconds of audio in a WAV file (sox's `--i -D`). */
export function wavSeconds(path: string): number {
  return Number(execFileSync('sox', ['--i', '-D', path], { encoding: 'utf8' }).trim());
}

/**
 * Speaks `text` with espeak-ng into a WAV for Chromium's fake microphone: 16 kHz, mono, 16-bit
 * PCM (what `--use-file-for-fake-audio-capture` reads), with `leadSeconds` of silence before the
 * words, so the persona's opening has played when the caller starts, and `tailSeconds` after, so
 * end-of-turn detection hears the caller stop. `rate`: words per minute (espeak-ng's default 175).
 * Returns the file's path.
 */
export function speechWav(
  text: string,
  {
    leadSeconds = 1,
    tailSeconds = 3,
    voice = 'en-us',
    rate,
  }: { leadSeconds?: number; tailSeconds?: number; voice?: string; rate?: number | undefined } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-caller-'));
  const spoken = join(dir, 'spoken.wav');
  const out = join(dir, 'caller.wav');
  execFileSync('espeak-ng', ['-v', voice, ...(rate ? ['-s', String(rate)] : []), '-w', spoken, text]);
  execFileSync('sox', [
    spoken,
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    '-e',
    'signed-integer',
    out,
    'pad',
    String(leadSeconds),
    String(tailSeconds),
  ]);
  return out;
}
