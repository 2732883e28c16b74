import type { Language } from '../../assistant/language/detect-language.js';
import { normaliseCallerText } from './cue-match.js';

/**
 * Turning the caller's own words into the read-back ("So: your app crashed when you paid…")
 * and the neutral summary ("…when they paid"). Only pronouns and filler change; the content
 * stays the caller's, so nothing is invented.
 */

const MAX_WORDS = 22;

/** At most `max` words, with "…" when cut. */
export function clipWords(text: string, max = MAX_WORDS): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  return words.length <= max ? words.join(' ') : `${words.slice(0, max).join(' ')}…`;
}

const FILLER: Readonly<Record<'en' | 'sv', RegExp>> = {
  en: /^(?:um+|uh+|er+m*|hmm+|well|so|yeah|yes|okay|ok|like|basically|honestly|i mean|i guess|and|but|right|oh|actually|hi|hello|hey)(?:\s|$)/u,
  sv: /^(?:eh+|öh+|hm+|alltså|asså|ja|jo|typ|liksom|och|men|så|okej|ärligt talat|faktiskt|hej|hejsan|hallå|tjena)(?:\s|$)/u,
};

function stripLeading(text: string, re: RegExp): string {
  let out = text;
  for (;;) {
    const next = out.replace(re, '').trim();
    if (next === out) return out;
    out = next;
  }
}

// Speech recognition drops apostrophes; put the common ones back so the read-back is spoken right.
const EN_CONTRACTIONS: Readonly<Record<string, string>> = {
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  cant: "can't",
  couldnt: "couldn't",
  wont: "won't",
  wouldnt: "wouldn't",
  isnt: "isn't",
  wasnt: "wasn't",
  arent: "aren't",
  werent: "weren't",
  havent: "haven't",
  hasnt: "hasn't",
  shouldnt: "shouldn't",
  thats: "that's",
  theres: "there's",
  whats: "what's",
};

/** Normalised caller text without leading filler ("um so the app…" → "the app…"). */
export function tidy(text: string, language: Language): string {
  const stripped = stripLeading(normaliseCallerText(text), FILLER[language === 'sv' ? 'sv' : 'en']);
  return language === 'sv' ? stripped : stripped.replace(/[a-z]+/g, (w) => EN_CONTRACTIONS[w] ?? w);
}

type SwapTable = Readonly<Record<string, string>>;

// Caller → persona's point of view. "you/your" from the caller means the company, so it becomes "we/our".
const TO_SECOND: Readonly<Record<'en' | 'sv', SwapTable>> = {
  en: {
    'i am': 'you are',
    'i was': 'you were',
    i: 'you',
    me: 'you',
    my: 'your',
    mine: 'yours',
    myself: 'yourself',
    im: "you're",
    ive: "you've",
    'i would': "you'd",
    you: 'we',
    your: 'our',
    yours: 'ours',
    youre: "we're",
    'you guys': 'we',
    'thank you': 'thank you',
    'you were': 'we were',
    'you are': 'we are',
  },
  sv: {
    jag: 'du',
    mig: 'dig',
    min: 'din',
    mitt: 'ditt',
    mina: 'dina',
    du: 'jag',
    dig: 'mig',
    ni: 'vi',
    er: 'er',
    ert: 'vårt',
    era: 'våra',
  },
};

// Caller → the product team's neutral third person.
const TO_THIRD: Readonly<Record<'en' | 'sv', SwapTable>> = {
  en: {
    'i am': 'they are',
    'i was': 'they were',
    i: 'they',
    me: 'them',
    my: 'their',
    mine: 'theirs',
    myself: 'themselves',
    im: "they're",
    ive: "they've",
    'i would': "they'd",
    'thank you': 'thank you',
    you: 'the company',
    your: "the company's",
    'you guys': 'the company',
  },
  sv: {
    jag: 'hen',
    mig: 'hen',
    min: 'sin',
    mitt: 'sitt',
    mina: 'sina',
    ni: 'företaget',
    er: 'företagets',
    ert: 'företagets',
    era: 'företagets',
  },
};

function swap(text: string, table: SwapTable): string {
  const keys = Object.keys(table).sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(re, (m) => table[m] ?? m);
}

const lang = (language: Language) => (language === 'sv' ? 'sv' : 'en');

/** The caller's words as the persona says them back ("my app" → "your app", "your app" → "our app"). */
export function asSecondPerson(text: string, language: Language): string {
  return swap(text, TO_SECOND[lang(language)]);
}

/** The caller's words in the third person, for the product team's summary. */
export function asThirdPerson(text: string, language: Language): string {
  return swap(text, TO_THIRD[lang(language)]);
}

const WHY_LEAD: Readonly<Record<'en' | 'sv', RegExp>> = {
  en: /^(?:because|cause|cuz|coz|since|it matters because|it matters|its important because|its important|that matters because|well)(?:\s|$)/u,
  sv: /^(?:för att|eftersom|därför att|det spelar roll för att|det är viktigt för att|det är viktigt|jo)(?:\s|$)/u,
};

/** "because I rely on it" → "I rely on it". */
export function reason(text: string, language: Language): string {
  return stripLeading(tidy(text, language), WHY_LEAD[lang(language)]);
}

const EN_CHANGE_LEAD =
  /^(?:i would like you to|id like you to|i would like to|id like to|i would like|id like|i want you to|i want to|i want|i wish you would|i wish you could|i think you should|you guys should|you should|you could|maybe you could|how about|what about|i would|id|maybe|probably|just|please|honestly)(?:\s|$)/u;
const EN_VERBS =
  /^(?:add|make|let|show|send|remove|change|fix|allow|give|have|stop|put|bring|lower|drop|offer|get|move|keep|tell|notify|remind|warn|explain|include|simplify|improve|use|support|cut|reduce|test|update|hire|answer|be|not)(?:\s|$)/u;
const SV_CHANGE_LEAD =
  /^(?:jag skulle vilja|jag vill|jag önskar|ni borde|ni skulle kunna|ni kunde|ni ska|ni kan|jag skulle|kanske|bara|gärna|vad sägs om)(?:\s|$)/u;

/** The change itself, lead-ins dropped ("i would add a reminder" → "add a reminder"), for the summary. */
export function changeCore(text: string, language: Language): string {
  return stripLeading(tidy(text, language), language === 'sv' ? SV_CHANGE_LEAD : EN_CHANGE_LEAD);
}

/** The change as the end of the read-back: "you'd add a reminder", "you'd like a dark mode". */
export function changeClause(text: string, language: Language): string {
  if (language === 'sv') {
    const rest = asSecondPerson(stripLeading(tidy(text, language), SV_CHANGE_LEAD), language);
    return `du skulle vilja ${clipWords(rest)}`;
  }
  const tidied = tidy(text, language);
  const wished = /^i wish (?!you would|you could)/u.test(tidied);
  if (wished) return clipWords(asSecondPerson(tidied, language));
  const rest = stripLeading(tidied, EN_CHANGE_LEAD);
  const said = clipWords(asSecondPerson(rest, language));
  return EN_VERBS.test(rest) ? `you'd ${said}` : `you'd like ${said}`;
}
