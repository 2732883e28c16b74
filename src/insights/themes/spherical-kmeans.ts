import { createRandom } from './random.js';
import type { SparseRows } from './text-features.js';

/**
 * Spherical k-means (cosine similarity on L2-normalised rows) with k-means++ seeding, over dense
 * rows (LSA space) or sparse rows (the plain TF-IDF baseline). Centroids are dense and normalised.
 */
export interface RowSource {
  rows: number;
  dims: number;
  /** Dot product of row r with centroid c of a k × dims matrix. */
  dot(r: number, centroids: Float32Array, c: number): number;
  /** sums[c] += row r. */
  addTo(r: number, sums: Float64Array, c: number): void;
}

export function denseRows(data: Float32Array, rows: number, dims: number): RowSource {
  return {
    rows,
    dims,
    dot(r, centroids, c) {
      let s = 0;
      const a = r * dims;
      const b = c * dims;
      for (let j = 0; j < dims; j++) s += data[a + j]! * centroids[b + j]!;
      return s;
    },
    addTo(r, sums, c) {
      const a = r * dims;
      const b = c * dims;
      for (let j = 0; j < dims; j++) sums[b + j]! += data[a + j]!;
    },
  };
}

export function sparseRows(x: SparseRows): RowSource {
  return {
    rows: x.rows,
    dims: x.cols,
    dot(r, centroids, c) {
      let s = 0;
      const b = c * x.cols;
      for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++) s += x.values[p]! * centroids[b + x.indices[p]!]!;
      return s;
    },
    addTo(r, sums, c) {
      const b = c * x.cols;
      for (let p = x.indptr[r]!; p < x.indptr[r + 1]!; p++) sums[b + x.indices[p]!]! += x.values[p]!;
    },
  };
}

export interface KMeansOptions {
  seed: number;
  maxIterations: number;
  /** Stop when fewer than this share of rows change cluster in an iteration. */
  tolerance: number;
  /** Rows (indexes into the source) to fit on; all rows when absent. */
  fitRows?: Int32Array;
  /** Independent k-means++ runs; the tightest wins. */
  restarts: number;
}

export interface KMeansResult {
  k: number;
  centroids: Float32Array;
  iterations: number;
  /** Sum over fitted rows of the similarity to their centroid. */
  objective: number;
}

function normaliseCentroids(sums: Float64Array, k: number, dims: number): Float32Array {
  const out = new Float32Array(k * dims);
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let j = 0; j < dims; j++) norm += sums[c * dims + j]! ** 2;
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < dims; j++) out[c * dims + j] = sums[c * dims + j]! * s;
  }
  return out;
}

/** k-means++ seeding on cosine distance (1 − similarity). */
function seedCentroids(source: RowSource, rows: Int32Array, k: number, random: () => number): Float32Array {
  const dims = source.dims;
  const sums = new Float64Array(k * dims);
  const first = rows[Math.floor(random() * rows.length)]!;
  source.addTo(first, sums, 0);
  let centroids = normaliseCentroids(sums, k, dims);
  const dist = new Float64Array(rows.length).fill(Number.POSITIVE_INFINITY);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < rows.length; i++) {
      const d = Math.max(0, 1 - source.dot(rows[i]!, centroids, c - 1));
      if (d < dist[i]!) dist[i] = d;
      total += dist[i]! * dist[i]!;
    }
    let pick = rows[Math.floor(random() * rows.length)]!;
    if (total > 0) {
      let target = random() * total;
      for (let i = 0; i < rows.length; i++) {
        target -= dist[i]! * dist[i]!;
        if (target <= 0) {
          pick = rows[i]!;
          break;
        }
      }
    }
    source.addTo(pick, sums, c);
    centroids = normaliseCentroids(sums, k, dims);
  }
  return centroids;
}

/** Nearest centroid of every row (by cosine), and its similarity. */
export function assignRows(
  source: RowSource,
  centroids: Float32Array,
  k: number,
  rows?: Int32Array,
): { assignments: Int32Array; similarity: Float32Array } {
  const n = rows ? rows.length : source.rows;
  const assignments = new Int32Array(n);
  const similarity = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i]! : i;
    let best = 0;
    let bestSim = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const s = source.dot(r, centroids, c);
      if (s > bestSim) {
        bestSim = s;
        best = c;
      }
    }
    assignments[i] = best;
    similarity[i] = bestSim;
  }
  return { assignments, similarity };
}

/** Best of `restarts` runs (highest total similarity of rows to their centroids). */
export function sphericalKMeans(
  source: RowSource,
  k: number,
  options: Partial<KMeansOptions> = {},
): KMeansResult {
  let best: KMeansResult | undefined;
  for (let r = 0; r < (options.restarts ?? 1); r++) {
    const run = kMeansOnce(source, k, { ...options, seed: (options.seed ?? 1) + r * 7919 });
    if (!best || run.objective > best.objective) best = run;
  }
  return best!;
}

function kMeansOnce(source: RowSource, k: number, options: Partial<KMeansOptions>): KMeansResult {
  const o = { seed: 1, maxIterations: 30, tolerance: 0.002, ...options };
  const random = createRandom(o.seed);
  const rows = o.fitRows ?? Int32Array.from({ length: source.rows }, (_, i) => i);
  const kk = Math.max(1, Math.min(k, rows.length));
  let centroids = seedCentroids(source, rows, kk, random);
  let previous: Int32Array = new Int32Array(rows.length).fill(-1);
  let iterations = 0;
  let objective = 0;
  for (; iterations < o.maxIterations; iterations++) {
    const { assignments, similarity } = assignRows(source, centroids, kk, rows);
    objective = 0;
    for (let i = 0; i < similarity.length; i++) objective += similarity[i]!;
    let changed = 0;
    for (let i = 0; i < rows.length; i++) if (assignments[i] !== previous[i]) changed++;
    previous = assignments;
    const sums = new Float64Array(kk * source.dims);
    const sizes = new Int32Array(kk);
    for (let i = 0; i < rows.length; i++) {
      source.addTo(rows[i]!, sums, assignments[i]!);
      sizes[assignments[i]!]!++;
    }
    // An empty cluster takes the row that fits its own cluster worst.
    for (let c = 0; c < kk; c++) {
      if (sizes[c]! > 0) continue;
      let worst = 0;
      for (let i = 1; i < rows.length; i++) if (similarity[i]! < similarity[worst]!) worst = i;
      similarity[worst] = Number.POSITIVE_INFINITY;
      source.addTo(rows[worst]!, sums, c);
    }
    centroids = normaliseCentroids(sums, kk, source.dims);
    if (changed <= o.tolerance * rows.length) break;
  }
  return { k: kk, centroids, iterations, objective };
}
