/*
 * Calendar words in the eight languages, accent-folded and lower-cased (see fold.ts). They are
 * merged across languages on purpose: customers switch languages mid-sentence, and no two
 * languages use one of these words for different things in the positions the patterns allow.
 */

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'januari', 'januar', 'janner', 'janvier', 'enero', 'gennaio'],
  ['february', 'feb', 'februari', 'februar', 'fevrier', 'febrero', 'febbraio'],
  ['march', 'mar', 'mars', 'marz', 'maerz', 'marzo', 'maart'],
  ['april', 'apr', 'avril', 'abril', 'aprile'],
  ['may', 'maj', 'mai', 'mayo', 'maggio', 'mei'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio'],
  ['august', 'aug', 'augusti', 'aout', 'agosto', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre'],
  ['october', 'oct', 'okt', 'oktober', 'octobre', 'octubre', 'ottobre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'decembre', 'diciembre', 'dicembre', 'dez'],
];

/** Folded month word → month number 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

/** Sunday = 0, like Date#getUTCDay. */
const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['sunday', 'sondag', 'sonntag', 'dimanche', 'domingo', 'domenica', 'zondag', 'chu nhat'],
  ['monday', 'mandag', 'montag', 'lundi', 'lunes', 'lunedi', 'maandag', 'thu hai'],
  ['tuesday', 'tisdag', 'dienstag', 'mardi', 'martes', 'martedi', 'dinsdag', 'thu ba'],
  ['wednesday', 'onsdag', 'mittwoch', 'mercredi', 'miercoles', 'mercoledi', 'woensdag', 'thu tu'],
  ['thursday', 'torsdag', 'donnerstag', 'jeudi', 'jueves', 'giovedi', 'donderdag', 'thu nam'],
  ['friday', 'fredag', 'freitag', 'vendredi', 'viernes', 'venerdi', 'vrijdag', 'thu sau'],
  ['saturday', 'lordag', 'samstag', 'sonnabend', 'samedi', 'sabado', 'sabato', 'zaterdag', 'thu bay'],
];

export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  WEEKDAY_NAMES.flatMap((names, i) => names.map((n) => [n, i] as const)),
);

/** Number words up to fifteen, plus the indefinite articles that mean "one" ("a week", "eine Woche"). */
const NUMBER_NAMES: readonly (readonly string[])[] = [
  ['a', 'an', 'one', 'en', 'ett', 'ein', 'eine', 'einen', 'un', 'une', 'uno', 'una', 'een', 'mot'],
  ['two', 'couple of', 'tva', 'zwei', 'deux', 'dos', 'due', 'twee', 'hai'],
  ['three', 'tre', 'drei', 'trois', 'tres', 'drie', 'ba'],
  ['four', 'fyra', 'vier', 'quatre', 'cuatro', 'quattro', 'bon'],
  ['five', 'fem', 'funf', 'cinq', 'cinco', 'cinque', 'vijf', 'nam'],
  ['six', 'sex', 'sechs', 'seis', 'sei', 'zes', 'sau'],
  ['seven', 'sju', 'sieben', 'sept', 'siete', 'sette', 'zeven', 'bay'],
  ['eight', 'atta', 'acht', 'huit', 'ocho', 'otto', 'tam'],
  ['nine', 'nio', 'neun', 'neuf', 'nueve', 'nove', 'negen', 'chin'],
  ['ten', 'tio', 'zehn', 'dix', 'diez', 'dieci', 'tien', 'muoi'],
  ['eleven', 'elva', 'elf', 'onze', 'once', 'undici'],
  ['twelve', 'tolv', 'zwolf', 'douze', 'doce', 'dodici', 'twaalf'],
  ['thirteen', 'tretton', 'dreizehn', 'treize', 'trece', 'tredici', 'dertien'],
  ['fourteen', 'fjorton', 'vierzehn', 'quatorze', 'catorce', 'quattordici', 'veertien'],
  ['fifteen', 'femton', 'funfzehn', 'quinze', 'quince', 'quindici', 'vijftien'],
];

export const NUMBERS: ReadonlyMap<string, number> = new Map(
  NUMBER_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

export const DAY_UNITS = [
  'days',
  'day',
  'dagar',
  'dag',
  'dagen',
  'tagen',
  'tage',
  'tag',
  'jours',
  'jour',
  'dias',
  'dia',
  'giorni',
  'giorno',
  'ngay',
];
export const WEEK_UNITS = [
  'weeks',
  'week',
  'veckor',
  'vecka',
  'veckan',
  'wochen',
  'woche',
  'semaines',
  'semaine',
  'semanas',
  'semana',
  'settimane',
  'settimana',
  'weken',
  'tuan',
];
export const FORTNIGHT = ['fortnight', 'quinzaine', 'quincena'];

/** "in two weeks": the words that turn a duration into a date counted from today. */
export const IN_WORDS = [
  'in',
  'within',
  'om',
  'inom',
  'dans',
  'en',
  'dentro de',
  'tra',
  'fra',
  'entro',
  'over',
  'binnen',
  'sau',
];
/** Vietnamese puts it after: "hai tuần nữa". */
export const IN_SUFFIX = ['nua'];

/** Relative days from today. */
export const RELATIVE_DAYS: readonly (readonly [string, number])[] = [
  ['day after tomorrow', 2],
  ['i overmorgon', 2],
  ['overmorgon', 2],
  ['ubermorgen', 2],
  ['apres-demain', 2],
  ['apres demain', 2],
  ['pasado manana', 2],
  ['dopodomani', 2],
  ['ngay kia', 2],
  ['ngay mot', 2],
  ['tomorrow', 1],
  ['imorgon', 1],
  ['i morgon', 1],
  ['demain', 1],
  ['manana', 1],
  ['domani', 1],
  ['ngay mai', 1],
  ['morgen', 1],
  ['today', 0],
  ['idag', 0],
  ['i dag', 0],
  ['heute', 0],
  ["aujourd'hui", 0],
  ['aujourdhui', 0],
  ['hoy', 0],
  ['oggi', 0],
  ['vandaag', 0],
  ['hom nay', 0],
];

/** "next week" in each language: seven days from today. */
export const NEXT_WEEK = [
  'next week',
  'nasta vecka',
  'naste woche',
  'nachste woche',
  'nachsten woche',
  'la semaine prochaine',
  'semaine prochaine',
  'la proxima semana',
  'la semana que viene',
  'la prossima settimana',
  'settimana prossima',
  'volgende week',
  'tuan sau',
  'tuan toi',
];
