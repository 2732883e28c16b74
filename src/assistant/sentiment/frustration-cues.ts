import { normalizeText } from '../nlu/tokenize.js';
import { hasNegativeEmoji } from './sentiment-text.js';

/** What in a message signals frustration, whatever its words ask for. */
export type FrustrationCue =
  | 'shouting'
  | 'swearing'
  | 'insult'
  | 'exclamations'
  | 'repeated_punctuation'
  | 'upset_words'
  | 'angry_emoji'
  | 'repeated_attempt'
  | 'repeated_message';

/** Cues that alone have always meant "hand over" (unless the message is plainly happy). */
export const STRONG_CUES: ReadonlySet<FrustrationCue> = new Set([
  'shouting',
  'swearing',
  'insult',
  'exclamations',
]);

const fold = (text: string) => text.normalize('NFKC').toLowerCase();
const bare = (text: string) => normalizeText(text, { foldDiacritics: true, foldDigits: false });

/** Word-ish boundaries that also work for å, ß, ơ (\b is ASCII-only). */
export const wordPattern = (pattern: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u');

/**
 * A word list matched as written and, for entries of four letters or more, without accents too
 * ("varfor", "enerve", "buc minh"): short ones such as "đm" or "fan" would collide once bare.
 */
function wordList(entries: readonly string[]): (text: string) => boolean {
  const written = wordPattern(entries.join('|'));
  const long = entries.map(bare).filter((e) => e.replace(/[^\p{L}]/gu, '').length >= 4);
  const folded = wordPattern(long.join('|'));
  return (text) => written.test(fold(text)) || folded.test(bare(text));
}

const SWEARING = wordList([
  'fuck\\w*',
  'shit\\w*',
  'bullshit',
  'crap',
  'wtf',
  'jävla',
  'jävlar',
  'helvete',
  'skit\\w*',
  'fan(?! of)',
  'scheiße',
  'scheisse',
  'verdammt',
  'merde',
  'putain',
  'mierda',
  'joder',
  'cazzo',
  'merda',
  'kut',
  'godverdomme',
  'klote',
  'đm',
  'vcl',
  'đéo',
]);

const INSULT = wordList([
  'useless',
  'värdelös\\w*',
  'oanvändbar',
  'nutzlos\\w*',
  'unbrauchbar',
  'inutile',
  'inútil',
  'nutteloos',
  'waardeloos',
  'vô dụng',
  'vô ích',
]);

// Words people use when they are upset, not merely reporting a problem ("my payment failed").
const UPSET = wordList([
  // en
  'fed up',
  'annoy\\w*',
  'angry',
  'furious',
  'pissed',
  'ridiculous',
  'unacceptable',
  'outrageous',
  'frustrat\\w*',
  'disappoint\\w*',
  '(?:sick|tired) of',
  'terrible',
  'horrible',
  'awful',
  'worst(?: \\w+)? (?:service|experience|company|app|support|ever)',
  'nightmare',
  'disaster',
  'hate',
  '(?:losing|lost) my patience',
  // sv
  'trött på',
  'irriter\\w*',
  'arg',
  'förbannad',
  'löjligt',
  'oacceptabelt',
  'besviken',
  'hemsk\\w*',
  'sämsta',
  'mardröm',
  'katastrof',
  'hatar',
  'tålamod\\w*',
  // de
  'nase voll',
  'genervt',
  'nervig',
  'sauer',
  'wütend',
  'lächerlich',
  'frechheit',
  'inakzeptabel',
  'enttäuscht',
  'es satt',
  'furchtbar',
  'schlechteste\\w*',
  'albtraum',
  'katastrophe',
  'hasse',
  'geduld',
  'unfassbar',
  'regt mich\\w* auf',
  // fr
  'marre',
  'agacé\\w*',
  'énerv\\w*',
  'en colère',
  'furieu\\w*',
  'ridicule',
  'inadmissible',
  'inacceptable',
  'déçu\\w*',
  'pire',
  'cauchemar',
  'catastrophe',
  'déteste',
  'n.importe quoi',
  // es
  'hart[oa]',
  'molest[oa]',
  'enfadad[oa]',
  'cabre\\w*',
  'furios[oa]',
  'ridículo',
  'inaceptable',
  'decepcionad[oa]',
  'pesadilla',
  'desastre',
  'odio',
  'paciencia',
  'vergüenza',
  // it
  'stuf[oa]',
  'seccat[oa]',
  'arrabbiat[oa]',
  'ridicolo',
  'inaccettabile',
  'frustrazione',
  'delus[oa]',
  'orribile',
  'peggior\\w*',
  'incubo',
  'disastro',
  'pazienza',
  'vergogna',
  'pessim[oa]',
  // nl
  'zat',
  'beu',
  'geïrriteerd',
  'irritant',
  'boos',
  'woedend',
  'belachelijk',
  'onacceptabel',
  'frustrerend',
  'teleurgesteld',
  'vreselijk',
  'slechtste',
  'nachtmerrie',
  'ramp',
  'schandalig',
  // vi
  'bực\\w*',
  'bực mình',
  'tức',
  'chán',
  'phát điên',
  'vô lý',
  'không thể chấp nhận',
  'thất vọng',
  'tệ nhất',
  'tồi tệ',
  'quá tệ',
  'ác mộng',
  'thảm họa',
  'ghét',
  'kiên nhẫn',
]);

// "This is the third time": the customer has asked before and is counting.
const REPEATED_ATTEMPT = wordList([
  '(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+th) time',
  '(?:twice|\\d+ times|(?:several|many|three|four) times) (?:already|now)',
  'already (?:told|asked|explained|said)\\w*',
  'again and again',
  'over and over',
  'still waiting',
  '(?:andra|tredje|fjärde) gången',
  'redan (?:förklarat|frågat|sagt|skrivit)',
  'om och om igen',
  'väntar fortfarande',
  'zum (?:zweiten|dritten|vierten|x-ten) mal',
  '(?:zweite|dritte|vierte) mal',
  'schon (?:zweimal|dreimal|mehrmals|x-mal|oft)',
  'immer wieder',
  'warte immer noch',
  '(?:deuxième|troisième|quatrième) fois',
  'déjà (?:deux|trois|plusieurs) fois',
  'encore et encore',
  'attends toujours',
  '(?:segunda|tercera|cuarta) vez',
  'ya (?:dos|tres|varias) veces',
  'una y otra vez',
  'sigo esperando',
  '(?:seconda|terza|quarta) volta',
  'già (?:due|tre|più) volte',
  'ancora e ancora',
  'sto ancora aspettando',
  '(?:tweede|derde|vierde) keer',
  'al (?:twee|drie|meerdere) keer',
  'keer op keer',
  'wacht nog steeds',
  'lần thứ (?:hai|ba|tư|\\d+)',
  '(?:hai|ba|nhiều) lần rồi',
  'vẫn (?:đang )?chờ',
]);

function isShouting(text: string): boolean {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.length >= 3 && letters.length >= 10 && upper / letters.length >= 0.8;
}

/** Letters and digits only, so "where is my refund??" and "Where is my refund" are the same message. */
function gist(text: string): string[] {
  return bare(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The customer sent this before, word for word, nearly, or inside a longer message ("I'm fed up,
 * where is my refund"). Messages of fewer than three words ("ok", "yes please") don't count.
 */
function repeatsEarlierMessage(text: string, recent: readonly string[]): boolean {
  const mine = new Set(gist(text));
  if (mine.size < 3) return false;
  return recent.some((earlier) => {
    const theirs = new Set(gist(earlier));
    if (theirs.size < 3) return false;
    let shared = 0;
    for (const w of mine) if (theirs.has(w)) shared++;
    return shared / Math.min(mine.size, theirs.size) >= 0.8;
  });
}

/** Every frustration cue in a message; `recent` are the customer's earlier messages, oldest first. */
export function frustrationCues(text: string, recent: readonly string[] = []): FrustrationCue[] {
  const cues: FrustrationCue[] = [];
  if (isShouting(text)) cues.push('shouting');
  if (SWEARING(text)) cues.push('swearing');
  if (INSULT(text)) cues.push('insult');
  if (/!{3,}/.test(text)) cues.push('exclamations');
  else if (/[!?]{2,}/.test(text)) cues.push('repeated_punctuation');
  if (UPSET(text)) cues.push('upset_words');
  if (hasNegativeEmoji(text)) cues.push('angry_emoji');
  if (REPEATED_ATTEMPT(text)) cues.push('repeated_attempt');
  if (repeatsEarlierMessage(text, recent)) cues.push('repeated_message');
  return cues;
}

/** Strong frustration from the words alone: shouting, swearing, "useless", or a run of exclamation marks. */
export function hasStrongFrustrationCue(text: string): boolean {
  return frustrationCues(text).some((cue) => STRONG_CUES.has(cue));
}
