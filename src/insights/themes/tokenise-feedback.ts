import {
  COMPOUNDING,
  foldText,
  isStopWord,
  splitCompound,
  stemEnglish,
  stemSwedish,
  words,
} from '../../knowledge/kb-tokenise.js';
import { SV_EN_LEXICON } from './lexicon-sv-en.js';

/** Languages the theme engine tokenises natively; others are treated as English. */
export type ThemeLanguage = 'en' | 'sv';

/** A text's content tokens: `stems` feed the features, `surfaces` are readable words for labels. */
export interface FeedbackTokens {
  stems: string[];
  surfaces: string[];
  language: ThemeLanguage;
}

interface Concept {
  stems: string[];
  surfaces: string[];
}

function englishConcept(english: string): Concept {
  const parts = english.split(' ');
  return { stems: parts.map((w) => stemEnglish(w)), surfaces: parts };
}

// Keyed by the Swedish stem of each folded word, or the folded phrase for two-word entries.
const SINGLE = new Map<string, Concept>();
const PHRASES = new Map<string, Concept>();
for (const [sv, en] of SV_EN_LEXICON) {
  const folded = foldText(sv);
  if (folded.includes(' ')) PHRASES.set(folded, englishConcept(en));
  else {
    SINGLE.set(stemSwedish(folded), englishConcept(en));
    SINGLE.set(folded, englishConcept(en));
  }
}
// English spellings of the same concepts ("log in" and "inloggning" both become login).
const EN_PHRASES = new Map<string, Concept>(
  [
    ['log in', 'login'],
    ['logging in', 'login'],
    ['logged in', 'login'],
    ['sign in', 'login'],
    ['signing in', 'login'],
    ['log on', 'login'],
  ].map(([en, concept]) => [en!, englishConcept(concept!)]),
);

// When something happened never names a theme ("yesterday", "i fredags"); folded, both languages.
const TIME_WORDS = new Set(
  (
    'today yesterday tomorrow morning evening night week weeks month months day days last now again ' +
    'monday tuesday wednesday thursday friday saturday sunday idag igar imorgon morse kvall vecka veckan ' +
    'veckor manad dag dagar forra nu igen mandags tisdags onsdags torsdags fredags lordags sondags'
  ).split(' '),
);

const LEXICON_STEMS: ReadonlySet<string> = new Set(SINGLE.keys());

// Words only one of the two languages uses a lot: a cheap per-text language guess.
const SV_MARKERS = new Set(
  (
    'och att det som inte jag har med min mitt mina kan ska vill varfor nar hur vad fran efter igen kommer fungerar ' +
    'funkar appen kortet kassan hej tack ar pa vid for av till mig blev fick igar idag fortfarande har sen'
  ).split(' '),
);
const EN_MARKERS = new Set(
  (
    'the and to is it my not have with can when why how what from after again will does doesnt cant wont ' +
    'hi thanks was were at on of for please still never'
  ).split(' '),
);

/** Guesses en or sv from marker words and å/ä/ö; ties go to English. */
export function guessLanguage(text: string): ThemeLanguage {
  let sv = /[åäö]/i.test(text) ? 2 : 0;
  let en = 0;
  for (const w of words(text, 'en')) {
    if (SV_MARKERS.has(w)) sv++;
    if (EN_MARKERS.has(w)) en++;
  }
  return sv > en ? 'sv' : 'en';
}

function push(out: FeedbackTokens, stem: string, surface: string) {
  if (stem.length < 2 && !/\d/.test(stem)) return;
  out.stems.push(stem);
  out.surfaces.push(surface);
}

function pushConcept(out: FeedbackTokens, concept: Concept) {
  for (let i = 0; i < concept.stems.length; i++) push(out, concept.stems[i]!, concept.surfaces[i]!);
}

/**
 * Content tokens of a short customer text. Swedish words found in the product lexicon (also as
 * parts of a compound, "kortbetalningen" → card payment) become English concept tokens, so both
 * languages meet; other words are stemmed in their own language, stop words dropped.
 */
export function tokeniseFeedback(text: string, language?: ThemeLanguage): FeedbackTokens {
  const lang = language ?? guessLanguage(text);
  const out: FeedbackTokens = { stems: [], surfaces: [], language: lang };
  const list = words(text.length > 5000 ? text.slice(0, 5000) : text, lang);
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    if (TIME_WORDS.has(word)) continue;
    if (lang === 'sv') {
      const next = list[i + 1];
      const phrase = next === undefined ? undefined : PHRASES.get(`${word} ${next}`);
      if (phrase) {
        pushConcept(out, phrase);
        i++;
        continue;
      }
      const direct = SINGLE.get(word) ?? SINGLE.get(stemSwedish(word));
      if (direct) {
        pushConcept(out, direct);
        continue;
      }
      if (isStopWord(word, 'sv')) continue;
      if (COMPOUNDING.has('sv')) {
        const parts = splitCompound(word, LEXICON_STEMS, 'sv');
        const concepts = parts.map((p) => SINGLE.get(p));
        if (parts.length === 2 && concepts[0] && concepts[1]) {
          pushConcept(out, concepts[0]);
          pushConcept(out, concepts[1]);
          continue;
        }
      }
      push(out, stemSwedish(word), word);
      continue;
    }
    const next = list[i + 1];
    const phrase = next === undefined ? undefined : EN_PHRASES.get(`${word} ${next}`);
    if (phrase) {
      pushConcept(out, phrase);
      i++;
      continue;
    }
    if (isStopWord(word, 'en')) continue;
    const stemmed = stemEnglish(word);
    if (isStopWord(stemmed, 'en')) continue;
    push(out, stemmed, word);
  }
  return out;
}
