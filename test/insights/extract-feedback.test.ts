import { beforeAll, describe, expect, it } from 'vitest';
import { loadSentimentModel } from '../../src/assistant/sentiment/sentiment-model-file.js';
import { extractFeedback, type FeedbackExtractor } from '../../src/insights/feedback/extract-feedback.js';
import {
  loadProductTaxonomy,
  parseProductTaxonomy,
  TaxonomyError,
} from '../../src/insights/feedback/product-areas.js';

let extractor: FeedbackExtractor;
beforeAll(async () => {
  extractor = { sentiment: await loadSentimentModel(), taxonomy: loadProductTaxonomy() };
});

const pick = (text: string, context = {}) => {
  const d = extractFeedback(extractor, text, context);
  return (
    d && {
      kind: d.kind,
      area: d.productArea,
      sentiment: d.sentiment,
      urgency: d.urgency,
      language: d.language,
    }
  );
};

describe('extractFeedback', () => {
  it.each([
    ['The app crashes every time I open it', { kind: 'bug', area: 'app', language: 'en' }],
    [
      "I can't log in with my password, the verification code never comes",
      { kind: 'bug', area: 'account_login' },
    ],
    [
      'It would be nice if I could choose the due date of my installments',
      { kind: 'feature_request', area: 'payments' },
    ],
    [
      'Your late fees are ridiculous, 35 dollars for one day',
      { kind: 'complaint', area: 'fees', sentiment: 'negative' },
    ],
    [
      'I love how easy the checkout is, great job',
      { kind: 'praise', area: 'checkout', sentiment: 'positive' },
    ],
    ['How do I change the card on my plan?', { kind: 'question', area: 'card' }],
    ['The refund took forever and support was rude', { kind: 'complaint', area: 'customer_service' }],
  ])('English: %s', (text, expected) => {
    expect(pick(text)).toMatchObject({ language: 'en', ...expected });
  });

  it.each([
    ['Appen kraschar hela tiden när jag öppnar den', { kind: 'bug', area: 'app' }],
    ['Jag önskar att ni hade mörkt läge i appen', { kind: 'feature_request', area: 'app' }],
    ['Påminnelseavgiften är orimlig, jag betalade bara en dag sent', { kind: 'complaint', area: 'fees' }],
    [
      'Jag älskar hur smidigt det är att handla i kassan',
      { kind: 'praise', area: 'checkout', sentiment: 'positive' },
    ],
    [
      'Min återbetalning har inte kommit, jag har väntat i tre veckor',
      { kind: 'complaint', area: 'refunds_returns', sentiment: 'negative' },
    ],
  ])('Swedish: %s', (text, expected) => {
    expect(pick(text)).toMatchObject({ language: 'sv', ...expected });
  });

  it('urgency: fraud, money lost and legal words are high; a negative bug report normal; the rest low', () => {
    expect(pick('Someone used my card for a purchase I did not make, this is fraud')?.urgency).toBe('high');
    expect(pick('I was charged twice for the same order and lost my money')?.urgency).toBe('high');
    expect(pick('Någon har kapat mitt konto och gjort köp, det är bedrägeri')?.urgency).toBe('high');
    expect(pick('I will talk to my lawyer about these fees')?.urgency).toBe('high');
    expect(pick('The payment page is broken and nothing works, so annoying')).toMatchObject({
      kind: 'bug',
      urgency: 'normal',
    });
    expect(pick('It would be nice to have dark mode')?.urgency).toBe('low');
  });

  it('redacts personal data in the quote and judges the redacted text', () => {
    const d = extractFeedback(
      extractor,
      'Mejla mig på elsa@example.se, kortet 4111 1111 1111 1111 fungerar inte',
    );
    expect(d?.quote).toBe('Mejla mig på [email], kortet [card number removed] fungerar inte');
    expect(d?.redactions).toEqual({ email: 1, card: 1 });
    expect(d).toMatchObject({ kind: 'bug', productArea: 'card', language: 'sv' });
  });

  it('returns null for text without feedback', () => {
    for (const text of ['', '   ', 'ok', 'thanks', 'Thank you!', 'tack så mycket', 'Hej!', 'ok thanks 👍']) {
      expect(extractFeedback(extractor, text), text).toBeNull();
    }
    // A chat's support question or politeness is not feedback; a real complaint is.
    expect(pick('when is my next payment due?', { conversational: true })).toBeNull();
    expect(pick('great, thanks', { conversational: true })).toBeNull();
    expect(pick('your app keeps crashing, very annoying', { conversational: true })?.kind).toBe('bug');
  });

  it('keeps a kind given by the source and a low CSAT score makes a cue-less comment a complaint', () => {
    expect(
      pick('the thing with the plan', { kind: 'feature_request', language: 'en', languageKnown: true }),
    ).toMatchObject({
      kind: 'feature_request',
      language: 'en',
    });
    expect(pick('took three days to get an answer', { ratingScore: 1 })?.kind).toBe('complaint');
  });

  it('prints extraction throughput (not asserted)', () => {
    const texts = [
      'The app crashes every time I try to log in',
      'Påminnelseavgiften är orimlig, jag betalade bara en dag sent',
      'It would be nice if I could choose the due date of my installments',
      'I love how easy the checkout is, great job',
      'ok thanks',
    ];
    const n = 20_000;
    const started = performance.now();
    for (let i = 0; i < n; i++) extractFeedback(extractor, `${texts[i % texts.length]} ${i}`);
    const seconds = (performance.now() - started) / 1000;
    console.log(`extractFeedback: ${Math.round(n / seconds)} texts/s on one core`);
    expect(seconds).toBeGreaterThan(0);
  });
});

describe('product taxonomy file', () => {
  it('refuses an invalid file with the field named, and classifies with a custom one', () => {
    expect(() =>
      parseProductTaxonomy({ fallback: 'other', areas: [{ id: 'Bad Id', label: 'x', keywords: {} }] }),
    ).toThrow(TaxonomyError);
    expect(() => parseProductTaxonomy({ fallback: 'other', areas: [] })).toThrow(/areas/);
    const custom = parseProductTaxonomy({
      fallback: 'misc',
      areas: [{ id: 'loyalty', label: 'Loyalty', keywords: { en: ['points?', 'rewards?'], sv: ['poäng'] } }],
    });
    const d = extractFeedback({ ...extractor, taxonomy: custom }, 'I wish my reward points never expired');
    expect(d?.productArea).toBe('loyalty');
    expect(
      extractFeedback({ ...extractor, taxonomy: custom }, 'The app crashes all the time')?.productArea,
    ).toBe('misc');
  });
});
