import { tokenise } from './kb-tokenise.js';
import { type KbLocale, kbLocaleFor } from './list-articles.js';
import {
  analyseQuery,
  citationFor,
  KB_ANSWER_THRESHOLD,
  type KbCitation,
  type KbSearchHit,
  type KnowledgeBaseIndex,
  withCompoundParts,
} from './search-articles.js';

export type KbAnswer =
  | {
      kind: 'answer';
      text: string;
      citations: KbCitation[];
      /** The language of the quoted article (may differ from the customer's when it fell back). */
      locale: string;
    }
  | { kind: 'no_answer' };

/** The only words the answer adds to the article's own sentences. */
export const KB_ANSWER_LEAD_IN: Readonly<Record<KbLocale, string>> = {
  en: 'From our help centre:',
  sv: 'Från vårt hjälpcenter:',
  de: 'Aus unserem Hilfecenter:',
  fr: 'Extrait de notre centre d’aide :',
  es: 'De nuestro centro de ayuda:',
  it: 'Dal nostro centro assistenza:',
  nl: 'Uit ons helpcentrum:',
  vi: 'Từ trung tâm trợ giúp của chúng tôi:',
};

/** Sentences of a passage: each line (list item, table row) is split at sentence ends. */
export function splitSentences(passage: string): string[] {
  return passage
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[\p{Lu}0-9"(¿¡])/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** Question terms with how much each counts: idf-weighted with the index, plain otherwise. */
function weightedTerms(query: string, locale: KbLocale, index?: KnowledgeBaseIndex) {
  if (index && index.locale === locale) {
    return analyseQuery(index, query).map((q) => ({ terms: new Set(q.terms), weight: q.weight }));
  }
  return [...new Set(tokenise(query, locale))].map((t) => ({ terms: new Set([t]), weight: 1 }));
}

/**
 * A grounded answer: the 1–3 sentences of the best passage that match the question best, in
 * their original order and the article's language, after a fixed lead-in, with the article as
 * citation. Sentences are scored by the question words they contain, each weighted by its
 * rarity in the help centre (with `index`: synonyms, typo corrections and compound parts count
 * too), divided by the root of the sentence length, so "late fee" picks the sentence about late
 * fees rather than a long one that mentions "fee" in passing. Below `threshold` it declines, so
 * the caller offers a person.
 */
export function answerFromKnowledgeBase(
  query: string,
  hits: readonly KbSearchHit[],
  options: { threshold?: number; maxSentences?: number; index?: KnowledgeBaseIndex } = {},
): KbAnswer {
  const top = hits[0];
  if (!top || top.confidence < (options.threshold ?? KB_ANSWER_THRESHOLD)) return { kind: 'no_answer' };
  const locale = kbLocaleFor(top.locale);
  const queryTerms = weightedTerms(query, locale, options.index);
  const vocabulary = options.index?.locale === locale ? options.index.vocabulary : new Set<string>();
  const sentences = splitSentences(top.passage);
  const ranked = sentences
    .map((sentence, position) => {
      const terms = new Set(withCompoundParts(tokenise(sentence, locale, 'document'), vocabulary, locale));
      let matched = 0;
      for (const q of queryTerms) if ([...q.terms].some((t) => terms.has(t))) matched += q.weight;
      // Normalised by length so one long sentence does not win on size alone.
      return { position, score: matched / Math.sqrt(terms.size + 1) };
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
    locale: top.locale,
  };
}
