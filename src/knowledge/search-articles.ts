import type { Sql } from '../platform/db/database.js';
import { type Bm25Field, type Bm25Index, bm25Idf, bm25Score, buildBm25 } from './bm25.js';
import { KB_SYNONYMS } from './kb-synonyms.js';
import { COMPOUNDING, editDistance, foldText, splitCompound, tokenise } from './kb-tokenise.js';
import { type KbLocale, kbLocaleFor } from './list-articles.js';

/** What the index needs from an article (a `KbArticle` fits). */
export interface KbSourceArticle {
  id: string;
  slug: string;
  locale: string;
  title: string;
  tags: readonly string[];
  bodyMarkdown: string;
}

export interface KbPassage {
  heading: string;
  /** Plain text: markdown emphasis removed, list items and table rows one per line. */
  text: string;
}

export interface KbSearchHit {
  articleId: string;
  slug: string;
  title: string;
  locale: string;
  /** The best-matching passage of the article. */
  passage: string;
  score: number;
  /** 0..1; at or above `KB_ANSWER_THRESHOLD` the article answers the question. */
  confidence: number;
}

export interface KbCitation {
  articleId: string;
  title: string;
  url: string;
}

export interface KnowledgeBaseIndex {
  readonly locale: KbLocale;
  readonly articles: readonly KbSourceArticle[];
  readonly passages: readonly (KbPassage & { article: number })[];
  readonly passageIndex: Bm25Index;
  readonly articleIndex: Bm25Index;
  readonly vocabulary: ReadonlySet<string>;
  /** Per article: the terms of its title and of its tags. */
  readonly titleTerms: readonly ReadonlySet<string>[];
  readonly tagTerms: readonly ReadonlySet<string>[];
  /** Synonym rules, tokenised: a run of question terms, and the terms it also searches for. */
  readonly synonyms: readonly { from: readonly string[]; to: readonly string[] }[];
}

/** Below this confidence the assistant says it does not know and offers a person. */
export const KB_ANSWER_THRESHOLD = 0.3;

// A question word found in the title or tags adds this many times its idf: titles say what an
// article is about better than any passage does.
const TITLE_BONUS = 2;
const TAG_BONUS = 0.6;
const HEADING_WEIGHT = 1;
// The whole article's score is added to its passage's, so a question whose words are spread
// over several sections still finds the right article.
const ARTICLE_WEIGHT = 0.3;

/** The help-centre page of an article, for the answer's citation. */
export function citationFor(
  article:
    | { id: string; slug: string; locale: string; title: string }
    | { articleId: string; slug: string; locale: string; title: string },
): KbCitation {
  return {
    articleId: 'articleId' in article ? article.articleId : article.id,
    title: article.title,
    url: `/help/${encodeURIComponent(article.locale)}/${encodeURIComponent(article.slug)}`,
  };
}

function plainLine(line: string): string {
  return line
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_]+)_(?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .trim();
}

function tableRow(line: string): string | undefined {
  const cells = line
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
  if (cells.every((cell) => /^:?-+:?$/.test(cell))) return undefined;
  return cells.join(': ');
}

/** Splits an article body at its `##` headings; the text before the first one is a passage too. */
export function splitPassages(markdown: string): KbPassage[] {
  const passages: KbPassage[] = [];
  let heading = '';
  let lines: string[] = [];
  let inTable = false;
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text !== '') passages.push({ heading, text });
    lines = [];
  };
  for (const raw of markdown.split('\n')) {
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(raw);
    if (headingMatch) {
      flush();
      heading = plainLine(headingMatch[1]!);
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed === '') {
      inTable = false;
      if (lines.at(-1) !== '') lines.push('');
      continue;
    }
    if (trimmed.startsWith('|')) {
      // The header row ("Market | Late fee") is dropped: quoted alone it answers nothing, and
      // its words are in the section heading and the rows anyway.
      const header = !inTable;
      inTable = true;
      const row = tableRow(trimmed);
      if (row && !header) lines.push(plainLine(row));
      continue;
    }
    inTable = false;
    lines.push(plainLine(trimmed.replace(/^(?:[-*]|\d+\.)\s+/, '')));
  }
  flush();
  return passages;
}

const tagText = (tags: readonly string[]) => tags.map((tag) => tag.replace(/-/g, ' ')).join(' ');

