import { beforeAll, describe, expect, it } from 'vitest';
import type { VoiceActivityEvent } from './speech-ports.js';
import { synthesizeToPcm } from './synthesize-to-pcm.js';
import { createTurnDetector } from './turn-detector.js';

const RATE = 8000;

function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const silence = (ms: number) => new Int16Array((RATE * ms) / 1000);

/** Deterministic white-ish noise at a given RMS. */
function noise(ms: number, rmsLevel: number, seed = 1): Int16Array {
  let s = seed;
  return Int16Array.from({ length: (RATE * ms) / 1000 }, () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return Math.round(((s / 0x7fffffff) * 2 - 1) * rmsLevel * Math.sqrt(3));
  });
}

function mix(a: Int16Array, b: Int16Array): Int16Array {
  return Int16Array.from(a, (v, i) => Math.max(-32768, Math.min(32767, v + (b[i] ?? 0))));
}

/** Where the voice stops in a clip: the last 20 ms with real energy. */
function lastLoudMs(pcm: Int16Array): number {
  const frame = RATE / 50;
  let last = 0;
  for (let i = 0; i + frame <= pcm.length; i += frame) {
    let sum = 0;
    for (let j = i; j < i + frame; j++) sum += pcm[j]! ** 2;
    if (Math.sqrt(sum / frame) > 300) last = ((i + frame) * 1000) / RATE;
  }
  return last;
}

function run(audio: Int16Array, options: Parameters<typeof createTurnDetector>[0], chunk = 160) {
  const detector = createTurnDetector(options);
  const events: VoiceActivityEvent[] = [];
  for (let i = 0; i < audio.length; i += chunk) events.push(...detector.push(audio.subarray(i, i + chunk)));
  return events;
}

describe('turn detector', () => {
  let sentence: Int16Array;
  let shortAnswer: Int16Array;

  beforeAll(async () => {
    sentence = await synthesizeToPcm('My card was declined at checkout and the app crashed twice.', {
      language: 'en',
      sampleRate: RATE,
    });
    shortAnswer = await synthesizeToPcm('Yes, that is right.', { language: 'en', sampleRate: RATE });
  });

  it('finds one turn in speech between silences, ending the configured silence after the voice stops', () => {
    const audio = concat(silence(1000), sentence, silence(1500));
    const events = run(audio, { sampleRate: RATE });
    expect(events.map((e) => e.type)).toEqual(['speech_start', 'end_of_turn']);
    const voiceEnd = 1000 + lastLoudMs(sentence);
    const end = events[1] as Extract<VoiceActivityEvent, { type: 'end_of_turn' }>;
    expect(Math.abs(end.speechEndMs - voiceEnd)).toBeLessThanOrEqual(60);
    expect(end.atMs - end.speechEndMs).toBeGreaterThanOrEqual(500);
    expect(end.atMs - end.speechEndMs).toBeLessThanOrEqual(540);
    expect(events[0]!.atMs).toBeGreaterThan(1000);
    expect(events[0]!.atMs).toBeLessThan(1300);
  });

  it('does not split a sentence at the pauses between words, and the result is independent of chunk sizes', () => {
    const audio = concat(silence(500), sentence, silence(1000));
    const a = run(audio, { sampleRate: RATE }, 160);
    const b = run(audio, { sampleRate: RATE }, 997);
    expect(a.filter((e) => e.type === 'end_of_turn')).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('hears speech over steady background noise and stays quiet on noise alone', () => {
    const background = noise(6000, 400);
    const speech = concat(silence(2000), sentence, silence(6000 - 2000 - sentence.length / 8));
    const events = run(mix(speech, background), { sampleRate: RATE });
    expect(events.map((e) => e.type)).toEqual(['speech_start', 'end_of_turn']);
    expect(run(noise(5000, 400, 7), { sampleRate: RATE })).toEqual([]);
  });

  it('ignores a cough and a click', () => {
    const cough = noise(200, 6000, 3);
    const click = noise(40, 12000, 5);
    const audio = concat(silence(800), click, silence(800), cough, silence(1500));
    expect(run(audio, { sampleRate: RATE }).filter((e) => e.type === 'end_of_turn')).toEqual([]);
    expect(run(concat(silence(500), click, silence(1000)), { sampleRate: RATE })).toEqual([]);
  });

  it('uses a longer end-of-turn silence when configured, keeping a paused answer as one turn', () => {
    const audio = concat(silence(500), shortAnswer, silence(800), sentence, silence(3000));
    const turns = (ms?: number) =>
      run(audio, { sampleRate: RATE, ...(ms ? { endOfTurnMs: ms } : {}) }).filter(
        (e) => e.type === 'end_of_turn',
      );
    expect(turns()).toHaveLength(2);
    expect(turns(2000)).toHaveLength(1);
  });

  it('reports speaking while a turn is under way and forgets it on reset', () => {
    const detector = createTurnDetector({ sampleRate: RATE });
    detector.push(concat(silence(300), sentence.subarray(0, RATE)));
    expect(detector.speaking).toBe(true);
    detector.reset();
    expect(detector.speaking).toBe(false);
    expect(detector.push(silence(1000))).toEqual([]);
  });
});
