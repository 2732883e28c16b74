import { tokenize } from './build-language-model.js';

/** Word-level edit distance between a reference and a hypothesis (substitutions + insertions + deletions). */
export function wordErrors(reference: string, hypothesis: string): { errors: number; words: number } {
  const ref = tokenize(reference);
  const hyp = tokenize(hypothesis);
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    for (let j = 1; j <= hyp.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return { errors: prev[hyp.length]!, words: ref.length };
}

export function wordErrorRate(reference: string, hypothesis: string): number {
  const { errors, words } = wordErrors(reference, hypothesis);
  return words ? errors / words : hypothesis.trim() ? 1 : 0;
}
