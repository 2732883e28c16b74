/**
 * Okapi BM25 over pre-tokenised documents. Each document is a list of fields, each with a
 * weight (title and tags count more than body text): a field's weight multiplies both its term
 * counts and its contribution to the document length, a simplified BM25F.
 */

export interface Bm25Field {
  tokens: readonly string[];
  weight: number;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Index {
  readonly documents: readonly ReadonlyMap<string, number>[];
  readonly lengths: readonly number[];
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly averageLength: number;
  readonly k1: number;
  readonly b: number;
}

export function buildBm25(
  documents: readonly (readonly Bm25Field[])[],
  options: Bm25Options = {},
): Bm25Index {
  const termCounts: Map<string, number>[] = [];
  const lengths: number[] = [];
  const documentFrequency = new Map<string, number>();
  for (const fields of documents) {
    const counts = new Map<string, number>();
    let length = 0;
    for (const field of fields) {
      for (const token of field.tokens) counts.set(token, (counts.get(token) ?? 0) + field.weight);
      length += field.tokens.length * field.weight;
    }
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    termCounts.push(counts);
    lengths.push(length);
  }
  const total = lengths.reduce((sum, n) => sum + n, 0);
  return {
    documents: termCounts,
    lengths,
    documentFrequency,
    averageLength: documents.length === 0 ? 0 : total / documents.length,
    k1: options.k1 ?? 1.2,
    b: options.b ?? 0.75,
  };
}

/** BM25 idf, always positive; a term no document contains gets the highest idf there is. */
export function bm25Idf(index: Bm25Index, term: string): number {
  const n = index.documents.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function bm25Score(index: Bm25Index, document: number, queryTerms: readonly string[]): number {
  const counts = index.documents[document];
  if (!counts) return 0;
  const length = index.lengths[document] ?? 0;
  const norm = index.k1 * (1 - index.b + (index.b * length) / (index.averageLength || 1));
  let score = 0;
  for (const term of queryTerms) {
    const tf = counts.get(term);
    if (!tf) continue;
    score += (bm25Idf(index, term) * (tf * (index.k1 + 1))) / (tf + norm);
  }
  return score;
}
