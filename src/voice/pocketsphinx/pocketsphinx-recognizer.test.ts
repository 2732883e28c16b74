import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeMulaw, encodeMulaw } from '../audio/mulaw.js';
import { upsamplePhoneAudioForRecognition } from '../audio/resample.js';
import { SpeechEngineUnavailableError } from '../espeak/espeak-synthesizer.js';
import { synthesizeToPcm } from '../synthesize-to-pcm.js';
import { prepareDomainModel } from './domain-model.js';
import { createPocketsphinxRecognizer } from './pocketsphinx-recognizer.js';
import { wordErrorRate } from './word-error-rate.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'tandem-ps-test-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('pocketsphinx recogniser (real engine)', () => {
  const recognizer = createPocketsphinxRecognizer({ poolSize: 1, cacheDir });
  afterAll(() => recognizer.close());

  async function recognise(pcm16k: Int16Array): Promise<string> {
    const session = recognizer.start({ language: 'en' });
    for (let i = 0; i < pcm16k.length; i += 320) session.write(pcm16k.subarray(i, i + 320));
    return (await session.finish()).text;
  }

  it('recognises domain sentences spoken at 16 kHz', async () => {
    const spoken = [
      { text: 'my card was declined at checkout', keys: ['card', 'declined'] },
      { text: 'the app crashed on my phone', keys: ['crashed', 'phone'] },
      { text: 'I want to talk to a person', keys: ['talk', 'person'] },
    ];
    let wer = 0;
    for (const s of spoken) {
      const heard = await recognise(
        await synthesizeToPcm(s.text, { language: 'en', sampleRate: 16000, voice: 'en-us+m1' }),
      );
      for (const key of s.keys) expect(heard.split(' '), `${s.text} → ${heard}`).toContain(key);
      wer += wordErrorRate(s.text, heard) / spoken.length;
    }
    expect(wer).toBeLessThan(0.5);
  });

  it('recognises phone audio (8 kHz μ-law, sample-and-hold to 16 kHz)', async () => {
    const text = 'my card was declined and the app crashed';
    const phone = decodeMulaw(
      encodeMulaw(await synthesizeToPcm(text, { language: 'en', sampleRate: 8000, voice: 'en-us+m1' })),
    );
    const heard = await recognise(upsamplePhoneAudioForRecognition(phone));
    expect(heard).toContain('card');
    expect(heard).toContain('crashed');
    expect(wordErrorRate(text, heard)).toBeLessThan(0.6);
  });

  it('gives an empty transcript for silence and survives an aborted turn', async () => {
    const aborted = recognizer.start({ language: 'en' });
    aborted.write(new Int16Array(16000));
    aborted.abort();
    expect(await recognise(new Int16Array(16000))).toBe('');
  });

  it('reports a missing binary as unavailable instead of crashing', async () => {
    const missing = createPocketsphinxRecognizer({
      binary: '/nonexistent/pocketsphinx',
      poolSize: 0,
      cacheDir,
    });
    const session = missing.start({ language: 'en' });
    session.write(new Int16Array(320));
    await expect(session.finish()).rejects.toThrow(SpeechEngineUnavailableError);
    await missing.close();
  });
});

describe('domain model', () => {
  it('adds persona sentences to the vocabulary and drops words cmudict does not know', () => {
    const model = prepareDomainModel({
      sentences: ['we founded the company in stockholm', 'the qwzxv feature is new'],
      cacheDir,
    });
    const dict = readFileSync(model.dict, 'utf8');
    expect(dict).toMatch(/^stockholm /m);
    expect(dict).not.toMatch(/qwzxv/);
    expect(readFileSync(model.lm, 'utf8')).toContain('\tfeature is new');
    // Cached by content: the same sentences give the same files.
    expect(
      prepareDomainModel({
        sentences: ['we founded the company in stockholm', 'the qwzxv feature is new'],
        cacheDir,
      }),
    ).toEqual(model);
  });
});
