import type { Language } from '../../assistant/language/detect-language.js';
import { type Bm25Index, bm25Idf, bm25Score, buildBm25 } from '../../knowledge/bm25.js';
import { COMPOUNDING, splitCompound, stem, tokenise } from '../../knowledge/kb-tokenise.js';
import type { CorpusPassage, Persona } from '../persona/persona.js';

/**
 * When the best passage is taken as an answer: a BM25 score at least MIN_SCORE, and the
 * passage covers at least MIN_COVERAGE of the question's content words weighted by idf (a
 * word no passage has weighs most). One shared rare word ("night", "life") is then not enough,
 * and the persona says it does not know instead of stretching a passage to fit. Calibrated on
 * the demo corpus (search-corpus.test.ts).
 */
export const MIN_SCORE = 2;
export const MIN_COVERAGE = 0.6;

export interface PassageMatch {
  passage: CorpusPassage;
  score: number;
  /** Share (0..1, idf-weighted) of the question's terms the passage contains. */
  coverage: number;
}

interface LanguageIndex {
  passages: CorpusPassage[];
  index: Bm25Index;
  vocabulary: Set<string>;
}

// Built once per persona object and language; a saved persona is a new object, so edits re-index.
const cache = new WeakMap<Persona, Map<Language, LanguageIndex>>();

function indexFor(persona: Persona, language: Language): LanguageIndex {
  let byLanguage = cache.get(persona);
  if (!byLanguage) {
    byLanguage = new Map();
    cache.set(persona, byLanguage);
  }
  let built = byLanguage.get(language);
  if (!built) {
    const passages = persona.corpus.filter((p) => p.language === language);
    const index = buildBm25(
      passages.map((p) => [
        { tokens: tokenise(p.title, language, 'document'), weight: 2 },
        { tokens: tokenise(p.text, language, 'document'), weight: 1 },
      ]),
    );
    built = { passages, index, vocabulary: new Set(index.documentFrequency.keys()) };
    byLanguage.set(language, built);
  }
  return built;
}

/**
 * Words that frame a question to a founder without saying what it is about ("what do you
 * think about…", "the story behind the company"), beyond the help centre's stop words.
 */
const FRAMING_WORDS: Partial<Record<Language, readonly string[]>> = {
  en: [
    'think',
    'thoughts',
    'feel',
    'opinion',
    'opinions',
    'view',
    'views',
    'believe',
    'say',
    'said',
    'behind',
    'company',
    'companies',
    'business',
    'firm',
    'guys',
    'question',
    'questions',
    'wonder',
    'wondering',
    'curious',
  ],
  sv: [
    'ert',
    'tycker',
    'tror',
    'anser',
    'asikt',
    'asikter',
    'syn',
    'beratta',
    'foretaget',
    'foretag',
    'bolaget',
    'bolag',
    'egentligen',
    'fraga',
    'fragor',
    'undrar',
  ],
};
const framingStems = new Map<Language, Set<string>>();

function isFraming(term: string, language: Language): boolean {
  let stems = framingStems.get(language);
  if (!stems) {
    stems = new Set((FRAMING_WORDS[language] ?? []).map((w) => stem(w, language)));
    framingStems.set(language, stems);
  }
  return stems.has(term);
}

/** Distinct query stems; in Swedish an unknown compound also counts as its known halves ("påminnelse|avgift"). */
function queryTerms(question: string, language: Language, vocabulary: ReadonlySet<string>): string[] {
  const terms = new Set<string>();
  for (const term of tokenise(question, language)) {
    if (isFraming(term, language)) continue;
    const parts =
      !vocabulary.has(term) && COMPOUNDING.has(language) ? splitCompound(term, vocabulary, language) : [];
    if (parts.length === 0) terms.add(term);
    for (const part of parts) terms.add(part);
  }
  return [...terms];
}

/** The best passage of the persona's corpus in `language` for a question, with its score (null when nothing matches). */
export function bestPassage(persona: Persona, language: Language, question: string): PassageMatch | null {
  const { passages, index, vocabulary } = indexFor(persona, language);
  const terms = queryTerms(question, language, vocabulary);
  if (terms.length === 0) return null;
  const weights = terms.map((t) => bm25Idf(index, t));
  const total = weights.reduce((a, b) => a + b, 0);
  let best: PassageMatch | null = null;
  passages.forEach((passage, i) => {
    const score = bm25Score(index, i, terms);
    if (score <= 0 || (best && score <= best.score)) return;
    const counts = index.documents[i]!;
    const covered = terms.reduce((sum, t, k) => sum + (counts.has(t) ? weights[k]! : 0), 0);
    best = { passage, score, coverage: total === 0 ? 0 : covered / total };
  });
  return best;
}

/** The passage that answers a question, or null when none is close enough to answer from. */
export function searchCorpus(persona: Persona, language: Language, question: string): PassageMatch | null {
  const match = bestPassage(persona, language, question);
  return match && match.score >= MIN_SCORE && match.coverage >= MIN_COVERAGE ? match : null;
}
