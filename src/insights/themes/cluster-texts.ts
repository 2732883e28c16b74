import { createRandom, sampleIndexes } from './random.js';
import { assignRows, denseRows, sphericalKMeans } from './spherical-kmeans.js';
import {
  DEFAULT_VECTORISER_OPTIONS,
  fitVectoriser,
  hashAll,
  type SparseRows,
  type VectoriserState,
  vectoriseAll,
} from './text-features.js';
import { labelCluster, topTermsPerCluster } from './theme-labels.js';
import { type FeedbackTokens, type ThemeLanguage, tokeniseFeedback } from './tokenise-feedback.js';
import { fitLsa, type LsaProjection, projectRows } from './truncated-svd.js';

export interface ClusterOptions {
  /** One language for all texts, or one per text; guessed (en/sv) where absent. */
  languages?: ThemeLanguage | readonly (ThemeLanguage | undefined)[];
  /** Fixed number of clusters; chosen automatically when absent. */
  k?: number;
  /** Clusters smaller than this are dissolved into their nearest neighbours (automatic k only). */
  minClusterSize?: number;
  seed?: number;
  /** LSA dimensions (0 = cluster the sparse TF-IDF rows directly). */
  components?: number;
  /** Automatic k: clusters whose centroids are at least this similar are merged. */
  mergeSimilarity?: number;
  /** Rows k-means is fitted on (a random sample); every row is then assigned. */
  sampleRows?: number;
}

export interface Cluster {
  id: number;
  label: string;
  size: number;
  /** Row indexes of the most central texts, most central first. */
  representatives: number[];
  /** Top distinctive terms (readable words), best first. */
  terms: string[];
}

export interface ClusterResult {
  /** Cluster id per row; -1 for a text with no content words. */
  assignments: number[];
  /** Largest first; id = index. */
  clusters: Cluster[];
  /** The fitted space and normalised centroids (clusters order), for incremental assignment. */
  space: { vectoriser: VectoriserState; lsa: LsaProjection };
  centroids: Float32Array;
  dims: number;
  timings: { featuresMs: number; reduceMs: number; clusterMs: number; labelMs: number };
}

/**
 * Automatic k: two groups whose summed vectors have cosine ≥ this merge. 0.4 in the 100-dim LSA
 * space; on banking77 0.4 gives 67 clusters (77 true), 0.5 gives 82, 0.6 gives 86-98.
 */
export const DEFAULT_MERGE_SIMILARITY = 0.4;

function languageOf(options: ClusterOptions, i: number): ThemeLanguage | undefined {
  const l = options.languages;
  return typeof l === 'string' ? l : l?.[i];
}

export interface TextSpace {
  tokens: FeedbackTokens[];
  sparse: SparseRows;
  vectoriser: VectoriserState;
  lsa: LsaProjection;
  dense: Float32Array;
}

/** Tokens, TF-IDF rows and their LSA projection for a corpus. */
export function buildTextSpace(texts: readonly string[], options: ClusterOptions = {}): TextSpace {
  const tokens = texts.map((t, i) => tokeniseFeedback(t, languageOf(options, i)));
  const hashed = hashAll(tokens, DEFAULT_VECTORISER_OPTIONS);
  const vectoriser = fitVectoriser(hashed);
  const sparse = vectoriseAll(hashed, vectoriser);
  const lsa = fitLsa(sparse, { components: options.components ?? 100, seed: options.seed ?? 1 });
  return { tokens, sparse, vectoriser, lsa, dense: projectRows(sparse, lsa) };
}

interface Group {
  sum: Float64Array;
  size: number;
  alive: boolean;
}

