import { createRandom, gaussian, sampleIndexes } from './random.js';
import type { SparseRows } from './text-features.js';

/**
 * Randomized truncated SVD (Halko, Martinsson & Tropp 2011) of sparse TF-IDF rows: latent semantic
 * analysis. Words that occur in the same contexts ("declined", "rejected") end up near each other,
 * and the dense low-dimensional rows make k-means both faster and better. Dense matrices are
 * row-major Float64Arrays.
 */

export interface SvdOptions {
  components: number;
  oversample: number;
  powerIterations: number;
  /** Fit on at most this many rows (a random sample); projecting all rows is cheap. */
  sampleRows: number;
  seed: number;
}

export const DEFAULT_SVD_OPTIONS: SvdOptions = {
  components: 100,
  oversample: 12,
  powerIterations: 2,
  sampleRows: 10_000,
  seed: 1,
};

/** Right singular vectors scaled for projection: cols × k, row-major. x·projection = U·Σ for x. */
export interface LsaProjection {
  cols: number;
  k: number;
  projection: Float32Array;
}

function sparseTimesDense(x: SparseRows, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.rows * l);
  for (let r = 0; r < x.rows; r++) {
    const o = r * l;
    for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++) {
      const v = x.values[p]!;
      const base = x.indices[p]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * m[base + j]!;
    }
  }
  return out;
}

function sparseTransposeTimesDense(x: SparseRows, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.cols * l);
  for (let r = 0; r < x.rows; r++) {
    const o = r * l;
    for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++) {
      const v = x.values[p]!;
      const base = x.indices[p]! * l;
      for (let j = 0; j < l; j++) out[base + j]! += v * m[o + j]!;
    }
  }
  return out;
}

/** AᵀA for a rows × l matrix. */
function gram(a: Float64Array, rows: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let r = 0; r < rows; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const ai = a[o + i]!;
      if (ai === 0) continue;
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j]! += ai * a[o + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i]!;
  return g;
}

/** Cyclic Jacobi eigen-decomposition of a symmetric l × l matrix, eigenvalues descending. */
export function symmetricEigen(s: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < l; i++) {
      diag += a[i * l + i]! ** 2;
      for (let j = i + 1; j < l; j++) off += a[i * l + j]! ** 2;
    }
    if (off <= 1e-18 * diag || off === 0) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - sn * akq;
          a[k * l + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - sn * aqk;
          a[q * l + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - sn * vkq;
          v[k * l + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => a[y * l + y]! - a[x * l + x]!);
  const values = Float64Array.from(order, (i) => a[i * l + i]!);
  const vectors = new Float64Array(l * l);
  for (let j = 0; j < l; j++) for (let k = 0; k < l; k++) vectors[k * l + j] = v[k * l + order[j]!]!;
  return { values, vectors };
}

/** A · W[:, :r] · diag(scale) for a rows × l matrix A and l × l matrix W. */
function timesColumns(
  a: Float64Array,
  rows: number,
  l: number,
  w: Float64Array,
  r: number,
  scale: Float64Array,
) {
  const out = new Float64Array(rows * r);
  for (let row = 0; row < rows; row++) {
    const o = row * l;
    const oo = row * r;
    for (let i = 0; i < l; i++) {
      const ai = a[o + i]!;
      if (ai === 0) continue;
      const wi = i * l;
      for (let j = 0; j < r; j++) out[oo + j]! += ai * w[wi + j]!;
    }
    for (let j = 0; j < r; j++) out[oo + j]! *= scale[j]!;
  }
  return out;
}

/** One Cholesky-QR pass: G = AᵀA = RᵀR, Q = A R⁻¹; null directions (tiny pivots) are dropped. */
function choleskyQr(a: Float64Array, rows: number, l: number): { q: Float64Array; r: number } {
  const g = gram(a, rows, l);
  let maxDiag = 0;
  for (let i = 0; i < l; i++) maxDiag = Math.max(maxDiag, g[i * l + i]!);
  // Upper-triangular R, row-major; a dropped column keeps an all-zero row and column.
  const r = new Float64Array(l * l);
  const keep: number[] = [];
  for (let j = 0; j < l; j++) {
    let d = g[j * l + j]!;
    for (const k of keep) d -= r[k * l + j]! ** 2;
    if (d <= maxDiag * 1e-13) continue;
    const rjj = Math.sqrt(d);
    r[j * l + j] = rjj;
    for (let c = j + 1; c < l; c++) {
      let v = g[j * l + c]!;
      for (const k of keep) v -= r[k * l + j]! * r[k * l + c]!;
      r[j * l + c] = v / rjj;
    }
    keep.push(j);
  }
  const width = keep.length;
  const q = new Float64Array(rows * width);
  const x = new Float64Array(l);
  for (let row = 0; row < rows; row++) {
    // Solve qᵀ R = aᵀ for the kept columns (forward substitution).
    const o = row * l;
    for (let t = 0; t < width; t++) {
      const j = keep[t]!;
      let v = a[o + j]!;
      for (let u = 0; u < t; u++) v -= x[keep[u]!]! * r[keep[u]! * l + j]!;
      x[j] = v / r[j * l + j]!;
      q[row * width + t] = x[j]!;
    }
  }
  return { q, r: width };
}

/** Orthonormal basis of A's column space: Cholesky-QR twice (CholeskyQR2) for accuracy. */
function orthonormalise(a: Float64Array, rows: number, l: number): { q: Float64Array; r: number } {
  const first = choleskyQr(a, rows, l);
  return choleskyQr(first.q, rows, first.r);
}

function sampleRows(x: SparseRows, rows: Int32Array): SparseRows {
  const indptr = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    indptr[i + 1] = indptr[i]! + x.indptr[r + 1]! - x.indptr[r]!;
  }
  const indices = new Int32Array(indptr[rows.length]!);
  const values = new Float32Array(indptr[rows.length]!);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    indices.set(x.indices.subarray(x.indptr[r]!, x.indptr[r + 1]!), indptr[i]!);
    values.set(x.values.subarray(x.indptr[r]!, x.indptr[r + 1]!), indptr[i]!);
  }
  return { rows: rows.length, cols: x.cols, indptr, indices, values };
}

