/**
 * Sample-rate conversion by windowed-sinc interpolation. The kernel's cutoff is the lower
 * of the two Nyquist rates, so downsampling (espeak-ng's 22050 Hz → 8000/16000) low-passes
 * first and does not alias. Streaming: chunks pushed one by one give the same samples as
 * converting the whole signal at once, which synthesis needs (it resamples as audio arrives).
 */

/** Zero crossings of the sinc on each side at the cutoff; 16 keeps the stopband well below −60 dB. */
const ZERO_CROSSINGS = 16;

export class StreamingResampler {
  private readonly step: number;
  private readonly cutoff: number;
  private readonly halfWidth: number;
  private buffer = new Float32Array(0);
  /** Absolute input index of buffer[0]. */
  private bufferStart = 0;
  private inputCount = 0;
  private outputCount = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {
    if (!(fromRate > 0 && toRate > 0)) throw new RangeError('sample rates must be positive');
    this.step = fromRate / toRate;
    // A little under Nyquist so the transition band sits below it.
    this.cutoff = Math.min(1, toRate / fromRate) * 0.92;
    this.halfWidth = Math.ceil(ZERO_CROSSINGS / this.cutoff);
  }

  push(samples: Int16Array): Int16Array {
    if (this.fromRate === this.toRate) return samples.slice();
    const merged = new Float32Array(this.buffer.length + samples.length);
    merged.set(this.buffer);
    merged.set(samples, this.buffer.length);
    this.buffer = merged;
    this.inputCount += samples.length;
    return this.produce(false);
  }

  /** Emits the tail (the end of the signal is padded with silence). */
  flush(): Int16Array {
    if (this.fromRate === this.toRate) return new Int16Array(0);
    return this.produce(true);
  }

  private produce(final: boolean): Int16Array {
    const out: number[] = [];
    const total = final ? Math.ceil(this.inputCount / this.step) : Number.POSITIVE_INFINITY;
    for (;;) {
      if (this.outputCount >= total) break;
      const t = this.outputCount * this.step;
      const centre = Math.floor(t);
      if (!final && centre + this.halfWidth >= this.inputCount) break;
      out.push(this.interpolate(t, centre));
      this.outputCount++;
    }
    // Keep only the history the next output can still reach.
    const keepFrom = Math.floor(this.outputCount * this.step) - this.halfWidth;
    if (keepFrom > this.bufferStart) {
      const drop = Math.min(keepFrom - this.bufferStart, this.buffer.length);
      this.buffer = this.buffer.slice(drop);
      this.bufferStart += drop;
    }
    return Int16Array.from(out);
  }

  private interpolate(t: number, centre: number): number {
    let acc = 0;
    const from = Math.max(centre - this.halfWidth + 1, this.bufferStart);
    const to = Math.min(centre + this.halfWidth, this.inputCount - 1);
    for (let k = from; k <= to; k++) {
      const d = t - k;
      const x = this.cutoff * d;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * d) / this.halfWidth); // Hann
      acc += this.buffer[k - this.bufferStart]! * this.cutoff * sinc * window;
    }
    const rounded = Math.round(acc);
    return Math.min(32767, Math.max(-32768, rounded));
  }
}

export function resamplePcm(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return samples.slice();
  const resampler = new StreamingResampler(fromRate, toRate);
  const head = resampler.push(samples);
  const tail = resampler.flush();
  const out = new Int16Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

/**
 * 8 kHz phone audio → 16 kHz for pocketsphinx's en-US model, by sample-and-hold (each
 * sample twice, no filter). Deliberately not `resamplePcm`: a proper anti-imaging filter
 * leaves the 4–8 kHz band empty, and the 16 kHz acoustic model (trained on wideband
 * speech) then recognises almost nothing; the spectral image that sample-and-hold leaves
 * up there keeps its features close to what it was trained on (measured: see README).
 */
export function upsamplePhoneAudioForRecognition(samples8k: Int16Array): Int16Array {
  const out = new Int16Array(samples8k.length * 2);
  for (let i = 0; i < samples8k.length; i++) {
    out[2 * i] = samples8k[i]!;
    out[2 * i + 1] = samples8k[i]!;
  }
  return out;
}
