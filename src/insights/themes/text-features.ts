import { fnv1a } from '../../assistant/nlu/features.js';
import type { FeedbackTokens } from './tokenise-feedback.js';

/** Rows of L2-normalised sparse vectors (CSR). */
export interface SparseRows {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

export interface VectoriserOptions {
  /** Hash space 2^hashBits before the vocabulary is pruned to features seen in ≥ minDf texts. */
  hashBits: number;
  charNgramMin: number;
  charNgramMax: number;
  /** Each block (word uni+bigrams, char n-grams) is L2-normalised, weighted, then the whole row. */
  wordWeight: number;
  charWeight: number;
  minDf: number;
}

export const DEFAULT_VECTORISER_OPTIONS: VectoriserOptions = {
  hashBits: 20,
  charNgramMin: 3,
  charNgramMax: 5,
  wordWeight: 1,
  charWeight: 0.6,
  minDf: 2,
};

/** Serialisable vectoriser: hashed feature → column, and its inverse document frequency. */
export interface VectoriserState {
  options: VectoriserOptions;
  /** Sorted hashed keys; column i is keys[i]. */
  keys: Int32Array;
  idf: Float32Array;
}

/** Hashed counts; the lowest bit of a key is the block (0 word, 1 char). */
export function hashedCounts(tokens: FeedbackTokens, options: VectoriserOptions): Map<number, number> {
  const mask = (1 << (options.hashBits - 1)) - 1;
  const counts = new Map<number, number>();
  const add = (key: number) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const stems = tokens.stems;
  for (let i = 0; i < stems.length; i++) {
    add((fnv1a(stems[i]!, 0x811c9dc5) & mask) << 1);
    if (i + 1 < stems.length) add((fnv1a(`${stems[i]} ${stems[i + 1]}`, 0x811c9dc6) & mask) << 1);
    if (options.charNgramMax > 0) {
      const padded = ` ${stems[i]} `;
      for (let n = options.charNgramMin; n <= options.charNgramMax; n++) {
        for (let j = 0; j + n <= padded.length; j++)
          add(((fnv1a(padded.slice(j, j + n), 0x01000193) & mask) << 1) | 1);
      }
    }
  }
  return counts;
}

// Key → column lookups, built once per vectoriser state (states are immutable once fitted).
const COLUMNS = new WeakMap<VectoriserState, Map<number, number>>();

function columnsOf(state: VectoriserState): Map<number, number> {
  let map = COLUMNS.get(state);
  if (!map) {
    map = new Map();
    for (let i = 0; i < state.keys.length; i++) map.set(state.keys[i]!, i);
    COLUMNS.set(state, map);
  }
  return map;
}

/** Hashed counts of many texts, packed (a Map per row would not fit 100,000 rows comfortably). */
export interface HashedRows {
  indptr: Int32Array;
  keys: Int32Array;
  counts: Float32Array;
}

export function hashAll(tokens: readonly FeedbackTokens[], options: VectoriserOptions): HashedRows {
  const maps = tokens.map((t) => hashedCounts(t, options));
  const indptr = new Int32Array(maps.length + 1);
  for (let i = 0; i < maps.length; i++) indptr[i + 1] = indptr[i]! + maps[i]!.size;
  const keys = new Int32Array(indptr[maps.length]!);
  const counts = new Float32Array(indptr[maps.length]!);
  for (let i = 0; i < maps.length; i++) {
    let j = indptr[i]!;
    for (const [k, c] of maps[i]!) {
      keys[j] = k;
      counts[j++] = c;
    }
    maps[i] = new Map();
  }
  return { indptr, keys, counts };
}

/** Learns the vocabulary and IDF from a corpus' hashed counts. */
export function fitVectoriser(
  hashed: HashedRows,
  options: VectoriserOptions = DEFAULT_VECTORISER_OPTIONS,
): VectoriserState {
  const df = new Map<number, number>();
  for (const key of hashed.keys) df.set(key, (df.get(key) ?? 0) + 1);
  const n = hashed.indptr.length - 1;
  const minDf = n < 20 ? 1 : options.minDf;
  const kept = [...df.entries()].filter(([, d]) => d >= minDf).sort((a, b) => a[0] - b[0]);
  return {
    options,
    keys: Int32Array.from(kept.map(([k]) => k)),
    idf: Float32Array.from(kept.map(([, d]) => Math.log((1 + n) / (1 + d)) + 1)),
  };
}

/** One text's TF-IDF row (sublinear tf, blocks normalised and weighted, row L2-normalised). */
export function vectoriseCounts(
  keys: ArrayLike<number>,
  counts: ArrayLike<number>,
  state: VectoriserState,
): { index: Int32Array; value: Float32Array } {
  const columns = columnsOf(state);
  const idx: number[] = [];
  const val: number[] = [];
  let wordNorm = 0;
  let charNorm = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const col = columns.get(key);
    if (col === undefined) continue;
    const v = (1 + Math.log(counts[i]!)) * state.idf[col]!;
    if (key & 1) charNorm += v * v;
    else wordNorm += v * v;
    idx.push(col);
    val.push(v);
  }
  const ws = wordNorm > 0 ? state.options.wordWeight / Math.sqrt(wordNorm) : 0;
  const cs = charNorm > 0 ? state.options.charWeight / Math.sqrt(charNorm) : 0;
  let total = 0;
  for (let i = 0; i < idx.length; i++) {
    val[i]! *= state.keys[idx[i]!]! & 1 ? cs : ws;
    total += val[i]! * val[i]!;
  }
  const scale = total > 0 ? 1 / Math.sqrt(total) : 0;
  return { index: Int32Array.from(idx), value: Float32Array.from(val, (v) => v * scale) };
}

/** One new text through a fitted vectoriser. */
export function vectoriseTokens(tokens: FeedbackTokens, state: VectoriserState) {
  const counts = hashedCounts(tokens, state.options);
  return vectoriseCounts([...counts.keys()], [...counts.values()], state);
}

/** TF-IDF rows of all hashed texts, in CSR. */
export function vectoriseAll(hashed: HashedRows, state: VectoriserState): SparseRows {
  const n = hashed.indptr.length - 1;
  const parts = [];
  for (let i = 0; i < n; i++) {
    const a = hashed.indptr[i]!;
    const b = hashed.indptr[i + 1]!;
    parts.push(vectoriseCounts(hashed.keys.subarray(a, b), hashed.counts.subarray(a, b), state));
  }
  const indptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) indptr[i + 1] = indptr[i]! + parts[i]!.index.length;
  const indices = new Int32Array(indptr[n]!);
  const values = new Float32Array(indptr[n]!);
  for (let i = 0; i < n; i++) {
    indices.set(parts[i]!.index, indptr[i]!);
    values.set(parts[i]!.value, indptr[i]!);
  }
  return { rows: n, cols: state.keys.length, indptr, indices, values };
}
