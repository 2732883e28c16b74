/**
 * Finds personal data in free text (chat messages, call transcripts) and replaces it with a
 * typed placeholder: card numbers, national identity numbers, IBANs, email addresses and
 * phone numbers. Used where text leaves the system of record for analysis, and for card
 * numbers before a customer message is stored at all (a card number must never be kept).
 *
 * It errs on the side of redacting: a false positive costs an analyst a digit string; a
 * false negative leaks a customer's identity. Amounts, dates and order references
 * (`TDM-…`) are left alone so the copy stays useful.
 */

export type PersonalDataKind = 'card' | 'national_id' | 'iban' | 'email' | 'phone';

export interface Redaction {
  text: string;
  /** How many of each kind were replaced. */
  found: Partial<Record<PersonalDataKind, number>>;
}

export const PERSONAL_DATA_PLACEHOLDER: Record<PersonalDataKind, string> = {
  card: '[card number removed]',
  national_id: '[national id]',
  iban: '[iban]',
  email: '[email]',
  phone: '[phone]',
};

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The Luhn checksum used by card numbers and Swedish personal identity numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function swedishPersonalNumber(raw: string): boolean {
  const d = digitsOf(raw);
  const ten = d.length === 12 ? d.slice(2) : d;
  if (ten.length !== 10) return false;
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  // Coordination numbers add 60 to the day.
  const dayOk = (day >= 1 && day <= 31) || (day >= 61 && day <= 91);
  return month >= 1 && month <= 12 && dayOk && luhnValid(ten);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
function spanishId(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  const nie = { X: '0', Y: '1', Z: '2' } as Record<string, string>;
  const numeric = (nie[s[0] ?? ''] ?? s[0]) + s.slice(1, -1);
  return /^\d{8}$/.test(numeric) && DNI_LETTERS[Number(numeric) % 23] === s.at(-1);
}

function dutchBsn(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 9) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0 && sum > 0;
}

interface Rule {
  kind: PersonalDataKind;
  pattern: RegExp;
  /** Extra check on the match; without one every match is redacted. */
  accept?: (match: string) => boolean;
}

const isDateShaped = (s: string) =>
  /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(s.trim()) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(s.trim());

// Order matters: the more specific kinds go first so their digits are gone before the phone rule looks.
const RULES: Rule[] = [
  { kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  {
    kind: 'iban',
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi,
    accept: ibanValid,
  },
  {
    // 13–19 digits as a card number is typed: Luhn-valid, or unbroken, or in card groups (4-4-4-4…, 4-6-5).
    // A mistyped card number is just as sensitive, so the checksum alone does not decide.
    kind: 'card',
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (m) =>
      luhnValid(digitsOf(m)) ||
      /^\d+$/.test(m) ||
      /^\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}$/.test(m) ||
      /^\d{4}([ -])\d{6}\1\d{4,5}$/.test(m),
  },
  {
    // Swedish personnummer / samordningsnummer: (YY)YYMMDD-NNNN.
    kind: 'national_id',
    pattern: /(?<![\d-])(?:19|20)?\d{6}[-+ ]?\d{4}(?![\d-])/g,
    accept: swedishPersonalNumber,
  },
  // US social security number.
  { kind: 'national_id', pattern: /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/g },
  // Spanish DNI / NIE with their check letter.
  {
    kind: 'national_id',
    pattern: /\b[XYZ]?\d{7,8}[ -]?[A-Z]\b/gi,
    accept: spanishId,
  },
  // Italian codice fiscale.
  { kind: 'national_id', pattern: /\b[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]\b/gi },
  // French NIR (sécurité sociale): 13 digits, 15 with the key.
  {
    kind: 'national_id',
    pattern: /(?<!\d)[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3}(?: ?\d{2})?(?!\d)/g,
  },
  // Dutch BSN (eleven-test).
  { kind: 'national_id', pattern: /(?<![\d-])\d{9}(?![\d-])/g, accept: dutchBsn },
  {
    // After a word that names an identity number, whatever id-like token follows.
    kind: 'national_id',
    pattern:
      /\b(?:ssn|social security(?: number)?|personnummer|samordningsnummer|bsn|burgerservicenummer|dni|nie|nif|codice fiscale|steuer-?id|personalausweis(?:nummer)?|cccd|cmnd|căn cước|national id(?: number)?|id number|numéro de sécurité sociale|nir)\b[^\d\n]{0,24}?([A-Z0-9][A-Z0-9 -]{4,20}\d)/giu,
  },
  {
    // International (+ or 00) or national (leading 0) numbers with 8–15 digits.
    kind: 'phone',
    pattern: /(?<![\w+-])(?:(?:\+|00)\d|0\d)[\d ().-]{6,18}\d(?!\d)/g,
    accept: (m) => {
      const n = digitsOf(m).length;
      return n >= 8 && n <= 15 && !isDateShaped(m);
    },
  },
];

/** Replaces personal data in `text`; `kinds` limits which kinds are looked for (default: all). */
export function redactPersonalData(
  text: string,
  kinds: readonly PersonalDataKind[] = ['card', 'national_id', 'iban', 'email', 'phone'],
): Redaction {
  const found: Redaction['found'] = {};
  let out = text;
  for (const rule of RULES) {
    if (!kinds.includes(rule.kind)) continue;
    out = out.replace(rule.pattern, (match: string, group?: unknown) => {
      // The keyword rule redacts only the number after the keyword.
      const target = typeof group === 'string' ? group : match;
      if (rule.accept && !rule.accept(target)) return match;
      found[rule.kind] = (found[rule.kind] ?? 0) + 1;
      return match.replace(target, PERSONAL_DATA_PLACEHOLDER[rule.kind]);
    });
  }
  return { text: out, found };
}