function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < a.length; j++) {
    dot += a[j]! * b[j]!;
    na += a[j]! * a[j]!;
    nb += b[j]! * b[j]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Agglomerative merging of over-clustered k-means centroids (average linkage on cosine of the
 * groups' summed vectors), recorded as a sequence of merges down to one group.
 */
function mergeSequence(groups: Group[]): [number, number, number][] {
  const k = groups.length;
  const sums = groups.map((g) => Float64Array.from(g.sum));
  const alive = groups.map(() => true);
  const sim = new Float64Array(k * k).fill(Number.NEGATIVE_INFINITY);
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) sim[a * k + b] = cosine(sums[a]!, sums[b]!);
  const steps: [number, number, number][] = [];
  for (let left = k; left > 1; left--) {
    let best = Number.NEGATIVE_INFINITY;
    let pa = -1;
    let pb = -1;
    for (let a = 0; a < k; a++) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < k; b++)
        if (alive[b] && sim[a * k + b]! > best) [best, pa, pb] = [sim[a * k + b]!, a, b];
    }
    if (pa < 0) break;
    for (let j = 0; j < sums[pa]!.length; j++) sums[pa]![j]! += sums[pb]![j]!;
    alive[pb] = false;
    for (let c = 0; c < k; c++) {
      if (c !== pa && alive[c]) sim[Math.min(pa, c) * k + Math.max(pa, c)] = cosine(sums[pa]!, sums[c]!);
    }
    steps.push([pa, pb, best]);
  }
  return steps;
}

function replay(k: number, steps: readonly [number, number, number][]): Int32Array {
  const parent = Int32Array.from({ length: k }, (_, i) => i);
  for (const [a, b] of steps) {
    for (let i = 0; i < k; i++) if (parent[i] === b) parent[i] = a;
  }
  return parent;
}

/** Merge map for `count` groups, then groups smaller than `minSize` join their most similar group. */
function mergeClusters(
  groups: Group[],
  steps: readonly [number, number, number][],
  count: number,
  minSize: number,
): Int32Array {
  const k = groups.length;
  const parent = replay(k, steps.slice(0, k - count));
  const sizes = new Map<number, number>();
  const sums = new Map<number, Float64Array>();
  for (let c = 0; c < k; c++) {
    const g = parent[c]!;
    sizes.set(g, (sizes.get(g) ?? 0) + groups[c]!.size);
    const sum = sums.get(g) ?? new Float64Array(groups[c]!.sum.length);
    for (let j = 0; j < sum.length; j++) sum[j]! += groups[c]!.sum[j]!;
    sums.set(g, sum);
  }
  for (;;) {
    let smallest = -1;
    for (const [g, size] of sizes)
      if (size < minSize && (smallest < 0 || size < sizes.get(smallest)!)) smallest = g;
    if (smallest < 0 || sizes.size <= 2) break;
    let target = -1;
    let best = Number.NEGATIVE_INFINITY;
    for (const g of sizes.keys()) {
      if (g === smallest) continue;
      const s = cosine(sums.get(g)!, sums.get(smallest)!);
      if (s > best) [best, target] = [s, g];
    }
    const into = sums.get(target)!;
    const from = sums.get(smallest)!;
    for (let j = 0; j < into.length; j++) into[j]! += from[j]!;
    sizes.set(target, sizes.get(target)! + sizes.get(smallest)!);
    sizes.delete(smallest);
    sums.delete(smallest);
    for (let c = 0; c < k; c++) if (parent[c] === smallest) parent[c] = target;
  }
  return parent;
}

