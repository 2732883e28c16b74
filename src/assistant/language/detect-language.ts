import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from './package-root.js';
import { STOP_WORDS } from './stop-words.js';

export const LANGUAGES = ['en', 'sv', 'de', 'fr', 'es', 'it', 'nl', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export interface LanguageDetection {
  language: Language;
  /** Posterior of the returned language; 0 when the text held no evidence at all. */
  confidence: number;
  /** True when the text was too short or ambiguous and the conversation's language was kept. */
  fellBack: boolean;
}

export interface DetectOptions {
  /** The conversation's current language: kept unless the text clearly says otherwise. */
  fallback: Language;
  profiles?: LanguageProfiles;
}

/** Per-language log-probabilities of character 1–4-grams, from the corpus files. */
export interface LanguageProfiles {
  /** n-gram → log P(n-gram | language), indexed like LANGUAGES. */
  logProb: Map<string, Float64Array>;
  /** log P of an n-gram never seen for a language, per order (index n-1) and language. */
  unseen: Float64Array[];
}

const MAX_ORDER = 4;
const SMOOTHING = 0.5;
// Each stop word adds this many nats: about one short word's worth of n-gram evidence.
const STOP_WORD_BONUS = 2;
// Average log-likelihood per n-gram is multiplied by this before the softmax; NB's raw sums are overconfident.
const SHARPNESS = 6;
// Below this posterior the detection is not trusted and the conversation keeps its language.
const MIN_CONFIDENCE = 0.5;
// Switching away from the conversation's language needs the winner to beat it by this factor.
const SWITCH_RATIO = 3;
// Fewer letters than this (after dropping chat tokens every language uses) is no evidence.
const MIN_LETTERS = 3;

/** Chat tokens every market types ("ok", "hi", "lol"): no evidence for any language. */
const NEUTRAL_TOKENS = new Set([
  'ok',
  'okay',
  'okey',
  'oki',
  'k',
  'kk',
  'hi',
  'hey',
  'heyy',
  'hello',
  'hallo',
  'yo',
  'lol',
  'haha',
  'hahaha',
  'hehe',
  'xd',
  'cool',
  'super',
  'top',
  'nice',
  'sorry',
  'bye',
  'ciao',
  'mmm',
  'hmm',
  'eh',
  'ah',
  'oh',
]);

/** Lower-case, NFC, and keep only letters: digits, punctuation and emoji carry no language. */
export function normalizeForLanguage(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{M}]+/gu, ' ')
    .trim();
}

function forEachNgram(word: string, visit: (gram: string, order: number) => void): void {
  const padded = ` ${word} `;
  for (let n = 1; n <= MAX_ORDER; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const gram = padded.slice(i, i + n);
      if (gram !== ' ') visit(gram, n);
    }
  }
}

/** Builds naive-Bayes profiles from one corpus text per language (one sentence a line). */
export function buildLanguageProfiles(corpora: Record<Language, string>): LanguageProfiles {
  const counts = new Map<string, Float64Array>();
  const totals = LANGUAGES.map(() => new Float64Array(MAX_ORDER));
  const vocabulary = new Float64Array(MAX_ORDER);
  LANGUAGES.forEach((language, l) => {
    for (const word of normalizeForLanguage(corpora[language]).split(' ')) {
      if (word === '') continue;
      forEachNgram(word, (gram, order) => {
        let row = counts.get(gram);
        if (!row) {
          row = new Float64Array(LANGUAGES.length);
          counts.set(gram, row);
          vocabulary[order - 1]!++;
        }
        row[l]!++;
        totals[l]![order - 1]!++;
      });
    }
  });
  const unseen = Array.from({ length: MAX_ORDER }, (_, o) =>
    Float64Array.from(LANGUAGES, (_, l) =>
      Math.log(SMOOTHING / (totals[l]![o]! + SMOOTHING * vocabulary[o]!)),
    ),
  );
  const logProb = new Map<string, Float64Array>();
  for (const [gram, row] of counts) {
    const o = [...gram].length - 1;
    logProb.set(
      gram,
      Float64Array.from(row, (c, l) =>
        Math.log((c + SMOOTHING) / (totals[l]![o]! + SMOOTHING * vocabulary[o]!)),
      ),
    );
  }
  return { logProb, unseen };
}

export function corpusDirectory(): string {
  return join(findPackageRoot(), 'src', 'assistant', 'language', 'corpus');
}

/** Reads `corpus/<lang>.txt` for every language (lines starting with # are comments). */
export function readCorpora(dir: string = corpusDirectory()): Record<Language, string> {
  const entries = LANGUAGES.map((language) => {
    const text = readFileSync(join(dir, `${language}.txt`), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    return [language, text] as const;
  });
  return Object.fromEntries(entries) as Record<Language, string>;
}

let defaultProfiles: LanguageProfiles | undefined;

/** The profiles built from the repo's corpus, built once on first use (about 50 ms). */
export function getDefaultProfiles(): LanguageProfiles {
  defaultProfiles ??= buildLanguageProfiles(readCorpora());
  return defaultProfiles;
}

/** Posterior over LANGUAGES for a text, or undefined when it holds no usable evidence. */
export function scoreLanguages(text: string, profiles: LanguageProfiles): Float64Array | undefined {
  const words = normalizeForLanguage(text)
    .split(' ')
    .filter((w) => w !== '' && !NEUTRAL_TOKENS.has(w));
  const letters = words.reduce((sum, w) => sum + [...w].length, 0);
  if (letters < MIN_LETTERS) return undefined;
  const scores = new Float64Array(LANGUAGES.length);
  let grams = 0;
  for (const word of words) {
    forEachNgram(word, (gram, order) => {
      const row = profiles.logProb.get(gram) ?? profiles.unseen[order - 1]!;
      for (let l = 0; l < scores.length; l++) scores[l]! += row[l]!;
      grams++;
    });
    LANGUAGES.forEach((language, l) => {
      if (STOP_WORDS[language].has(word)) scores[l]! += STOP_WORD_BONUS;
    });
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let l = 0; l < scores.length; l++) {
    scores[l] = (scores[l]! / grams) * SHARPNESS;
    max = Math.max(max, scores[l]!);
  }
  let sum = 0;
  for (let l = 0; l < scores.length; l++) {
    scores[l] = Math.exp(scores[l]! - max);
    sum += scores[l]!;
  }
  for (let l = 0; l < scores.length; l++) scores[l]! /= sum;
  return scores;
}

/**
 * Detects the language of a chat message. Short or ambiguous messages ("ok", "hallo", an emoji) keep
 * the conversation's language: a customer who writes "ok" has not switched language.
 */
export function detectLanguage(text: string, options: DetectOptions): LanguageDetection {
  const { fallback } = options;
  const posterior = scoreLanguages(text, options.profiles ?? getDefaultProfiles());
  if (!posterior) return { language: fallback, confidence: 0, fellBack: true };
  let top = 0;
  for (let l = 1; l < posterior.length; l++) if (posterior[l]! > posterior[top]!) top = l;
  const confidence = posterior[top]!;
  const fallbackProbability = posterior[LANGUAGES.indexOf(fallback)]!;
  if (
    LANGUAGES[top] !== fallback &&
    (confidence < MIN_CONFIDENCE || confidence < SWITCH_RATIO * fallbackProbability)
  ) {
    return { language: fallback, confidence: fallbackProbability, fellBack: true };
  }
  return { language: LANGUAGES[top]!, confidence, fellBack: false };
}
