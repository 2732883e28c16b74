import { describe, expect, it } from 'vitest';
import { decodeMulaw, encodeMulaw } from './mulaw.js';
import { resamplePcm, StreamingResampler, upsamplePhoneAudioForRecognition } from './resample.js';
import { decodeWav, encodeWav, parseWavHeader, WavFormatError } from './wav.js';

function tone(freq: number, rate: number, seconds: number, amplitude = 10_000): Int16Array {
  return Int16Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * freq * i) / rate)),
  );
}

function rms(samples: Int16Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

describe('μ-law', () => {
  it('encodes the G.711 reference points', () => {
    expect([...encodeMulaw(Int16Array.from([0, 32767, -32768, 1000, -1000]))]).toEqual([
      0xff, 0x80, 0x00, 0xce, 0x4e,
    ]);
  });

  it('decodes the G.711 reference points', () => {
    expect([...decodeMulaw(Uint8Array.from([0xff, 0x7f, 0x80, 0x00, 0xce]))]).toEqual([
      0, 0, 32124, -32124, 988,
    ]);
  });

  it('round-trips every code exactly and keeps speech-level samples within the quantisation step', () => {
    const codes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const again = encodeMulaw(decodeMulaw(codes));
    // 0x7f and 0xff both decode to 0 (negative and positive zero); 0 encodes as 0xff.
    expect([...again].map((c, i) => (i === 0x7f ? 0x7f : c))).toEqual([...codes]);
    const signal = tone(440, 8000, 0.1);
    const back = decodeMulaw(encodeMulaw(signal));
    for (let i = 0; i < signal.length; i++) {
      expect(Math.abs(back[i]! - signal[i]!)).toBeLessThanOrEqual(Math.max(8, Math.abs(signal[i]!) * 0.035));
    }
  });
});

describe('WAV', () => {
  it('round-trips PCM16 mono', () => {
    const samples = tone(300, 16000, 0.05);
    const wav = encodeWav(samples, 16000);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    const decoded = decodeWav(wav);
    expect(decoded.sampleRate).toBe(16000);
    expect([...decoded.samples]).toEqual([...samples]);
  });

  it('reads a streamed header whose data length is unknown', () => {
    const wav = encodeWav(Int16Array.from([1, 2, 3]), 22050);
    wav.writeUInt32LE(0xffffffff, 40);
    expect(parseWavHeader(wav)).toEqual({ sampleRate: 22050, dataOffset: 44, dataBytes: undefined });
    expect([...decodeWav(wav).samples]).toEqual([1, 2, 3]);
    expect(parseWavHeader(wav.subarray(0, 30))).toBeUndefined();
  });

  it('rejects other formats with a clear error', () => {
    const stereo = encodeWav(Int16Array.from([1, 2]), 8000);
    stereo.writeUInt16LE(2, 22);
    expect(() => decodeWav(stereo)).toThrow(/expected PCM16 mono/);
    const alaw = encodeWav(Int16Array.from([1, 2]), 8000);
    alaw.writeUInt16LE(6, 20);
    expect(() => decodeWav(alaw)).toThrow(WavFormatError);
    expect(() => decodeWav(Buffer.from('not audio at all'))).toThrow(/not a RIFF/);
  });
});

describe('resampling', () => {
  it('keeps duration and an in-band tone', () => {
    const input = tone(440, 22050, 1);
    const out = resamplePcm(input, 22050, 8000);
    expect(Math.abs(out.length - 8000)).toBeLessThanOrEqual(1);
    expect(rms(out, 200, 7800)).toBeGreaterThan(rms(input) * 0.95);
    expect(rms(out, 200, 7800)).toBeLessThan(rms(input) * 1.05);
    const up = resamplePcm(tone(440, 8000, 1), 8000, 16000);
    expect(up.length).toBe(16000);
    expect(rms(up, 400, 15600)).toBeGreaterThan(rms(input) * 0.95);
  });

  it('removes content above the new Nyquist rate instead of aliasing it', () => {
    // 6 kHz cannot exist at 8 kHz; without a low-pass it would fold down to 2 kHz.
    const out = resamplePcm(tone(6000, 22050, 0.5), 22050, 8000);
    expect(rms(out, 200, out.length - 200)).toBeLessThan(10_000 * 0.01);
  });

  it('gives the same output streamed in chunks as all at once', () => {
    const input = tone(700, 22050, 0.3);
    const whole = resamplePcm(input, 22050, 16000);
    const r = new StreamingResampler(22050, 16000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 337) parts.push(...r.push(input.subarray(i, i + 337)));
    parts.push(...r.flush());
    expect(parts).toEqual([...whole]);
  });

  it('upsamples phone audio for recognition by repeating each sample', () => {
    expect([...upsamplePhoneAudioForRecognition(Int16Array.from([5, -7, 9]))]).toEqual([5, 5, -7, -7, 9, 9]);
  });
});