/** Builds the search index for the articles of one locale (others are ignored). */
export function buildKnowledgeBaseIndex(
  articles: readonly KbSourceArticle[],
  locale: KbLocale,
): KnowledgeBaseIndex {
  const own = articles.filter((a) => a.locale === locale);
  const passages = own.flatMap((article, i) =>
    splitPassages(article.bodyMarkdown).map((p) => ({ ...p, article: i })),
  );

  const vocabulary = new Set<string>();
  const tokenised = (text: string) => {
    const tokens = tokenise(text, locale, 'document');
    for (const token of tokens) vocabulary.add(token);
    return tokens;
  };
  const titles = own.map((a) => tokenised(a.title));
  const tags = own.map((a) => tokenised(tagText(a.tags)));
  const passageTokens = passages.map((p) => ({ heading: tokenised(p.heading), text: tokenised(p.text) }));

  // Compounds also count as their parts, so "betalningsplan" matches "plan" and "Mahngebühr"
  // matches "Gebühr".
  const parts = new Map<string, string[]>();
  const withParts = (tokens: string[]) => withCompoundParts(tokens, vocabulary, locale, parts);

  const passageIndex = buildBm25(
    passages.map((_, i) => [
      { tokens: withParts(passageTokens[i]!.heading), weight: HEADING_WEIGHT },
      { tokens: withParts(passageTokens[i]!.text), weight: 1 },
    ]),
  );
  const articleIndex = buildBm25(
    own.map((_, i): Bm25Field[] => [
      { tokens: withParts(titles[i]!), weight: 1 },
      { tokens: withParts(tags[i]!), weight: 1 },
      ...passages
        .map((p, j) => ({ p, j }))
        .filter(({ p }) => p.article === i)
        .flatMap(({ j }) => [
          { tokens: withParts(passageTokens[j]!.heading), weight: 1 },
          { tokens: withParts(passageTokens[j]!.text), weight: 1 },
        ]),
    ]),
  );
  // A rule fires on the question's words as typed: with or without accents (Vietnamese tones).
  const synonyms = KB_SYNONYMS[locale]
    .flatMap(([from, to]) =>
      [...new Set([from, foldText(from)])].map((spelling) => ({
        from: tokenise(spelling, locale),
        to: tokenise(to, locale, 'document'),
      })),
    )
    .filter((rule) => rule.from.length > 0 && rule.to.length > 0);
  return {
    locale,
    articles: own,
    passages,
    passageIndex,
    articleIndex,
    vocabulary,
    titleTerms: titles.map((t) => new Set(withParts(t))),
    tagTerms: tags.map((t) => new Set(withParts(t))),
    synonyms,
  };
}

/** `tokens` followed by the parts of each compound among them (only in compounding languages). */
export function withCompoundParts(
  tokens: readonly string[],
  vocabulary: ReadonlySet<string>,
  locale: KbLocale,
  cache: Map<string, string[]> = new Map(),
): string[] {
  if (!COMPOUNDING.has(locale)) return [...tokens];
  return tokens.flatMap((token) => {
    let split = cache.get(token);
    if (!split) {
      split = splitCompound(token, vocabulary, locale);
      cache.set(token, split);
    }
    return [token, ...split];
  });
}

export interface QueryTerm {
  /** Index terms this query word stands for (itself, its compound parts, or a typo's correction). */
  terms: string[];
  /** How much the word counts towards the confidence (idf, lowered for guesses). */
  weight: number;
}

function closestTerm(index: KnowledgeBaseIndex, term: string): string | undefined {
  if (term.length < 5 || /\d/.test(term)) return undefined;
  const max = term.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  let bestDf = 0;
  for (const candidate of index.vocabulary) {
    if (Math.abs(candidate.length - term.length) > max || candidate.length < 4) continue;
    const distance = editDistance(term, candidate, max);
    const df = index.articleIndex.documentFrequency.get(candidate) ?? 0;
    if (distance < bestDistance || (distance === bestDistance && df > bestDf)) {
      best = candidate;
      bestDistance = distance;
      bestDf = df;
    }
  }
  return bestDistance <= max ? best : undefined;
}

/**
 * Index terms that are the same word with a longer or shorter ending than a light stemmer left
 * ("retour" / "retourn", "devolv" / "devol"): one is a prefix of the other, the shared part has
 * at least five letters and the difference is at most three letters.
 */
