import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Writes mono PCM16 as a WAV file named after the call; returns its absolute path. */
export async function writeCallAudio(
  dir: string,
  callId: string,
  chunks: readonly Int16Array[],
  sampleRate: number,
): Promise<string> {
  const samples = chunks.reduce((n, c) => n + c.length, 0);
  const data = Buffer.alloc(44 + samples * 2);
  data.write('RIFF', 0);
  data.writeUInt32LE(36 + samples * 2, 4);
  data.write('WAVE', 8);
  data.write('fmt ', 12);
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20); // PCM
  data.writeUInt16LE(1, 22); // mono
  data.writeUInt32LE(sampleRate, 24);
  data.writeUInt32LE(sampleRate * 2, 28);
  data.writeUInt16LE(2, 32);
  data.writeUInt16LE(16, 34);
  data.write('data', 36);
  data.writeUInt32LE(samples * 2, 40);
  let offset = 44;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      data.writeInt16LE(chunk[i] ?? 0, offset);
      offset += 2;
    }
  }
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
