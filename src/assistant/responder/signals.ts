/** Keyword rules that must work even when the classifier is unsure: a person is always one message away. */

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

// Word-ish boundaries that also work for å, ß, ơ (\b is ASCII-only).
const word = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u');

const HUMAN = word(
  [
    'humans?',
    'persons?',
    'agents?',
    'människa',
    'människor',
    'handläggare',
    'mensch(?:en)?',
    'mitarbeiter(?:in|innen)?',
    'humains?',
    'conseill(?:er|ère|ers)',
    'personas?',
    'humanos?',
    'operator[ei]',
    'persona reale',
    'medewerkers?',
    'mens',
    'nhân viên',
    'người thật',
    'tư vấn viên',
    // Staff by other names, in each language.
    'staff(?: members?)?',
    'employees?',
    'representatives?',
    'operators?',
    'anställd(?:a)?',
    'handläggaren',
    'berater(?:in)?',
    'sachbearbeiter(?:in)?',
    'opérat(?:eur|rice)',
    'operador(?:a|es)?',
    'agentes?',
    'operatrice',
  ].join('|'),
);

// Danger to life or safety goes to a person at once, ahead of every other rule.
const URGENT = word(
  [
    'kill myself',
    'suicid\\w*',
    'end my life',
    'hurt myself',
    'self[- ]harm',
    'abus(?:e|ed|ive)',
    'domestic violence',
    'coerced',
    'forc(?:es|ed|ing) me to',
    'självmord',
    'ta livet av mig',
    'misshandl\\w*',
    'selbstmord',
    'suizid\\w*',
    'mich umbringen',
    'gewalt',
    'me tuer',
    'violence',
    'suicidarme',
    'quitarme la vida',
    'maltrato',
    'violencia',
    'uccidermi',
    'violenza',
    'zelfmoord',
    'geweld',
    'mishandel\\w*',
    'tự tử',
    'tự sát',
    'bạo lực',
    'bạo hành',
  ].join('|'),
);

const SWEARING = word(
  [
    'fuck\\w*',
    'shit\\w*',
    'bullshit',
    'crap',
    'wtf',
    'jävla',
    'jävlar',
    'helvete',
    'skit\\w*',
    'fan',
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
  ].join('|'),
);

const USELESS = word(
  [
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
  ].join('|'),
);

export function asksForHuman(text: string): boolean {
  return HUMAN.test(fold(text));
}

export function isUrgent(text: string): boolean {
  return URGENT.test(fold(text));
}

/** Strong frustration: shouting, swearing, "useless", or a run of exclamation marks. */
export function isStronglyFrustrated(text: string): boolean {
  if (/!{3,}/.test(text) || SWEARING.test(fold(text)) || USELESS.test(fold(text))) return true;
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.length >= 3 && letters.length >= 10 && upper / letters.length >= 0.8;
}

const YES = new Set(
  'yes yeah yep yup sure ok okay correct please ja japp jajamen visst absolut gärna genau jawohl bitte oui ouais daccord sí si vale claro certo sì jazeker graag có vâng dạ đúng ừ'.split(
    ' ',
  ),
);
const NO = new Set('no nope nah cancel nej nä nein non nee niet không ko'.split(' '));

/** A short yes or no in any of the eight languages; longer messages are left to the classifier. */
export function yesOrNo(text: string): 'yes' | 'no' | undefined {
  const tokens = fold(text)
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
  if (tokens.length === 0 || tokens.length > 6) return undefined;
  const yes = tokens.some((t) => YES.has(t));
  const no = tokens.some((t) => NO.has(t));
  if (yes && !no) return 'yes';
  if (no && !yes) return 'no';
  return undefined;
}
