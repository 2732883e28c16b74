import type { KbLocale } from './list-articles.js';

/**
 * Text normalisation for help-centre search: lower-case, accent folding, stop words and a
 * light suffix-stripping stemmer per language. Deliberately small: it only has to make the
 * same word in different inflections meet, on both the article and the question side.
 */

const EN_STOP = new Set(
  (
    'a an the and or but if of to in on at for from by with about as into is are was were be been being ' +
    'do does did doing done have has had having i me my mine myself we our us you your yours it its ' +
    'this that these those what whats which who whom when where why how can could would should will ' +
    'shall may might must not no there here then than so too very just also any some all each get got ' +
    'im ive id dont doesnt didnt cant wont isnt arent please hi hello hey thanks thank want wanted need ' +
    'know tell tandem one other them they their he she him her his hers up out like really still yet ' +
    'way thing something anything anyone someone us ok okay oh work works working'
  ).split(' '),
);

const SV_STOP = new Set(
  (
    'och i att det som en ett pa ar av for med till den de dem om har hade inte jag du vi ni han hon man ' +
    'kan kunde ska skulle vill ville min mitt mina din ditt dina er era var vart vara hur vad nar varfor ' +
    'vilken vilket vilka sa sig sin sitt sina men eller fran hos da nu mig dig oss ju bara ocksa an efter ' +
    'vid ut blir bli blev ar hej tack snalla nagon nagot nagra mycket alla allt detta dessa denna tandem ' +
    'finns fa far fick gor gora gjorde sedan redan mer just typ liksom lite fungerar funkar'
  ).split(' '),
);

/** Lower-case and fold accents (å→a, ä→a, ö→o, é→e) so spelling without them still matches. */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Words of a text, folded, apostrophes joined ("don't" → "dont"), markdown punctuation dropped. */
export function words(text: string): string[] {
  return (
    foldText(text)
      .replace(/['’]/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

export function isStopWord(word: string, locale: KbLocale): boolean {
  return (locale === 'sv' ? SV_STOP : EN_STOP).has(word);
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

export function stem(word: string, locale: KbLocale): string {
  return locale === 'sv' ? stemSwedish(word) : stemEnglish(word);
}

/** Content-word stems of a text, in order, stop words removed. */
export function tokenise(text: string, locale: KbLocale): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (isStopWord(word, locale)) continue;
    const stemmed = stem(word, locale);
    if (stemmed.length < 2 && !/\d/.test(stemmed)) continue;
    // English stems like "thank" (from "thanks") are stop words too; Swedish stems are not
    // ("månader" → "man").
    if (locale === 'en' && isStopWord(stemmed, locale)) continue;
    out.push(stemmed);
  }
  return out;
}

/**
 * Splits a Swedish compound into two known stems ("kopgrans" → ["kop", "gran"]) when both halves
 * are in `vocabulary`, allowing a linking -s- ("betalningsplan"). Returns [] when no split fits.
 */
export function splitCompound(word: string, vocabulary: ReadonlySet<string>): string[] {
  if (word.length < 7 || /\d/.test(word)) return [];
  let best: string[] = [];
  let bestScore = 0;
  for (let i = 3; i <= word.length - 3; i++) {
    const tail = stemSwedish(word.slice(i));
    // An unknown tail is allowed after a long known head ("grundar|linjen"): it can only ever
    // match the same compound again.
    if (!vocabulary.has(tail) && (i < 5 || tail.length < 4)) continue;
    let head = word.slice(0, i);
    if (!vocabulary.has(head) && !vocabulary.has(stemSwedish(head))) {
      if (!head.endsWith('s')) continue;
      head = head.slice(0, -1);
      if (head.length < 3 || !vocabulary.has(head)) continue;
    }
    const headStem = vocabulary.has(head) ? head : stemSwedish(head);
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
