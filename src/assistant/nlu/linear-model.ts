import type { SparseVector } from './features.js';

/** One weight row per feature (numClasses floats each) so a prediction reads contiguous memory. */
export interface LinearWeights {
  numFeatures: number;
  numClasses: number;
  /** weights[f * numClasses + k] */
  weights: Float32Array;
  bias: Float32Array;
}

export interface SvmOptions {
  /** Inverse regularisation strength (liblinear's C). */
  c: number;
  maxEpochs: number;
  /** Stop when the projected-gradient spread falls under this (liblinear uses 0.1). */
  tolerance: number;
  seed: number;
}

/** Small deterministic PRNG so a seed reproduces a model exactly. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BIAS_FEATURE = 1;

/**
 * One-vs-rest L2-regularised squared-hinge SVM trained by dual coordinate descent
 * (Hsieh et al. 2008, liblinear's default solver): no learning rate to tune, converges in a few epochs
 * on sparse text features. The bias is an extra constant feature, as in liblinear.
 */
export function trainOneVsRestSvm(
  xs: readonly SparseVector[],
  y: Int32Array,
  numClasses: number,
  numFeatures: number,
  options: SvmOptions,
): LinearWeights {
  const n = xs.length;
  const diag = 1 / (2 * options.c);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = xs[i]!.value;
    let s = BIAS_FEATURE * BIAS_FEATURE;
    for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
    qii[i] = s + diag;
  }
  const weights = new Float32Array(numFeatures * numClasses);
  const bias = new Float32Array(numClasses);
  const w = new Float64Array(numFeatures);
  const alpha = new Float64Array(n);
  const order = new Int32Array(n);
  const random = mulberry32(options.seed);

  for (let k = 0; k < numClasses; k++) {
    w.fill(0);
    alpha.fill(0);
    let b = 0;
    for (let i = 0; i < n; i++) order[i] = i;
    for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      let maxPg = Number.NEGATIVE_INFINITY;
      let minPg = Number.POSITIVE_INFINITY;
      for (let s = 0; s < n; s++) {
        const i = order[s]!;
        const x = xs[i]!;
        const yi = y[i] === k ? 1 : -1;
        const idx = x.index;
        const val = x.value;
        let dot = b * BIAS_FEATURE;
        for (let j = 0; j < idx.length; j++) dot += w[idx[j]!]! * val[j]!;
        const a = alpha[i]!;
        const g = yi * dot - 1 + diag * a;
        const pg = a === 0 ? Math.min(g, 0) : g;
        if (pg > maxPg) maxPg = pg;
        if (pg < minPg) minPg = pg;
        if (Math.abs(pg) < 1e-12) continue;
        const next = Math.max(a - g / qii[i]!, 0);
        const delta = (next - a) * yi;
        if (delta === 0) continue;
        alpha[i] = next;
        for (let j = 0; j < idx.length; j++) w[idx[j]!]! += delta * val[j]!;
        b += delta * BIAS_FEATURE;
      }
      if (maxPg - minPg < options.tolerance) break;
    }
    for (let f = 0; f < numFeatures; f++) weights[f * numClasses + k] = w[f]!;
    bias[k] = b * BIAS_FEATURE;
  }
  return { numFeatures, numClasses, weights, bias };
}

export function linearScores(model: LinearWeights, x: SparseVector): Float32Array {
  const k = model.numClasses;
  const out = Float32Array.from(model.bias);
  const { index, value } = x;
  const w = model.weights;
  for (let j = 0; j < index.length; j++) {
    const base = index[j]! * k;
    const v = value[j]!;
    for (let c = 0; c < k; c++) out[c]! += w[base + c]! * v;
  }
  return out;
}

export function softmax(scores: Float32Array, temperature: number): Float32Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > max) max = s;
  const out = new Float32Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp((scores[i]! - max) * temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}