function sameWordLonger(index: KnowledgeBaseIndex, term: string): string[] {
  if (term.length < 5 || /\d/.test(term) || term.includes('_')) return [];
  const found: string[] = [];
  for (const candidate of index.vocabulary) {
    if (candidate.includes('_') || Math.abs(candidate.length - term.length) > 3) continue;
    const [short, long] = candidate.length < term.length ? [candidate, term] : [term, candidate];
    if (short.length >= 5 && long.startsWith(short) && candidate !== term) found.push(candidate);
  }
  return found.slice(0, 3);
}

/**
 * True when `phrase` occurs in `stems` starting at `start`, in order, with at most two other
 * words in between ("push my payment back" matches "push back").
 */
function matchesAt(stems: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (stems[start] !== phrase[0]) return false;
  let at = start;
  for (const word of phrase.slice(1)) {
    const next = stems.indexOf(word, at + 1);
    if (next === -1 || next - at > 3) return false;
    at = next;
  }
  return true;
}

/** Maps the question's words to index terms: exact, compound parts, or a corrected typo. */
export function analyseQuery(index: KnowledgeBaseIndex, query: string): QueryTerm[] {
  // Unknown words count against confidence, but less than a rare known word: questions carry
  // words of their own ("shoes", "jacket") that no article needs to mention.
  const unknownWeight = 0.5 * bm25Idf(index.articleIndex, '\u0000');
  const stems = tokenise(query, index.locale);
  const byStem = new Map<string, QueryTerm>();
  const out: QueryTerm[] = [];
  for (const term of stems) {
    if (byStem.has(term)) continue;
    // A Vietnamese syllable pair no article contains is no evidence either way: its syllables
    // already count on their own.
    if (term.includes('_') && !index.vocabulary.has(term)) continue;
    let queryTerm: QueryTerm;
    const split = COMPOUNDING.has(index.locale) ? splitCompound(term, index.vocabulary, index.locale) : [];
    const known = index.vocabulary.has(term) || split.length > 0;
    const extended = known ? [] : sameWordLonger(index, term);
    const corrected = known || extended.length > 0 ? undefined : closestTerm(index, term);
    if (index.vocabulary.has(term)) {
      queryTerm = { terms: [term], weight: bm25Idf(index.articleIndex, term) };
    } else if (split.length > 0) {
      queryTerm = { terms: split, weight: Math.max(...split.map((t) => bm25Idf(index.articleIndex, t))) };
    } else if (extended.length > 0) {
      queryTerm = {
        terms: extended,
        weight: Math.max(...extended.map((t) => bm25Idf(index.articleIndex, t))),
      };
    } else if (corrected) {
      queryTerm = { terms: [corrected], weight: 0.8 * bm25Idf(index.articleIndex, corrected) };
    } else {
      queryTerm = { terms: [], weight: unknownWeight };
    }
    byStem.set(term, queryTerm);
    out.push(queryTerm);
  }
  for (const rule of index.synonyms) {
    for (let i = 0; i < stems.length; i++) {
      if (!matchesAt(stems, i, rule.from)) continue;
      const target = byStem.get(stems[i]!);
      if (!target) continue;
      const added = rule.to.filter((t) => index.vocabulary.has(t) && !target.terms.includes(t));
      if (added.length === 0) continue;
      target.terms.push(...added);
      // A synonym makes an unknown word known: weigh it like the words it stands for.
      if (target.terms.length === added.length) {
        target.weight = Math.max(...added.map((t) => bm25Idf(index.articleIndex, t)));
      }
    }
  }
  return out;
}

/**
 * Confidence from two signals: how much of the question (by idf) the article covers, and how
 * strong the match is in absolute terms. Coverage alone would trust a one-word match on a
 * common word; score alone is not comparable between long and short questions.
 */
function confidenceOf(coverage: number, score: number): number {
  const strength = 1 - Math.exp(-score / 6);
  return Math.max(0, Math.min(1, coverage ** 1.5 * strength ** 0.5));
}

export interface SearchOptions {
  limit?: number;
}

