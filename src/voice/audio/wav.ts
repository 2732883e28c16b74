/** RIFF/WAVE PCM16 mono: what the cloud STT upload, the call-audio download and espeak-ng use. */

export function encodeWav(samples: Int16Array, sampleRate: number): Buffer {
  const dataBytes = samples.length * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) buf.writeInt16LE(samples[i]!, 44 + i * 2);
  return buf;
}

export interface WavHeader {
  sampleRate: number;
  /** Byte offset where the sample data begins. */
  dataOffset: number;
  /** Declared data length, or undefined when the writer streamed and could not know it (0 or 0xFFFFFFFF). */
  dataBytes: number | undefined;
}

export class WavFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WavFormatError';
  }
}

/**
 * Reads a WAV header. Returns undefined when `buf` is too short to hold the whole header yet
 * (a stream still arriving); throws WavFormatError when it is not PCM16 mono WAV.
 */
export function parseWavHeader(buf: Uint8Array): WavHeader | undefined {
  if (buf.length < 12) return undefined;
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.toString('ascii', 0, 4) !== 'RIFF' || view.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavFormatError('not a RIFF/WAVE file');
  }
  let offset = 12;
  let sampleRate: number | undefined;
  while (offset + 8 <= view.length) {
    const id = view.toString('ascii', offset, offset + 4);
    const size = view.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (offset + 8 + 16 > view.length) return undefined;
      const format = view.readUInt16LE(offset + 8);
      const channels = view.readUInt16LE(offset + 10);
      const bits = view.readUInt16LE(offset + 22);
      if (format !== 1 || channels !== 1 || bits !== 16) {
        throw new WavFormatError(
          `unsupported WAV format (format ${format}, ${channels} channels, ${bits} bits); expected PCM16 mono`,
        );
      }
      sampleRate = view.readUInt32LE(offset + 12);
    } else if (id === 'data') {
      if (sampleRate === undefined) throw new WavFormatError('WAV data chunk before fmt chunk');
      const dataBytes = size === 0 || size === 0xffffffff ? undefined : size;
      return { sampleRate, dataOffset: offset + 8, dataBytes };
    }
    // Streaming writers may leave chunk sizes unknown; only the data chunk can be open-ended.
    if (size === 0xffffffff) throw new WavFormatError(`WAV chunk "${id}" has no length`);
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

/** Little-endian PCM16 bytes → samples (an odd trailing byte is ignored). */
export function pcm16FromBytes(bytes: Uint8Array): Int16Array {
  const count = bytes.length >> 1;
  const out = new Int16Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

export function pcm16ToBytes(samples: Int16Array): Buffer {
  const buf = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) buf.writeInt16LE(samples[i]!, i * 2);
  return buf;
}

export function decodeWav(buf: Uint8Array): { samples: Int16Array; sampleRate: number } {
  const header = parseWavHeader(buf);
  if (!header) throw new WavFormatError('truncated WAV header');
  const available = buf.length - header.dataOffset;
  const length = header.dataBytes === undefined ? available : Math.min(header.dataBytes, available);
  return {
    samples: pcm16FromBytes(buf.subarray(header.dataOffset, header.dataOffset + length)),
    sampleRate: header.sampleRate,
  };
}
