import { describe, expect, it } from 'vitest';
import { Downsampler, floatToPcm16, Pcm16Decoder, pcm16ToBytes } from './pcm';

function sine(rate: number, hz: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

/** Frequency of a signal by counting upward zero crossings. */
function frequency(samples: Int16Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++)
    if ((samples[i - 1] ?? 0) < 0 && (samples[i] ?? 0) >= 0) crossings++;
  return crossings / (samples.length / rate);
}

function concat(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('floatToPcm16', () => {
  it('maps the Web Audio range onto the full 16-bit range and clips beyond it', () => {
    expect(floatToPcm16(0)).toBe(0);
    expect(floatToPcm16(1)).toBe(32767);
    expect(floatToPcm16(-1)).toBe(-32768);
    expect(floatToPcm16(0.5)).toBe(16384);
    expect(floatToPcm16(3)).toBe(32767);
    expect(floatToPcm16(-7)).toBe(-32768);
    expect(floatToPcm16(Number.NaN)).toBe(0);
  });
});

describe('pcm16ToBytes and Pcm16Decoder', () => {
  it('writes little-endian bytes that decode back to the same samples', () => {
    const bytes = new Uint8Array(pcm16ToBytes(Int16Array.from([1, -2, 32767, -32768])));
    expect([...bytes.slice(0, 4)]).toEqual([0x01, 0x00, 0xfe, 0xff]);
    const floats = new Pcm16Decoder().decode(bytes);
    expect([...floats].map((f) => Math.round(f * 0x8000))).toEqual([1, -2, 32767, -32768]);
  });

  it('keeps a sample split across two frames', () => {
    const bytes = new Uint8Array(pcm16ToBytes(Int16Array.from([1000, -1000, 2000])));
    const decoder = new Pcm16Decoder();
    const first = decoder.decode(bytes.slice(0, 3));
    const second = decoder.decode(bytes.slice(3));
    expect([...first, ...second].map((f) => Math.round(f * 0x8000))).toEqual([1000, -1000, 2000]);
  });
});

describe('Downsampler', () => {
  it('turns 48 kHz into 16 kHz: a third of the samples, same pitch', () => {
    const input = sine(48_000, 440, 1);
    const out = new Downsampler(48_000).push(input);
    expect(out.length).toBe(16_000);
    expect(frequency(out, 16_000)).toBeCloseTo(440, -1);
  });

  it('handles the non-integer 44.1 kHz ratio with the right length and pitch', () => {
    const out = new Downsampler(44_100).push(sine(44_100, 300, 1));
    expect(Math.abs(out.length - 16_000)).toBeLessThanOrEqual(1);
    expect(frequency(out, 16_000)).toBeCloseTo(300, -1);
  });

  it('gives the same output whether the input comes whole or in 128-sample render quanta', () => {
    const input = sine(44_100, 250, 0.5);
    const whole = new Downsampler(44_100).push(input);
    const chunked = new Downsampler(44_100);
    const parts: Int16Array[] = [];
    for (let i = 0; i < input.length; i += 128) parts.push(chunked.push(input.subarray(i, i + 128)));
    expect([...concat(parts)]).toEqual([...whole]);
  });

  it('averages each window, so a tone above the new Nyquist limit is strongly damped', () => {
    // 12 kHz is above 8 kHz (16 kHz Nyquist): passed through unfiltered it would alias to 4 kHz at full level.
    const out = new Downsampler(48_000).push(sine(48_000, 12_000, 0.25, 0.8));
    const peak = Math.max(...[...out].map(Math.abs));
    expect(peak).toBeLessThan(0.3 * 0x7fff);
  });

  it('passes 16 kHz input through unchanged', () => {
    const input = Float32Array.from([0, 0.25, -0.25, 1]);
    expect([...new Downsampler(16_000).push(input)]).toEqual([0, 8192, -8192, 32767]);
  });
});
