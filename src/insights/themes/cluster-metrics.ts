/**
 * External clustering metrics against known labels. NMI uses the arithmetic-mean normalisation
 * (scikit-learn's default): MI / ((H(truth) + H(predicted)) / 2). ARI is Hubert & Arabie's
 * adjusted Rand index. Both are 1 for identical partitions regardless of the cluster names.
 */

function codes(values: readonly (string | number)[]): { codes: Int32Array; count: number } {
  const ids = new Map<string | number, number>();
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let id = ids.get(values[i]!);
    if (id === undefined) {
      id = ids.size;
      ids.set(values[i]!, id);
    }
    out[i] = id;
  }
  return { codes: out, count: ids.size };
}

function contingency(truth: readonly (string | number)[], predicted: readonly (string | number)[]) {
  if (truth.length !== predicted.length) throw new Error('truth and predicted differ in length');
  const t = codes(truth);
  const p = codes(predicted);
  const table = new Map<number, number>();
  const rows = new Float64Array(t.count);
  const cols = new Float64Array(p.count);
  for (let i = 0; i < truth.length; i++) {
    const key = t.codes[i]! * p.count + p.codes[i]!;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows[t.codes[i]!]!++;
    cols[p.codes[i]!]!++;
  }
  return { table, rows, cols, n: truth.length, pCount: p.count };
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

export function normalizedMutualInformation(
  truth: readonly (string | number)[],
  predicted: readonly (string | number)[],
): number {
  const { table, rows, cols, n, pCount } = contingency(truth, predicted);
  if (n === 0) return 1;
  const hu = entropy(rows.values(), n);
  const hv = entropy(cols.values(), n);
  if (hu === 0 && hv === 0) return 1;
  let mi = 0;
  for (const [key, nij] of table) {
    const a = rows[Math.floor(key / pCount)]!;
    const b = cols[key % pCount]!;
    mi += (nij / n) * Math.log((n * nij) / (a * b));
  }
  const denominator = (hu + hv) / 2;
  return denominator === 0 ? 0 : Math.max(0, mi / denominator);
}

const pairs = (x: number) => (x * (x - 1)) / 2;

export function adjustedRandIndex(
  truth: readonly (string | number)[],
  predicted: readonly (string | number)[],
): number {
  const { table, rows, cols, n } = contingency(truth, predicted);
  let index = 0;
  for (const nij of table.values()) index += pairs(nij);
  let a = 0;
  for (const c of rows.values()) a += pairs(c);
  let b = 0;
  for (const c of cols.values()) b += pairs(c);
  const expected = (a * b) / pairs(n);
  const max = (a + b) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
