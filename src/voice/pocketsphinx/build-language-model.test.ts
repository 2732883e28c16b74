import { describe, expect, it } from 'vitest';
import { buildArpaModel, tokenize } from './build-language-model.js';

/** Parses an ARPA model and scores P(w | history) with backoff, to check it is a proper distribution. */
function scorer(arpa: string) {
  const prob = new Map<string, number>();
  const backoff = new Map<string, number>();
  let order = 0;
  for (const line of arpa.split('\n')) {
    const section = /^\\(\d)-grams:$/.exec(line);
    if (section) {
      order = Number(section[1]);
      continue;
    }
    if (!order || !line.includes('\t')) continue;
    const [p, key, bo] = line.split('\t');
    prob.set(key!, 10 ** Number(p));
    if (bo !== undefined) backoff.set(key!, 10 ** Number(bo));
  }
  const score = (history: string[], w: string): number => {
    const key = [...history, w].join(' ');
    if (prob.has(key)) return prob.get(key)!;
    if (!history.length) return 0;
    return (backoff.get(history.join(' ')) ?? 1) * score(history.slice(1), w);
  };
  const vocabulary = [...prob.keys()].filter((k) => !k.includes(' ') && k !== '<s>');
  return { score, vocabulary };
}

describe('ARPA language model builder', () => {
  const sentences = [
    'my card was declined at checkout',
    'my card was declined again',
    'the app crashed at checkout',
    'the app crashed twice',
    'yes that is right',
    'no thank you',
  ].map(tokenize);
  const arpa = buildArpaModel(sentences);
  const { score, vocabulary } = scorer(arpa);

  it('writes the ARPA sections with counts that match their entries', () => {
    const declared = [...arpa.matchAll(/^ngram (\d)=(\d+)$/gm)].map((m) => Number(m[2]));
    const sections = arpa.split(/\\\d-grams:\n/).slice(1);
    const entries = sections.map((s) => s.split('\n').filter((l) => l.includes('\t')).length);
    expect(entries).toEqual(declared);
    expect(arpa.trimEnd().endsWith('\\end\\')).toBe(true);
  });

  it('gives a proper distribution after any history, seen or unseen', () => {
    for (const history of [['<s>'], ['my', 'card'], ['the', 'app'], ['card'], ['thank', 'declined']]) {
      const sum = vocabulary.reduce((s, w) => s + score(history, w), 0);
      expect(sum, history.join(' ')).toBeCloseTo(1, 4);
    }
  });

  it('prefers word orders it has seen and still allows new ones', () => {
    expect(score(['my', 'card'], 'was')).toBeGreaterThan(0.5);
    expect(score(['the', 'app'], 'declined')).toBeGreaterThan(0);
    expect(score(['the', 'app'], 'declined')).toBeLessThan(score(['the', 'app'], 'crashed') / 10);
  });

  it('tokenises to lower-case words and keeps apostrophes inside words', () => {
    expect(tokenize("That's RIGHT, I don't know... 'really'")).toEqual([
      "that's",
      'right',
      'i',
      "don't",
      'know',
      'really',
    ]);
  });
});
