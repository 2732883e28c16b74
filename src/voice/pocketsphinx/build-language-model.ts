/**
 * A small n-gram language model in ARPA format, built from domain sentences. pocketsphinx
 * with the general 130k-word model is slow to start and poor on this domain; a few hundred
 * domain sentences (and a dictionary of just their words) make it fast and far more accurate.
 * Backoff model with absolute discounting; the discount per order is Ney's n1 / (n1 + 2 n2).
 */

export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

/** Lower-case words; apostrophes kept inside words (don't, that's), everything else splits. */
export function tokenize(sentence: string): string[] {
  return sentence
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z' ]+/g, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

type Counts = Map<string, number>;

function add(map: Counts, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function discount(counts: Counts): number {
  let n1 = 0;
  let n2 = 0;
  for (const c of counts.values()) {
    if (c === 1) n1++;
    else if (c === 2) n2++;
  }
  const d = n1 + 2 * n2 > 0 ? n1 / (n1 + 2 * n2) : 0.5;
  return Math.min(0.9, Math.max(0.3, d));
}

const log10 = (p: number) => (p > 0 ? Math.log10(p) : -99);
const fmt = (x: number) => x.toFixed(6);

/**
 * Builds a trigram ARPA model from tokenised sentences (each a list of in-vocabulary words).
 * Every word in the model appears in the sentences; none is out of vocabulary.
 */
export function buildArpaModel(sentences: string[][]): string {
  const uni: Counts = new Map();
  const bi: Counts = new Map();
  const tri: Counts = new Map();
  for (const words of sentences) {
    if (!words.length) continue;
    const t = [SENTENCE_START, ...words, SENTENCE_END];
    for (let i = 0; i < t.length; i++) {
      add(uni, t[i]!);
      if (i >= 1) add(bi, `${t[i - 1]} ${t[i]}`);
      if (i >= 2) add(tri, `${t[i - 2]} ${t[i - 1]} ${t[i]}`);
    }
  }
  if (!uni.size) throw new Error('cannot build a language model from no sentences');

  // Unigrams (Kneser-Ney continuation): how many different words precede w, not how often w occurs,
  // so "you" in a dozen "you should…" lines does not become likely everywhere. <s> is never predicted.
  const continuation: Counts = new Map();
  for (const key of bi.keys()) add(continuation, key.slice(key.indexOf(' ') + 1));
  const predicted = [...continuation];
  const total = predicted.reduce((n, [, c]) => n + c, 0);
  const pUni = new Map(predicted.map(([w, c]) => [w, c / total]));

  const d2 = discount(bi);
  const d3 = discount(tri);

  // Bigrams: history totals, follower counts.
  const biHist: Counts = new Map();
  const biFollowers: Counts = new Map();
  for (const [key, c] of bi) {
    const h = key.slice(0, key.indexOf(' '));
    add(biHist, h, c);
    add(biFollowers, h);
  }
  const pBi = new Map<string, number>();
  const seenUniMass: Counts = new Map();
  for (const [key, c] of bi) {
    const sp = key.indexOf(' ');
    const h = key.slice(0, sp);
    const w = key.slice(sp + 1);
    pBi.set(key, (c - d2) / biHist.get(h)!);
    add(seenUniMass, h, pUni.get(w) ?? 0);
  }
  const biBackoff = new Map<string, number>();
  for (const [h, hist] of biHist) {
    const left = (d2 * biFollowers.get(h)!) / hist;
    biBackoff.set(h, left / Math.max(1e-9, 1 - seenUniMass.get(h)!));
  }
  const bigramProb = (v: string, w: string) =>
    pBi.get(`${v} ${w}`) ?? (biBackoff.get(v) ?? 1) * (pUni.get(w) ?? 0);

  // Trigrams.
  const triHist: Counts = new Map();
  const triFollowers: Counts = new Map();
  for (const [key, c] of tri) {
    const h = key.slice(0, key.lastIndexOf(' '));
    add(triHist, h, c);
    add(triFollowers, h);
  }
  const seenBiMass: Counts = new Map();
  const pTri = new Map<string, number>();
  for (const [key, c] of tri) {
    const cut = key.lastIndexOf(' ');
    const h = key.slice(0, cut);
    const w = key.slice(cut + 1);
    pTri.set(key, (c - d3) / triHist.get(h)!);
    add(seenBiMass, h, bigramProb(h.slice(h.indexOf(' ') + 1), w));
  }
  const triBackoff = new Map<string, number>();
  for (const [h, hist] of triHist) {
    const left = (d3 * triFollowers.get(h)!) / hist;
    triBackoff.set(h, left / Math.max(1e-9, 1 - seenBiMass.get(h)!));
  }

  const lines = [
    '\\data\\',
    `ngram 1=${uni.size}`,
    `ngram 2=${bi.size}`,
    `ngram 3=${tri.size}`,
    '',
    '\\1-grams:',
  ];
  for (const w of [...uni.keys()].sort()) {
    const p = w === SENTENCE_START ? -99 : log10(pUni.get(w)!);
    const bo = biBackoff.get(w);
    lines.push(bo === undefined ? `${fmt(p)}\t${w}` : `${fmt(p)}\t${w}\t${fmt(log10(bo))}`);
  }
  lines.push('', '\\2-grams:');
  for (const key of [...bi.keys()].sort()) {
    const bo = triBackoff.get(key);
    const p = fmt(log10(pBi.get(key)!));
    lines.push(bo === undefined ? `${p}\t${key}` : `${p}\t${key}\t${fmt(log10(bo))}`);
  }
  lines.push('', '\\3-grams:');
  for (const key of [...tri.keys()].sort()) lines.push(`${fmt(log10(pTri.get(key)!))}\t${key}`);
  lines.push('', '\\end\\', '');
  return lines.join('\n');
}
