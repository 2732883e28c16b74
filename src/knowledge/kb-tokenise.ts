import { stemDutch, stemFrench, stemGerman, stemItalian, stemSpanish } from './kb-stemmers.js';
import { KB_STOP_WORDS } from './kb-stop-words.js';
import type { KbLocale } from './list-articles.js';

/**
 * Text normalisation for help-centre search: lower-case, accent folding, stop words and a
 * light suffix-stripping stemmer per language. Deliberately small: it only has to make the
 * same word in different inflections meet, on both the article and the question side.
 */

/**
 * Lower-case and fold accents (å→a, ä→a, ö→o, é→e, ơ→o, đ→d, ß→ss) so spelling without them
 * still matches.
 */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/ß/g, 'ss');
}

// French and Italian elide articles ("l'article", "dell'app"): the apostrophe separates words.
// In English and the others it joins them ("don't" → "dont").
const ELIDING: ReadonlySet<KbLocale> = new Set(['fr', 'it']);

/** Words of a text, folded, apostrophes handled per language, markdown punctuation dropped. */
export function words(text: string, locale: KbLocale = 'en'): string[] {
  return (
    foldText(text)
      .replace(/['’]/g, ELIDING.has(locale) ? ' ' : '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

export function isStopWord(word: string, locale: KbLocale): boolean {
  return KB_STOP_WORDS[locale].has(word);
}

const DOUBLED = /([bcdfgkmnprt])\1$/;

/** English: plurals, -ing, -ed, -ly and a final -e, so postpone/postponed/postponing meet. */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ied', 'ier', 'ed', 'ly']) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 3) {
      s = s.slice(0, -suffix.length);
      if (suffix === 'ied' || suffix === 'ier') s += 'y';
      // cancelled → cancel, stopped → stop; "called" stays "call" (too short to undouble).
      else if (DOUBLED.test(s) || (s.endsWith('ll') && s.length > 4)) s = s.slice(0, -1);
      break;
    }
  }
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  if (s.endsWith('y') && s.length > 3 && !/[aeiou]y$/.test(s)) s = s.slice(0, -1) + 'i';
  // US and British spelling meet: recognize → recognis.
  return s.replace(/iz$/, 'is');
}

// Longest first; a subset of the Snowball Swedish step-1 list plus -ning forms.
const SV_SUFFIXES = [
  'ningarnas',
  'ningarna',
  'heterna',
  'ningar',
  'ningen',
  'hetens',
  'anden',
  'heten',
  'heter',
  'arnas',
  'ernas',
  'ornas',
  'andes',
  'arens',
  'andet',
  'arna',
  'erna',
  'orna',
  'ande',
  'ende',
  'arne',
  'aste',
  'aren',
  'ades',
  'erns',
  'ning',
  'ade',
  'its',
  'are',
  'ern',
  'ens',
  'ets',
  'het',
  'ast',
  'ad',
  'en',
  'et',
  'ar',
  'er',
  'or',
  'as',
  'es',
  'at',
  'it',
  'a',
  'e',
];
const SV_S_ENDING = /[bcdfghjklmnoprtvy]s$/;

function stripSwedishOnce(word: string): string {
  for (const suffix of SV_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  if (SV_S_ENDING.test(word) && word.length > 4) return word.slice(0, -1);
  return word;
}

/** Swedish: definite and plural endings (köpgränsen → köpgrän(s)), up to two layers deep. */
export function stemSwedish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = stripSwedishOnce(word);
  if (s !== word && s.length > 4) s = stripSwedishOnce(s);
  if (/(dd|gd|nn|dt|gt|kt|tt)$/.test(s)) s = s.slice(0, -1);
  for (const suffix of ['lig', 'ig', 'els']) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 3) return s.slice(0, -suffix.length);
  }
  return s;
}

const STEMMERS: Readonly<Record<KbLocale, (word: string) => string>> = {
  en: stemEnglish,
  sv: stemSwedish,
  de: stemGerman,
  fr: stemFrench,
  es: stemSpanish,
  it: stemItalian,
  nl: stemDutch,
  // Vietnamese words do not inflect; syllable pairs carry the meaning instead (see tokenise).
  vi: (word) => word,
};

export function stem(word: string, locale: KbLocale): string {
  return STEMMERS[locale](word);
}

/** Languages that write compounds as one word ("Mahngebühr", "aanmaningskosten", "köpgräns"). */
export const COMPOUNDING: ReadonlySet<KbLocale> = new Set(['sv', 'de', 'nl']);