export function fitLsa(x: SparseRows, options: Partial<SvdOptions> = {}): LsaProjection {
  const o = { ...DEFAULT_SVD_OPTIONS, ...options };
  const random = createRandom(o.seed);
  const fit = x.rows > o.sampleRows ? sampleRows(x, sampleIndexes(x.rows, o.sampleRows, random)) : x;
  const k0 = Math.max(1, Math.min(o.components, fit.rows - 1, fit.cols - 1));
  let l = Math.min(k0 + o.oversample, fit.rows, fit.cols);
  const omega = new Float64Array(fit.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(random);
  let { q, r } = orthonormalise(sparseTimesDense(fit, omega, l), fit.rows, l);
  l = r;
  for (let it = 0; it < o.powerIterations; it++) {
    // Y = X XᵀQ; re-orthonormalising only the (smaller) row side is enough for two iterations.
    const y = orthonormalise(sparseTimesDense(fit, sparseTransposeTimesDense(fit, q, l), l), fit.rows, l);
    q = y.q;
    l = y.r;
  }
  // Z = XᵀQ = Bᵀ; ZᵀZ = B Bᵀ = W Λ Wᵀ; right singular vectors V = Z W Λ^{-1/2}.
  const z = sparseTransposeTimesDense(fit, q, l);
  const { values, vectors } = symmetricEigen(gram(z, fit.cols, l), l);
  let k = 0;
  while (k < Math.min(k0, l) && values[k]! > values[0]! * 1e-10) k++;
  const scale = Float64Array.from({ length: k }, (_, j) => 1 / Math.sqrt(values[j]!));
  const v = timesColumns(z, fit.cols, l, vectors, k, scale);
  return { cols: x.cols, k, projection: Float32Array.from(v) };
}

/** Projects sparse rows into the LSA space, each row L2-normalised: n × k, row-major. */
export function projectRows(x: SparseRows, lsa: LsaProjection): Float32Array {
  const k = lsa.k;
  const out = new Float32Array(x.rows * k);
  const acc = new Float64Array(k);
  for (let r = 0; r < x.rows; r++) {
    acc.fill(0);
    for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++) {
      const v = x.values[p]!;
      const base = x.indices[p]! * k;
      for (let j = 0; j < k; j++) acc[j]! += v * lsa.projection[base + j]!;
    }
    let norm = 0;
    for (let j = 0; j < k; j++) norm += acc[j]! * acc[j]!;
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < k; j++) out[r * k + j] = acc[j]! * s;
  }
  return out;
}

/** One sparse vector into the LSA space, L2-normalised. */
export function projectVector(
  v: { index: Int32Array; value: Float32Array },
  lsa: LsaProjection,
): Float32Array {
  const x: SparseRows = {
    rows: 1,
    cols: lsa.cols,
    indptr: Int32Array.of(0, v.index.length),
    indices: v.index,
    values: v.value,
  };
  return projectRows(x, lsa);
}
