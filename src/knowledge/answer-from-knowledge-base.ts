import { tokenise } from './kb-tokenise.js';
import { type KbLocale, kbLocaleFor } from './list-articles.js';
import { citationFor, KB_ANSWER_THRESHOLD, type KbCitation, type KbSearchHit } from './search-articles.js';

export type KbAnswer = { kind: 'answer'; text: string; citations: KbCitation[] } | { kind: 'no_answer' };

/** The only words the answer adds to the article's own sentences. */
export const KB_ANSWER_LEAD_IN: Readonly<Record<KbLocale, string>> = {
  en: 'From our help centre:',
  sv: 'Från vårt hjälpcenter:',
};

/** Sentences of a passage: each line (list item, table row) is split at sentence ends. */
export function splitSentences(passage: string): string[] {
  return passage
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9"(])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * A grounded answer: the 1–3 sentences of the best passage that share most words with the
 * question, in their original order and the article's language, after a fixed lead-in, with
 * the article as citation. Below `threshold` it declines, so the caller offers a person.
 */
export function answerFromKnowledgeBase(
  query: string,
  hits: readonly KbSearchHit[],
  options: { threshold?: number; maxSentences?: number } = {},
): KbAnswer {
  const top = hits[0];
  if (!top || top.confidence < (options.threshold ?? KB_ANSWER_THRESHOLD)) return { kind: 'no_answer' };
  const locale = kbLocaleFor(top.locale);
  const queryTerms = new Set(tokenise(query, locale));
  const sentences = splitSentences(top.passage);
  const ranked = sentences
    .map((sentence, position) => {
      const terms = new Set(tokenise(sentence, locale));
      let overlap = 0;
      for (const term of terms) if (queryTerms.has(term)) overlap++;
      // Normalised by length so one long sentence does not win on size alone.
      return { position, score: overlap / Math.sqrt(terms.size + 1) };
    })
    .sort((a, b) => b.score - a.score || a.position - b.position);
  const max = Math.max(1, Math.min(options.maxSentences ?? 3, 3));
  const best = ranked[0]?.score ?? 0;
  const chosen = ranked
    .filter((s, i) => i === 0 || (s.score > 0 && s.score >= best / 2))
    .slice(0, max)
    .sort((a, b) => a.position - b.position)
    .map((s) => sentences[s.position]!);
  if (chosen.length === 0) return { kind: 'no_answer' };
  return {
    kind: 'answer',
    text: `${KB_ANSWER_LEAD_IN[locale]} ${chosen.join(' ')}`,
    citations: [citationFor(top)],
  };
}
