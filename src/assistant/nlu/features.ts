import { normalizeText, splitWords } from './tokenize.js';

/** Everything needed to turn a text into the same feature vector at training and at prediction time. */
export interface FeatureConfig {
  /** Size of the hash space is 2^hashBits; features seen in training are then remapped to a dense index. */
  hashBits: number;
  /** Word n-grams 1..wordNgramMax (0 disables the word block). */
  wordNgramMax: number;
  /** Also pair each word with the words 2..skipWindow positions later ("card … arrived"); 0 disables. */
  skipWindow: number;
  /** Character n-grams within word boundaries (" word " padded), charNgramMin..charNgramMax. */
  charNgramMin: number;
  charNgramMax: number;
  /** Each block is L2-normalised on its own, then scaled by its weight. */
  wordWeight: number;
  charWeight: number;
  sublinearTf: boolean;
  foldDiacritics: boolean;
  foldDigits: boolean;
  /** Keep features seen in at least this many training texts (1 on tiny data sets, see trainer). */
  minDf: number;
}

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
  /** Share of the text's n-gram occurrences found in the training vocabulary (1 for an empty text). */
  coverage?: number;
}

const WORD_SEED = 0x811c9dc5;
const CHAR_SEED = 0x01000193;

/** FNV-1a with a murmur3 finish: the feature hash of Tandem's text models (also the themes engine). */
export function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix) so low bits are well mixed for the mask.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashed term counts. The lowest bit of a key tells the block (0 word, 1 char) so blocks can be
 * normalised separately without a second map.
 */
export function termCounts(text: string, config: FeatureConfig): Map<number, number> {
  const mask = (1 << (config.hashBits - 1)) - 1;
  const counts = new Map<number, number>();
  const add = (key: number) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const words = splitWords(normalizeText(text, config));
  for (let n = 1; n <= config.wordNgramMax; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const gram = n === 1 ? words[i]! : words.slice(i, i + n).join(' ');
      add((fnv1a(gram, WORD_SEED + n) & mask) << 1);
    }
  }
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 2; j <= i + config.skipWindow && j < words.length; j++) {
      add((fnv1a(`${words[i]} ${words[j]}`, WORD_SEED) & mask) << 1);
    }
  }
  if (config.charNgramMax > 0) {
    for (const word of words) {
      const padded = ` ${word} `;
      for (let n = config.charNgramMin; n <= config.charNgramMax; n++) {
        for (let i = 0; i + n <= padded.length; i++) {
          add(((fnv1a(padded.slice(i, i + n), CHAR_SEED) & mask) << 1) | 1);
        }
      }
    }
  }
  return counts;
}

/** A fitted vocabulary: the hashed features kept from training, their IDF, and the transform. */
export class Vectorizer {
  readonly config: FeatureConfig;
  /** Sorted hash keys; position = feature index. */
  readonly keys: Uint32Array;
  readonly idf: Float32Array;
  private readonly lookup: Map<number, number>;

  constructor(config: FeatureConfig, keys: Uint32Array, idf: Float32Array) {
    if (keys.length !== idf.length) throw new Error('vectorizer keys and idf differ in length');
    this.config = config;
    this.keys = keys;
    this.idf = idf;
    this.lookup = new Map();
    for (let i = 0; i < keys.length; i++) this.lookup.set(keys[i]!, i);
  }

  get size(): number {
    return this.keys.length;
  }

  static fit(texts: readonly string[], config: FeatureConfig, minDf = config.minDf): Vectorizer {
    const df = new Map<number, number>();
    for (const text of texts) {
      for (const key of termCounts(text, config).keys()) df.set(key, (df.get(key) ?? 0) + 1);
    }
    const kept: number[] = [];
    for (const [key, count] of df) if (count >= minDf) kept.push(key);
    const keys = Uint32Array.from(kept).sort();
    const idf = new Float32Array(keys.length);
    const n = texts.length;
    // Smoothed IDF, as in common TF-IDF practice: log((1+n)/(1+df)) + 1.
    for (let i = 0; i < keys.length; i++) idf[i] = Math.log((1 + n) / (1 + df.get(keys[i]!)!)) + 1;
    return new Vectorizer(config, keys, idf);
  }

  transform(text: string): SparseVector {
    const counts = termCounts(text, this.config);
    const index = new Int32Array(counts.size);
    const value = new Float32Array(counts.size);
    let nnz = 0;
    let wordNorm = 0;
    let charNorm = 0;
    let total = 0;
    let known = 0;
    for (const [key, count] of counts) {
      total += count;
      const i = this.lookup.get(key);
      if (i === undefined) continue;
      known += count;
      const tf = this.config.sublinearTf ? 1 + Math.log(count) : count;
      const v = tf * this.idf[i]!;
      index[nnz] = i;
      value[nnz] = v;
      nnz++;
      if (key & 1) charNorm += v * v;
      else wordNorm += v * v;
    }
    const wordScale = wordNorm > 0 ? this.config.wordWeight / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.config.charWeight / Math.sqrt(charNorm) : 0;
    for (let j = 0; j < nnz; j++) value[j]! *= this.keys[index[j]!]! & 1 ? charScale : wordScale;
    return {
      index: index.slice(0, nnz),
      value: value.slice(0, nnz),
      coverage: total === 0 ? 1 : known / total,
    };
  }
}
