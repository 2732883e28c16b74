import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../assistant/language/detect-language.js';
import { synthesizeToPcm } from '../synthesize-to-pcm.js';
import { createEspeakSynthesizer, SpeechEngineUnavailableError } from './espeak-synthesizer.js';

function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

describe('espeak-ng synthesiser', () => {
  const espeak = createEspeakSynthesizer();

  it('speaks every supported language at the requested rate', async () => {
    const phrases: Record<(typeof LANGUAGES)[number], string> = {
      en: 'Thank you for calling.',
      sv: 'Tack för att du ringde.',
      de: 'Danke für Ihren Anruf.',
      fr: 'Merci de votre appel.',
      es: 'Gracias por llamar.',
      it: 'Grazie per la chiamata.',
      nl: 'Bedankt voor het bellen.',
      vi: 'Cảm ơn bạn đã gọi.',
    };
    for (const language of LANGUAGES) {
      expect(espeak.supports(language)).toBe(true);
      const pcm = await synthesizeToPcm(phrases[language], { language, sampleRate: 8000 }, espeak);
      // Roughly 0.5–4 s of audible speech at 8 kHz.
      expect(pcm.length, language).toBeGreaterThan(4000);
      expect(pcm.length, language).toBeLessThan(32000);
      expect(rms(pcm), language).toBeGreaterThan(300);
    }
  });

  it('streams a long reply in several chunks and a longer text gives longer audio', async () => {
    const text =
      'We started the company because paying later should never cost more than paying now. ' +
      'Every call to this line is read by the product team. Tell me what happened at checkout.';
    const chunks: Int16Array[] = [];
    for await (const c of espeak.synthesize(text, { language: 'en', sampleRate: 16000 })) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const short = await synthesizeToPcm('Hello.', { language: 'en', sampleRate: 16000 }, espeak);
    expect(total).toBeGreaterThan(short.length * 5);
  });

  it('stops when aborted (barge-in) without an error', async () => {
    const controller = new AbortController();
    const text = 'This sentence is long enough to take several seconds to speak. '.repeat(8);
    let samples = 0;
    for await (const c of espeak.synthesize(text, {
      language: 'en',
      sampleRate: 8000,
      signal: controller.signal,
    })) {
      samples += c.length;
      controller.abort();
    }
    const full = await synthesizeToPcm(text, { language: 'en', sampleRate: 8000 }, espeak);
    expect(samples).toBeGreaterThan(0);
    expect(samples).toBeLessThan(full.length / 2);
  });

  it('treats shell metacharacters and option-like text as words, and ignores an unsafe voice name', async () => {
    const pcm = await synthesizeToPcm('--help; rm -rf / $(reboot)', {
      language: 'en',
      sampleRate: 8000,
      voice: '--stdin',
    });
    expect(pcm.length).toBeGreaterThan(4000);
  });

  it('reports a missing binary as unavailable', async () => {
    const missing = createEspeakSynthesizer({ binary: '/nonexistent/espeak-ng' });
    await expect(synthesizeToPcm('hello', { language: 'en', sampleRate: 8000 }, missing)).rejects.toThrow(
      SpeechEngineUnavailableError,
    );
  });
});