/** Groups short texts into themes; see README.md for the method. */
export function clusterTexts(texts: readonly string[], options: ClusterOptions = {}): ClusterResult {
  const seed = options.seed ?? 1;
  const t0 = performance.now();
  const space = buildTextSpace(texts, options);
  const t1 = performance.now();
  const { tokens, sparse, lsa, dense } = space;
  const dims = lsa.k;
  const source = denseRows(dense, texts.length, dims);
  const nonEmpty: number[] = [];
  for (let i = 0; i < texts.length; i++) if (sparse.indptr[i + 1]! > sparse.indptr[i]!) nonEmpty.push(i);
  const assignments = new Array<number>(texts.length).fill(-1);
  const t2 = performance.now();
  let centroids = new Float32Array(0);
  let k = 0;
  if (nonEmpty.length > 0) {
    const m = nonEmpty.length;
    const auto = options.k === undefined;
    const k0 = auto ? Math.max(2, Math.min(200, Math.round(2 * Math.sqrt(m)))) : options.k!;
    const random = createRandom(seed);
    const sample = sampleIndexes(m, options.sampleRows ?? 10_000, random);
    const fitRows = Int32Array.from(sample, (i) => nonEmpty[i]!);
    const fitted = sphericalKMeans(source, Math.min(k0, m), { seed, fitRows });
    const rows = Int32Array.from(nonEmpty);
    const first = assignRows(source, fitted.centroids, fitted.k, rows).assignments;
    let map: Int32Array = Int32Array.from({ length: fitted.k }, (_, i) => i);
    if (auto) {
      const groups: Group[] = Array.from({ length: fitted.k }, () => ({
        sum: new Float64Array(dims),
        size: 0,
        alive: true,
      }));
      for (let i = 0; i < rows.length; i++) {
        source.addTo(rows[i]!, groups[first[i]!]!.sum, 0);
        groups[first[i]!]!.size++;
      }
      const minSize = options.minClusterSize ?? Math.max(3, Math.ceil(m * 0.002));
      const steps = mergeSequence(groups);
      // Merge while the two closest groups are at least this similar (the path is monotone enough).
      const threshold = options.mergeSimilarity ?? DEFAULT_MERGE_SIMILARITY;
      let merges = 0;
      while (merges < steps.length && steps[merges]![2] >= threshold) merges++;
      const count = fitted.k - merges;
      map = mergeClusters(groups, steps, count, minSize);
    }
    // Final clusters ordered by size, largest first.
    const sizes = new Map<number, number>();
    for (let i = 0; i < rows.length; i++) {
      const g = map[first[i]!]!;
      sizes.set(g, (sizes.get(g) ?? 0) + 1);
    }
    const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([g]) => g);
    const finalId = new Map(order.map((g, i) => [g, i]));
    k = order.length;
    const sums = new Float64Array(k * dims);
    for (let i = 0; i < rows.length; i++) {
      const c = finalId.get(map[first[i]!]!)!;
      assignments[rows[i]!] = c;
      source.addTo(rows[i]!, sums, c);
    }
    centroids = new Float32Array(k * dims);
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < dims; j++) norm += sums[c * dims + j]! ** 2;
      const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let j = 0; j < dims; j++) centroids[c * dims + j] = sums[c * dims + j]! * s;
    }
  }
  const t3 = performance.now();
  // Representatives: the rows most similar to their cluster's centroid; English ones kept apart
  // for the label (staff read the dashboard in English; the theme itself may be mostly Swedish).
  const reps = Array.from({ length: k }, () => [] as { row: number; sim: number }[]);
  const repsEn = Array.from({ length: k }, () => [] as { row: number; sim: number }[]);
  const keep = (list: { row: number; sim: number }[], row: number, sim: number) => {
    if (list.length < 5 || sim > list[list.length - 1]!.sim) {
      list.push({ row, sim });
      list.sort((a, b) => b.sim - a.sim);
      if (list.length > 5) list.pop();
    }
  };
  for (let i = 0; i < texts.length; i++) {
    const c = assignments[i]!;
    if (c < 0) continue;
    const sim = source.dot(i, centroids, c);
    keep(reps[c]!, i, sim);
    if (tokens[i]!.language === 'en') keep(repsEn[c]!, i, sim);
  }
  const terms = topTermsPerCluster(tokens, assignments, k);
  const sizes = new Int32Array(k);
  for (const c of assignments) if (c >= 0) sizes[c]!++;
  const clusters: Cluster[] = reps.map((list, c) => {
    const representatives = list.map((r) => r.row);
    return {
      id: c,
      label: labelCluster(
        terms[c]!,
        [...repsEn[c]!, ...list].map((r) => texts[r.row]!),
      ),
      size: sizes[c]!,
      representatives,
      terms: terms[c]!.terms,
    };
  });
  const t4 = performance.now();
  return {
    assignments,
    clusters,
    space: { vectoriser: space.vectoriser, lsa },
    centroids,
    dims,
    timings: { featuresMs: t1 - t0, reduceMs: 0, clusterMs: t3 - t2, labelMs: t4 - t3 },
  };
}
