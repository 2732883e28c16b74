import { describe, expect, it } from 'vitest';
import { FRAME_BYTES, synthesizeLine, toFrames, ULAW_SILENCE, ulawToLinear } from './line-synthesis.js';
import { SimulatorError } from './simulator-error.js';

describe('line synthesis (espeak-ng + sox)', () => {
  it('speaks a line as 8 kHz μ-law of about the length a person takes to say it', async () => {
    const short = await synthesizeLine('Hello.', { voice: 'en-us' });
    const long = await synthesizeLine(
      'I tried to postpone my payment in the app and it kept failing with an error.',
      { voice: 'en-us' },
    );
    // espeak-ng speaks ~175 words a minute: 15 words ≈ 4-5 s; one word well under a second.
    const seconds = (audio: Buffer) => audio.length / 8000;
    expect(seconds(long)).toBeGreaterThan(3);
    expect(seconds(long)).toBeLessThan(8);
    expect(seconds(short)).toBeGreaterThan(0.2);
    expect(seconds(short)).toBeLessThan(1.2);
    // Trimmed: starts and ends with voice, not silence.
    expect(Math.abs(ulawToLinear(long[0]!))).toBeGreaterThanOrEqual(300);
    expect(Math.abs(ulawToLinear(long[long.length - 1]!))).toBeGreaterThanOrEqual(300);
  });

  it('speaks Swedish with a Swedish voice', async () => {
    const audio = await synthesizeLine('Jag vill ändra mitt förfallodatum.', { voice: 'sv' });
    expect(audio.length / 8000).toBeGreaterThan(1);
  });

  it('cuts audio into 160-byte frames, padding the last with silence', async () => {
    const audio = await synthesizeLine('Thank you, goodbye.', { voice: 'en-us' });
    const frames = toFrames(audio);
    expect(frames.length).toBe(Math.ceil(audio.length / FRAME_BYTES));
    for (const frame of frames) expect(frame.length).toBe(FRAME_BYTES);
    expect(Buffer.concat(frames).subarray(0, audio.length).equals(audio)).toBe(true);
    const pad = frames.length * FRAME_BYTES - audio.length;
    expect([...frames.at(-1)!.subarray(FRAME_BYTES - pad)].every((b) => b === ULAW_SILENCE)).toBe(true);
  });

  it('names the problem when the voice does not exist', async () => {
    const attempt = synthesizeLine('Hello.', { voice: 'xx-nonexistent' });
    await expect(attempt).rejects.toThrow(SimulatorError);
    await expect(attempt).rejects.toThrow(/voice "xx-nonexistent"/);
  });
});
