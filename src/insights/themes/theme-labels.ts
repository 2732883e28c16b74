import { type FeedbackTokens, tokeniseFeedback } from './tokenise-feedback.js';

/**
 * Readable cluster labels. Terms (stems and stem bigrams) are ranked per cluster by class-based
 * TF-IDF (c-TF-IDF, as in BERTopic): frequency in the cluster × log(1 + average cluster length /
 * frequency everywhere), so words every cluster uses ("card", "app") rank below the ones that set
 * this cluster apart. The label is then the shortest stretch of a central text that holds the top
 * two terms ("card declined at checkout"), or the top terms themselves when no short stretch does.
 */

export interface ClusterTerms {
  /** Readable words of the top terms, best first. */
  terms: string[];
  /** Stems of the same terms, for matching. */
  stems: string[];
}

export function topTermsPerCluster(
  tokens: readonly FeedbackTokens[],
  assignments: ArrayLike<number>,
  clusterCount: number,
  top = 5,
): ClusterTerms[] {
  const perCluster = Array.from({ length: clusterCount }, () => new Map<string, number>());
  const totals = new Float64Array(clusterCount);
  const global = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (let i = 0; i < tokens.length; i++) {
    const c = assignments[i]!;
    if (c < 0) continue;
    const { stems, surfaces: words } = tokens[i]!;
    const seen = new Set<string>();
    for (let j = 0; j < stems.length; j++) {
      const s = stems[j]!;
      let forms = surfaces.get(s);
      if (!forms) {
        forms = new Map();
        surfaces.set(s, forms);
      }
      forms.set(words[j]!, (forms.get(words[j]!) ?? 0) + 1);
      seen.add(s);
      if (j + 1 < stems.length && stems[j + 1] !== s) seen.add(`${s} ${stems[j + 1]}`);
    }
    // Presence per text, so one long rant does not name a theme.
    for (const term of seen) {
      perCluster[c]!.set(term, (perCluster[c]!.get(term) ?? 0) + 1);
      global.set(term, (global.get(term) ?? 0) + 1);
      totals[c]! += 1;
    }
  }
  const average = totals.reduce((a, b) => a + b, 0) / Math.max(1, clusterCount);
  const readable = (stem: string) =>
    stem
      .split(' ')
      .map((s) => {
        let best = s;
        let bestCount = 0;
        for (const [form, count] of surfaces.get(s) ?? [])
          if (count > bestCount) [best, bestCount] = [form, count];
        return best;
      })
      .join(' ');
  return perCluster.map((terms, c) => {
    const scored = [...terms.entries()]
      .filter(([, n]) => n >= 2 || totals[c]! < 20)
      .map(([term, n]) => ({
        term,
        score: (n / Math.max(1, totals[c]!)) * Math.log(1 + average / global.get(term)!),
      }))
      .sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
    const picked: string[] = [];
    for (const { term } of scored) {
      if (picked.length >= top) break;
      // Skip a unigram already inside a picked bigram and vice versa: more information per word.
      if (picked.some((p) => p.split(' ').includes(term) || term.split(' ').includes(p))) continue;
      picked.push(term);
    }
    return { stems: picked, terms: picked.map(readable) };
  });
}

const MAX_PHRASE_WORDS = 6;

/** The label phrase for one cluster from its top terms and its most central texts. */
export function labelCluster(terms: ClusterTerms, representativeTexts: readonly string[]): string {
  const wanted = [...new Set(terms.stems.flatMap((t) => t.split(' ')))].slice(0, 3);
  if (wanted.length === 0) return representativeTexts[0]?.slice(0, 40).trim() || '(no words)';
  // Texts in the caller's order of preference; in each, the top 3 terms, else the top 2.
  for (const text of representativeTexts) {
    const raw = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    const language = tokeniseFeedback(text).language;
    const stems = raw.map((w) => tokeniseFeedback(w, language).stems);
    for (const need of new Set([Math.min(3, wanted.length), Math.min(2, wanted.length)])) {
      const goal = wanted.slice(0, need);
      let best: string[] | undefined;
      for (let start = 0; start < raw.length; start++) {
        if (!stems[start]!.some((s) => goal.includes(s))) continue;
        const found = new Set<string>();
        for (let end = start; end < raw.length && end - start < MAX_PHRASE_WORDS; end++) {
          for (const s of stems[end]!) if (goal.includes(s)) found.add(s);
          if (found.size === goal.length) {
            if (!best || end - start + 1 < best.length) best = raw.slice(start, end + 1);
            break;
          }
        }
      }
      if (best) return best.join(' ').toLowerCase();
    }
  }
  return terms.terms.slice(0, 3).join(', ');
}
