import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPersonas } from '../persona/load-demo-personas.js';
import type { Persona } from '../persona/persona.js';
import { bestPassage, searchCorpus } from './search-corpus.js';

let persona: Persona;
beforeAll(async () => {
  [persona] = (await loadDemoPersonas()) as [Persona];
});

describe('corpus retrieval for the demo founder', () => {
  it('has a corpus big enough to answer from, and passages that can be spoken as one answer', () => {
    const en = persona.corpus.filter((p) => p.language === 'en');
    const sv = persona.corpus.filter((p) => p.language === 'sv');
    expect(en.length).toBeGreaterThanOrEqual(30);
    expect(sv.length).toBeGreaterThanOrEqual(15);
    for (const kind of ['mission', 'history', 'anecdote', 'opinion', 'faq']) {
      expect(
        en.some((p) => p.kind === kind),
        kind,
      ).toBe(true);
    }
    // A passage is read out as a reply; a "?" in it would be a second question in the turn.
    for (const p of persona.corpus) expect(p.text, p.id).not.toContain('?');
  });

  it.each([
    ['who founded tandem pay', 'en', 'faq-founders'],
    ['how did tandem pay start', 'en', 'history-founding'],
    ['what is your mission', 'en', 'mission-why-we-exist'],
    ['why is it called tandem', 'en', 'mission-name'],
    ['what do you think about late fees', 'en', 'opinion-late-fees'],
    ['how do you make money', 'en', 'mission-business-model'],
    ['what do you think about ai', 'en', 'opinion-ai'],
    ['where are you available', 'en', 'faq-markets'],
    ['tell me about your co founder', 'en', 'history-cofounder'],
    ['what happens to my feedback', 'en', 'faq-feedback-process'],
    ['what are your plans for the future', 'en', 'mission-where-heading'],
    ['do you sell my data', 'en', 'opinion-privacy'],
    ['are you hiring', 'en', 'faq-careers'],
    ['vem grundade tandem pay', 'sv', 'faq-founders-sv'],
    ['varför heter det tandem', 'sv', 'mission-name-sv'],
    ['vad tycker du om påminnelseavgifter', 'sv', 'opinion-late-fees-sv'],
    ['vad är ert uppdrag', 'sv', 'mission-why-we-exist-sv'],
    ['hur började företaget', 'sv', 'history-founding-sv'],
  ] as const)('answers "%s" (%s) from %s', (question, language, id) => {
    expect(searchCorpus(persona, language, question)?.passage.id).toBe(id);
  });

  it.each([
    ['what is your favourite football team', 'en'],
    ['who won the game last night', 'en'],
    ['what is the meaning of life', 'en'],
    ['what is the weather like in paris tomorrow', 'en'],
    ['vad är vädret i morgon', 'sv'],
    ['vilket fotbollslag håller du på', 'sv'],
    ['vad är meningen med livet', 'sv'],
  ] as const)('does not stretch a passage to answer "%s" (%s)', (question, language) => {
    // Some passage shares a word with most of these; the threshold is what keeps it out.
    expect(searchCorpus(persona, language, question)).toBeNull();
  });

  it('only answers from passages in the call language', () => {
    expect(bestPassage(persona, 'sv', 'who founded tandem pay')?.passage.language ?? 'sv').toBe('sv');
    expect(searchCorpus(persona, 'en', 'vem grundade tandem pay')?.passage.language ?? 'en').toBe('en');
  });
});
