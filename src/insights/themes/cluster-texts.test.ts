import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './cluster-metrics.js';
import { clusterTexts } from './cluster-texts.js';
import { generateFeedback, SYNTHETIC_THEMES } from './synthetic-feedback.js';
import { tokeniseFeedback } from './tokenise-feedback.js';

const pick = (...names: string[]) => SYNTHETIC_THEMES.filter((t) => names.includes(t.theme));

describe('clusterTexts', () => {
  const items = generateFeedback(
    400,
    3,
    pick('card_declined_checkout', 'app_crash_login', 'dark_mode_request'),
  );
  const texts = items.map((i) => i.text);
  const result = clusterTexts(texts, { seed: 1 });

  it('finds clearly different groups without being told how many (en and sv mixed)', () => {
    expect(result.clusters.length).toBeGreaterThanOrEqual(3);
    expect(
      adjustedRandIndex(
        items.map((i) => i.theme),
        result.assignments,
      ),
    ).toBeGreaterThan(0.9);
    expect(result.clusters.reduce((a, c) => a + c.size, 0)).toBe(texts.length);
  });

  it('puts a Swedish and an English complaint about the same problem in one theme', () => {
    const rows = [...texts, 'mitt kort nekades i kassan igen', 'my card was declined at checkout again'];
    const r = clusterTexts(rows, { seed: 1 });
    expect(r.assignments[rows.length - 2]).toBe(r.assignments[rows.length - 1]);
    const sv = tokeniseFeedback('kortet nekades i kassan', 'sv').stems;
    const en = tokeniseFeedback('card declined at checkout', 'en').stems;
    expect(sv).toEqual(en);
  });

  it('labels a theme with its distinctive words and lists its most central texts', () => {
    const cardRow = texts.findIndex((t) => t.startsWith('my card was declined'));
    const card = result.clusters[result.assignments[cardRow]!]!;
    expect(card.terms.slice(0, 3)).toEqual(expect.arrayContaining(['card', 'checkout']));
    expect(card.label).toMatch(/card|checkout|declin/);
    expect(card.label.split(' ').length).toBeLessThanOrEqual(6);
    for (const row of card.representatives) expect(result.assignments[row]).toBe(card.id);
  });

  it('gives exactly k clusters when k is fixed, and -1 to texts without words', () => {
    const r = clusterTexts([...texts.slice(0, 60), '!!!', ''], { k: 4, seed: 2 });
    expect(r.clusters).toHaveLength(4);
    expect(r.assignments.slice(-2)).toEqual([-1, -1]);
  });

  it('is deterministic for a seed', () => {
    expect(clusterTexts(texts.slice(0, 120), { seed: 5 }).assignments).toEqual(
      clusterTexts(texts.slice(0, 120), { seed: 5 }).assignments,
    );
  });
});
