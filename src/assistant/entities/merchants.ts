import { foldAligned } from './fold.js';

/** Words that also occur in ordinary sentences: alone they never name a store ("a little late"). */
const COMMON = new Set([
  'the',
  'and',
  'och',
  'und',
  'home',
  'shop',
  'store',
  'little',
  'peak',
  'glow',
  'oak',
  'atlas',
  'encore',
  'harbor',
  'petal',
  'lumen',
  'mode',
  'street',
  'goods',
  'supply',
  'sports',
  'tickets',
  'theory',
  'motion',
]);

/** "Oak & Ember" is also written "Oak and Ember": connectors carry no name. */
const CONNECTORS = new Set(['and', 'och', 'und', 'et', 'y', 'e', 'en', 'va']);

const tokens = (text: string) =>
  foldAligned(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');

/** Optimal string alignment distance (a swapped pair of letters counts once). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Typos allowed for a word of this length: none below 4 letters, one up to 6, two from 7. */
const tolerance = (length: number) => (length < 4 ? 0 : length <= 6 ? 1 : 2);

/**
 * How closely the text names a merchant (0 = exactly, higher = more typos), or null. Accents and
 * case never matter; a store is named by its whole name, by its name written as one word
 * ("pixel port"), or by its first distinctive word, each with a few typos tolerated.
 */
function matchScore(said: string[], merchant: string): number | null {
  const name = tokens(merchant).filter((t) => !CONNECTORS.has(t));
  if (name.length === 0) return null;
  const compact = name.join('');
  let best: number | null = null;
  const consider = (candidate: string, target: string) => {
    const distance = editDistance(candidate, target);
    if (
      candidate[0] === target[0] &&
      distance <= tolerance(target.length) &&
      (best === null || distance < best)
    )
      best = distance;
  };
  for (let i = 0; i < said.length; i++) {
    // The whole name, and its first two words ("oak ember" for Oak & Ember Furniture).
    for (const width of [name.length, Math.min(2, name.length)]) {
      if (width < 2 && COMMON.has(name[0]!)) continue;
      const window = said.slice(i, i + width);
      if (window.length === width && window.every((w, k) => w === name[k])) best = 0;
    }
    // The name as one word, or split in two ("pixel port").
    consider(said[i]!, compact);
    if (i + 1 < said.length) consider(said[i]! + said[i + 1]!, compact);
    // The first distinctive word alone.
    const first = name[0]!;
    if (!COMMON.has(first) && first.length >= 4) consider(said[i]!, first);
  }
  return best;
}

/** The customer's merchants the text names, best match first; ties keep every tied one. */
export function findMerchants(text: string, merchants: readonly string[]): string[] {
  const said = tokens(text).filter((t) => !CONNECTORS.has(t));
  const scored = [...new Set(merchants)]
    .map((m) => ({ m, score: matchScore(said, m) }))
    .filter((x): x is { m: string; score: number } => x.score !== null)
    .sort((a, b) => a.score - b.score);
  return scored.map((x) => x.m);
}