/** Ranked articles for a question, each with its best passage; at most one hit per article. */
export function searchKnowledgeBase(
  index: KnowledgeBaseIndex,
  query: string,
  options: SearchOptions = {},
): KbSearchHit[] {
  const limit = Math.max(1, Math.min(options.limit ?? 5, 50));
  const queryTerms = analyseQuery(index, query);
  const terms = [...new Set(queryTerms.flatMap((q) => q.terms))];
  const totalWeight = queryTerms.reduce((sum, q) => sum + q.weight, 0);
  if (terms.length === 0 || totalWeight === 0) return [];

  const articleScores = index.articles.map((_, i) => {
    let score = ARTICLE_WEIGHT * bm25Score(index.articleIndex, i, terms);
    for (const q of queryTerms) {
      const idf = Math.max(0, ...q.terms.map((t) => bm25Idf(index.articleIndex, t)));
      if (q.terms.some((t) => index.titleTerms[i]!.has(t))) score += TITLE_BONUS * idf;
      else if (q.terms.some((t) => index.tagTerms[i]!.has(t))) score += TAG_BONUS * idf;
    }
    return score;
  });
  const best = new Map<number, { passage: number; score: number }>();
  index.passages.forEach((p, i) => {
    const score = bm25Score(index.passageIndex, i, terms) + articleScores[p.article]!;
    const current = best.get(p.article);
    if (score > 0 && (!current || score > current.score)) best.set(p.article, { passage: i, score });
  });

  const hits: KbSearchHit[] = [];
  for (const [articleNumber, { passage, score }] of best) {
    const article = index.articles[articleNumber]!;
    const documentTerms = index.articleIndex.documents[articleNumber]!;
    const covered = queryTerms
      .filter((q) => q.terms.some((t) => documentTerms.has(t)))
      .reduce((sum, q) => sum + q.weight, 0);
    hits.push({
      articleId: article.id,
      slug: article.slug,
      title: article.title,
      locale: article.locale,
      passage: index.passages[passage]!.text,
      score: Math.round(score * 1000) / 1000,
      confidence: Math.round(confidenceOf(covered / totalWeight, score) * 1000) / 1000,
    });
  }
  hits.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
  return hits.slice(0, limit);
}

/** Words of a query that carry meaning, for callers that highlight or pick sentences. */
export function queryWords(index: KnowledgeBaseIndex, query: string): string[] {
  return analyseQuery(index, query).flatMap((q) => q.terms);
}

export interface KnowledgeBaseSearch {
  /**
   * `locale` may be a customer locale such as `sv-SE`; languages outside `KB_LOCALES`, or
   * without imported articles, search English.
   */
  search(locale: string, query: string, options?: SearchOptions): Promise<KbSearchHit[]>;
  /** The index of `locale`, built on first use. */
  index(locale: string): Promise<KnowledgeBaseIndex>;
  /** Drops the cached indexes, e.g. after `importKnowledgeBase`. */
  invalidate(): void;
}

/** Loads every article of one locale with its body, for indexing. */
export async function loadArticlesForIndex(db: Sql, locale: KbLocale): Promise<KbSourceArticle[]> {
  const rows = await db
    .selectFrom('kb_articles')
    .select(['id', 'slug', 'locale', 'title', 'tags', 'body_markdown'])
    .where('locale', '=', locale)
    .orderBy('slug')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    locale: r.locale,
    title: r.title,
    tags: r.tags,
    bodyMarkdown: r.body_markdown,
  }));
}

/**
 * A per-locale index cache over `kb_articles`. The index is built from the database on first
 * use; concurrent first searches share one build. A failed build is not cached.
 */
export function createKnowledgeBaseSearch(db: Sql): KnowledgeBaseSearch {
  const cache = new Map<KbLocale, Promise<KnowledgeBaseIndex>>();
  const index = (locale: string) => {
    const kbLocale = kbLocaleFor(locale);
    let pending = cache.get(kbLocale);
    if (!pending) {
      pending = loadArticlesForIndex(db, kbLocale).then(async (articles) => {
        // A language without articles yet reads the English help centre; hits then carry
        // locale "en", so the caller can say the article is in English.
        if (articles.length === 0 && kbLocale !== 'en') {
          return buildKnowledgeBaseIndex(await loadArticlesForIndex(db, 'en'), 'en');
        }
        return buildKnowledgeBaseIndex(articles, kbLocale);
      });
      cache.set(kbLocale, pending);
      pending.catch(() => {
        if (cache.get(kbLocale) === pending) cache.delete(kbLocale);
      });
    }
    return pending;
  };
  return {
    index,
    async search(locale, query, options) {
      return searchKnowledgeBase(await index(locale), query, options);
    },
    invalidate() {
      cache.clear();
    },
  };
}
