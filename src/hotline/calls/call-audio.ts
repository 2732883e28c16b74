import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { encodeWav } from '../../voice/audio/wav.js';

/** Writes mono PCM16 as a WAV file named after the call; returns its absolute path. */
export async function writeCallAudio(
  dir: string,
  callId: string,
  chunks: readonly Int16Array[],
  sampleRate: number,
): Promise<string> {
  const samples = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    samples.set(chunk, offset);
    offset += chunk.length;
  }
  const data = encodeWav(samples, sampleRate);
  const absolute = resolve(dir);
  await mkdir(absolute, { recursive: true });
  const path = join(absolute, `${callId}.wav`);
  await writeFile(path, data);
  return path;
}

/** Removes a stored call recording; a file already gone is fine. */
export async function deleteCallAudio(path: string): Promise<void> {
  await unlink(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}