const VI_TONED_STOP = new Set(
  (
    'tôi mình bạn các này kia đó là thì và với của cho để được bị đã sẽ đang có khi nào gì sao thế ' +
    'làm vậy à ơi nhé nha ư hả chứ ạ em anh nên nhưng một nhiều rất hay hoặc cũng còn nữa rồi ở từ ' +
    'trong ngoài lên xuống vào ra xin chào cảm ơn bao nhiêu tandem'
  ).split(' '),
);

/** Syllables and neighbouring pairs of content syllables, in one spelling (toned or folded). */
function vietnameseTokens(syllables: readonly string[], stop: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  for (const word of syllables) {
    if (stop.has(word)) {
      previous = undefined;
      continue;
    }
    out.push(word);
    if (previous) out.push(`${previous}_${word}`);
    previous = word;
  }
  return out;
}

/**
 * Vietnamese: every syllable is written apart, so "trả hàng" (return goods) is two tokens. Each
 * syllable counts, and so does each pair of neighbouring content syllables ("trả_hàng"). Tone
 * marks carry meaning ("tối" evening, "tôi" I; "đội" team, "đổi" change), so a question typed
 * with them is matched on toned syllables, and one typed without them on folded ones
 * ("tra_hang"); documents are indexed both ways.
 */
function tokeniseVietnamese(text: string, mode: TokeniseMode): string[] {
  const toned =
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const folded = toned.map((w) => foldText(w));
  const hasTones = toned.some((w, i) => w !== folded[i]);
  const foldedTokens = vietnameseTokens(folded, KB_STOP_WORDS.vi);
  if (mode === 'query' && !hasTones) return foldedTokens;
  const tonedTokens = vietnameseTokens(toned, VI_TONED_STOP);
  if (mode === 'query') return tonedTokens;
  return [...tonedTokens, ...foldedTokens.filter((t) => !tonedTokens.includes(t))];
}

/** A question is tokenised as typed; help-centre text may be indexed in more than one spelling. */
export type TokeniseMode = 'query' | 'document';

/** Content-word stems of a text, in order, stop words removed. */
export function tokenise(text: string, locale: KbLocale, mode: TokeniseMode = 'query'): string[] {
  if (locale === 'vi') return tokeniseVietnamese(text, mode);
  const out: string[] = [];
  for (const word of words(text, locale)) {
    if (isStopWord(word, locale)) continue;
    const stemmed = stem(word, locale);
    if (stemmed.length < 2 && !/\d/.test(stemmed)) continue;
    // English stems like "thank" (from "thanks") are stop words too; other languages' stems are
    // not ("månader" → "man").
    if (locale === 'en' && isStopWord(stemmed, locale)) continue;
    out.push(stemmed);
  }
  return out;
}

// Linking letters between the parts of a compound: "betalning|s|plan", "Zahlung|s|plan",
// "aanmaning|s|kosten", "Kunde|n|konto".
const LINKERS: Readonly<Partial<Record<KbLocale, readonly string[]>>> = {
  sv: ['s'],
  de: ['s', 'n', 'en', 'e'],
  nl: ['s', 'en', 'e'],
};

/**
 * Splits a compound into two known stems ("kopgrans" → ["kop", "gran"], "mahngebuhr" →
 * ["mahn", "gebuhr"]) when both halves are in `vocabulary`, allowing a linking letter
 * ("betalningsplan"). Returns [] when no split fits.
 */
export function splitCompound(
  word: string,
  vocabulary: ReadonlySet<string>,
  locale: KbLocale = 'sv',
): string[] {
  if (word.length < 7 || /\d/.test(word)) return [];
  const stemmer = STEMMERS[locale];
  const linkers = LINKERS[locale] ?? [];
  let best: string[] = [];
  let bestScore = 0;
  for (let i = 3; i <= word.length - 3; i++) {
    const tail = stemmer(word.slice(i));
    // An unknown tail is allowed after a long known head ("grundar|linjen"): it can only ever
    // match the same compound again.
    if (!vocabulary.has(tail) && (i < 5 || tail.length < 4)) continue;
    const rawHead = word.slice(0, i);
    const candidates = [rawHead, stemmer(rawHead)];
    for (const linker of linkers) {
      if (rawHead.endsWith(linker) && rawHead.length - linker.length >= 3) {
        const bare = rawHead.slice(0, -linker.length);
        candidates.push(bare, stemmer(bare));
      }
    }
    const headStem = candidates.find((c) => vocabulary.has(c));
    if (!headStem) continue;
    // Prefer balanced splits ("kop|grans" over "kopgr|ans") where both halves are known words.
    const score = Math.min(headStem.length, tail.length) + (vocabulary.has(tail) ? 10 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = [headStem, tail];
    }
  }
  return best;
}

/** Damerau–Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
