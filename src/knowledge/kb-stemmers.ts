/**
 * Light suffix-stripping stemmers for German, French, Spanish, Italian and Dutch, on
 * accent-folded words. Not linguistically complete: they only have to make the inflections a
 * help article and a customer use meet (Gebühr/Gebühren, remboursé/remboursement,
 * pagos/pagar). Longest suffix first; a stem keeps at least `min` letters.
 */

function strip(word: string, suffixes: readonly string[], min: number): string {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= min) return word.slice(0, -suffix.length);
  }
  return word;
}

const DE_SUFFIXES = [
  'ungen',
  'heiten',
  'keiten',
  'lichen',
  'liche',
  'lich',
  'ung',
  'heit',
  'keit',
  'isch',
  'ern',
  'em',
  'en',
  'er',
  'es',
  'st',
  'e',
  's',
  'n',
  't',
];

/** German: plural, case and verb endings (Zahlungen → zahl, erstattet → erstatt). */
export function stemGerman(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  const s = strip(word.replace(/ß/g, 'ss'), DE_SUFFIXES, 4);
  // A second, smaller layer: "Gebühren" → "gebuhr" either way.
  return strip(s, ['en', 'er', 'e'], 4);
}

const FR_SUFFIXES = [
  'issements',
  'issement',
  'ements',
  'ement',
  'ations',
  'ation',
  'atrices',
  'atrice',
  'ateurs',
  'ateur',
  'ments',
  'ment',
  'euses',
  'euse',
  'ances',
  'ance',
  'ences',
  'ence',
  'ites',
  'ite',
  'ives',
  'ive',
  'ifs',
  'if',
  'eux',
  'ees',
  'ee',
  'ez',
  'er',
  'es',
  'ent',
  'ais',
  'ait',
  'e',
  's',
  'x',
];

/** French: remboursé, remboursement, rembourser → rembours. */
export function stemFrench(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const s = strip(word, FR_SUFFIXES, 3);
  return s.length > 4 && s.endsWith('e') ? s.slice(0, -1) : s;
}

const ES_SUFFIXES = [
  'amientos',
  'imientos',
  'amiento',
  'imiento',
  'uciones',
  'aciones',
  'ucion',
  'acion',
  'adoras',
  'adores',
  'adora',
  'ador',
  'ancias',
  'ancia',
  'idades',
  'idad',
  'mente',
  'ables',
  'able',
  'ibles',
  'ible',
  'ando',
  'iendo',
  'ados',
  'adas',
  'idos',
  'idas',
  'ado',
  'ada',
  'ido',
  'ida',
  'ais',
  'eis',
  'ar',
  'er',
  'ir',
  'as',
  'es',
  'os',
  'a',
  'e',
  'o',
  's',
];

/** Spanish: pagos, pagar, pagado → pag; devolución, devoluciones → devol. */
export function stemSpanish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return strip(word, ES_SUFFIXES, 3);
}

const IT_SUFFIXES = [
  'azioni',
  'azione',
  'amenti',
  'amento',
  'imenti',
  'imento',
  'mente',
  'abili',
  'abile',
  'ibili',
  'ibile',
  'ando',
  'endo',
  'ati',
  'ate',
  'ato',
  'iti',
  'ite',
  'ito',
  'uti',
  'ute',
  'uto',
  'are',
  'ere',
  'ire',
  'ita',
  'i',
  'e',
  'o',
  'a',
];

/** Italian: rimborso, rimborsi, rimborsato → rimbors. */
export function stemItalian(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return strip(word, IT_SUFFIXES, 3);
}

const NL_SUFFIXES = ['heden', 'ingen', 'heid', 'ing', 'en', 'je', 'e', 's'];

/** Dutch: betalingen, betaling, betalen, betaal → betal (doubled vowels and consonants undone). */
export function stemDutch(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = strip(word, NL_SUFFIXES, 3);
  if (/([bdfgklmnprt])\1$/.test(s)) s = s.slice(0, -1);
  // Open and closed syllables spell the same vowel differently: "stuur" / "sturen".
  return s.replace(/(aa|ee|oo|uu)([^aeiou])$/, (_, vowel: string, c: string) => vowel[0] + c);
}
