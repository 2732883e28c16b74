import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage, isLanguage, LANGUAGES, type Language } from './detect-language.js';

interface HeldOut {
  language: Language;
  text: string;
}

function readHeldOut(): HeldOut[] {
  const path = new URL('./fixtures/held-out.tsv', import.meta.url);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [language = '', text = ''] = line.split('\t');
      if (!isLanguage(language)) throw new Error(`bad language in held-out set: ${line}`);
      return { language, text };
    });
}

describe('detectLanguage', () => {
  it('detects short held-out chat messages in all 8 languages (≥ 95%), never helped by the fallback', () => {
    const rows = readHeldOut();
    const perLanguage = new Map<Language, { correct: number; total: number }>();
    const errors: string[] = [];
    for (const { language, text } of rows) {
      // The fallback is always a different language, so only real evidence counts.
      const fallback = LANGUAGES[(LANGUAGES.indexOf(language) + 1) % LANGUAGES.length]!;
      const detected = detectLanguage(text, { fallback }).language;
      const tally = perLanguage.get(language) ?? { correct: 0, total: 0 };
      tally.total++;
      if (detected === language) tally.correct++;
      else errors.push(`${language} "${text}" → ${detected}`);
      perLanguage.set(language, tally);
    }
    const correct = [...perLanguage.values()].reduce((sum, t) => sum + t.correct, 0);
    const summary = LANGUAGES.map((l) => {
      const t = perLanguage.get(l)!;
      return `${l} ${t.correct}/${t.total}`;
    }).join(', ');
    console.log(
      `language detection: ${((100 * correct) / rows.length).toFixed(1)}% of ${rows.length} (${summary}); errors: ${errors.join('; ')}`,
    );
    for (const l of LANGUAGES) expect(perLanguage.get(l)!.total).toBeGreaterThanOrEqual(40);
    expect(correct / rows.length).toBeGreaterThanOrEqual(0.95);
  });

  it('recognises typical messages with and without diacritics', () => {
    const cases: [string, Language][] = [
      ['hej', 'sv'],
      ['när ska jag betala?', 'sv'],
      ['wann ist meine nächste Zahlung', 'de'],
      ['khi nào tôi phải trả tiền', 'vi'],
      ['khi nao toi phai tra tien', 'vi'],
      ['je voudrais parler à un conseiller', 'fr'],
      ['quiero hablar con una persona real', 'es'],
      ['posso parlare con un operatore?', 'it'],
      ['ik wil een medewerker spreken', 'nl'],
      ['where is my refund', 'en'],
    ];
    for (const [text, language] of cases) {
      expect(detectLanguage(text, { fallback: language === 'en' ? 'sv' : 'en' }).language, text).toBe(
        language,
      );
    }
  });

  it('keeps the conversation language for "ok", greetings every market uses, emoji and numbers', () => {
    for (const fallback of LANGUAGES) {
      for (const text of [
        'ok',
        'OK!',
        'okay',
        '👍',
        '🙏🙏',
        'hi',
        'hello',
        'hallo',
        'hey :)',
        '123',
        '',
        '?',
        'lol',
      ]) {
        const result = detectLanguage(text, { fallback });
        expect(result, `${text} with ${fallback}`).toMatchObject({ language: fallback, fellBack: true });
      }
    }
  });

  it('does not switch language on a message that fits the current one about as well', () => {
    // "ja" is yes in Swedish, German and Dutch: no reason to switch away from any of them.
    expect(detectLanguage('ja', { fallback: 'nl' }).language).toBe('nl');
    expect(detectLanguage('ja', { fallback: 'de' }).language).toBe('de');
    expect(detectLanguage('ja', { fallback: 'sv' }).language).toBe('sv');
  });

  it('reports a posterior as confidence', () => {
    const result = detectLanguage('wann muss ich meine Rechnung bezahlen', { fallback: 'en' });
    expect(result.language).toBe('de');
    expect(result.fellBack).toBe(false);
    expect(result.confidence).toBeGreaterThan(0.9);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });
});
