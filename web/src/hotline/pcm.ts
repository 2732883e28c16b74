/**
 * PCM conversion for browser calls: the hotline speaks PCM16LE mono at 16 kHz both ways.
 * Pure (no DOM), so it is unit-tested in Node.
 */

export const CALL_SAMPLE_RATE = 16_000;

/** A Web Audio sample (−1…1) as a 16-bit integer; out-of-range values are clipped, not wrapped. */
export function floatToPcm16(sample: number): number {
  const s = Number.isNaN(sample) ? 0 : Math.max(-1, Math.min(1, sample));
  return s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
}

/** Little-endian bytes of `samples`, whatever the machine's byte order. */
export function pcm16ToBytes(samples: Int16Array): ArrayBuffer {
  const buffer = new ArrayBuffer(samples.length * 2);
  const view = new DataView(buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i] ?? 0, true);
  return buffer;
}

/**
 * Turns received PCM16LE bytes into Web Audio samples. Frames may split a sample in two
 * (any frame size is allowed), so an odd trailing byte is kept for the next frame.
 */
export class Pcm16Decoder {
  private carry: number | undefined;

  decode(bytes: ArrayBuffer | Uint8Array): Float32Array<ArrayBuffer> {
    let data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    if (this.carry !== undefined) {
      const joined = new Uint8Array(data.length + 1);
      joined[0] = this.carry;
      joined.set(data, 1);
      data = joined;
      this.carry = undefined;
    }
    const count = Math.floor(data.length / 2);
    if (data.length % 2 === 1) this.carry = data[data.length - 1];
    const view = new DataView(data.buffer, data.byteOffset, count * 2);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true) / 0x8000;
    return out;
  }

  reset(): void {
    this.carry = undefined;
  }
}

/**
 * Resamples microphone audio (usually 44.1 or 48 kHz) to 16 kHz PCM16, chunk by chunk.
 * Each output sample is the mean of the input samples in its window: a box filter, enough
 * against aliasing for speech recognition and cheap enough for the audio thread. Windows that
 * straddle two chunks are completed from the next one, so chunk boundaries add no clicks.
 */
export class Downsampler {
  private pending = new Float32Array(0);
  /** Absolute input index of `pending[0]`. */
  private base = 0;
  /** Index of the next output sample; its window is computed from it exactly, so chunking never drifts. */
  private next = 0;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number = CALL_SAMPLE_RATE,
  ) {
    if (!(inputRate > 0) || !(outputRate > 0)) throw new Error('Sample rates must be positive');
  }

  /** First input index of output sample `k`'s window. */
  private edge(k: number): number {
    return Math.floor((k * this.inputRate) / this.outputRate);
  }

  push(input: Float32Array): Int16Array {
    const buffer = new Float32Array(this.pending.length + input.length);
    buffer.set(this.pending);
    buffer.set(input, this.pending.length);
    const end = this.base + buffer.length;
    const out: number[] = [];
    // Upsampling (a rate below 16 kHz) repeats samples: the window is at least one sample wide.
    while (Math.max(this.edge(this.next + 1), this.edge(this.next) + 1) <= end) {
      const from = this.edge(this.next);
      const to = Math.max(this.edge(this.next + 1), from + 1);
      let sum = 0;
      for (let i = from; i < to; i++) sum += buffer[i - this.base] ?? 0;
      out.push(floatToPcm16(sum / (to - from)));
      this.next++;
    }
    const keep = Math.min(this.edge(this.next), end) - this.base;
    this.pending = buffer.slice(keep);
    this.base += keep;
    return Int16Array.from(out);
  }
}
