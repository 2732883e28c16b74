import { describe, expect, it } from 'vitest';
import { ScriptedRecognizer, ScriptedSynthesizer } from './scripted-speech.js';

describe('scripted speech fakes', () => {
  it('returns queued transcripts turn by turn and records the audio each turn got', async () => {
    const stt = new ScriptedRecognizer(['my card was declined']);
    const first = stt.start();
    first.write(new Int16Array(320));
    expect(await first.finish()).toEqual({ text: 'my card was declined', confidence: 1 });
    stt.say('yes');
    expect((await stt.start().finish()).text).toBe('yes');
    expect((await stt.start().finish()).text).toBe('');
    expect(stt.turns[0]).toEqual({ samples: 320, aborted: false });
  });

  it('speaks for a time proportional to the text and stops when aborted', async () => {
    const tts = new ScriptedSynthesizer(10);
    let samples = 0;
    for await (const c of tts.synthesize('twenty characters!!!', { language: 'en', sampleRate: 8000 }))
      samples += c.length;
    expect(samples).toBe(1600); // 20 characters × 10 ms at 8 kHz
    const controller = new AbortController();
    let chunks = 0;
    for await (const _ of tts.synthesize('x'.repeat(500), {
      language: 'en',
      sampleRate: 8000,
      signal: controller.signal,
    })) {
      chunks++;
      controller.abort();
    }
    expect(chunks).toBe(1);
    expect(tts.spoken.map((s) => s.text.length)).toEqual([20, 500]);
  });
});
