/** Keyword rules that must work even when the classifier is unsure: a person is always one message away. */
import { hasStrongFrustrationCue } from '../sentiment/frustration-cues.js';

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

export function asksForHuman(text: string): boolean {
  return HUMAN.test(fold(text));
}

export function isUrgent(text: string): boolean {
  return URGENT.test(fold(text));
}

/** Strong frustration from the words alone; the assistant combines it with the sentiment model (assessSentiment). */
export function isStronglyFrustrated(text: string): boolean {
  return hasStrongFrustrationCue(text);
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
