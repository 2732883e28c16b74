import { detectLanguage, type Language } from '../language/detect-language.js';

/**
 * The guard between an LLM's wording and the customer: a generated reply may only state the
 * figures (amounts, numbers, percentages, dates), statuses and currencies that the flow's own
 * template reply stated, or that the customer wrote themselves, and must keep all of the
 * template's. Pure and deterministic: it runs on every generated reply.
 */

export type FigureRejection =
  | 'empty'
  | 'too_long'
  | 'invented_figure'
  | 'dropped_figure'
  | 'invented_status'
  | 'dropped_status'
  | 'wrong_language'
  | 'new_link'
  | 'advice';

export type FigureCheckResult = { ok: true } | { ok: false; reason: FigureRejection; detail: string };

export interface Figures {
  /** Canonical numbers: "1234.5", "15%". */
  numbers: string[];
  /** Canonical dates "MM-DD" or "YYYY-MM-DD" (year only when the text gave one). */
  dates: string[];
  /** Status, currency, weekday and relative-day categories, e.g. "status:overdue", "currency:SEK". */
  facts: string[];
}

// Decomposes accents (é → e, ơ → o) so "versé" and "verse" or "tháng" and "thang" compare equal.
const fold = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const MONTHS: Record<string, number> = {};
const addMonths = (names: string) =>
  names.split(' ').forEach((group, i) => {
    for (const name of group.split('|')) MONTHS[fold(name)] = i + 1;
  });
addMonths(
  'january|jan february|feb march|mar april|apr may june|jun july|jul august|aug september|sep|sept october|oct november|nov december|dec',
);
addMonths('januari februari mars april maj juni juli augusti september oktober november december');
addMonths(
  'januar|jänner februar märz|maerz|mär|mrz april mai juni juli august september oktober|okt november dezember|dez',
);
addMonths(
  'janvier|janv février|févr|fév mars avril|avr mai juin juillet|juil août septembre octobre novembre décembre|déc',
);
addMonths(
  'enero|ene febrero marzo abril|abr mayo junio julio agosto|ago septiembre|setiembre octubre noviembre diciembre|dic',
);
addMonths(
  'gennaio|gen febbraio marzo aprile maggio|mag giugno|giu luglio|lug agosto settembre|set ottobre|ott novembre dicembre',
);
addMonths('januari februari maart|mrt april mei juni juli augustus september oktober november december');

const MONTH_NAME = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|er|e|\.|º)?`;
const YEAR = String.raw`(?:,?\s*(?:de\s+|del\s+)?(\d{4}))?`;

/** Each pattern runs on folded text and turns a match into [year?, month, day]. */
const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [string | undefined, number, number][] }[] =
  [
    { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, read: (m) => [[m[1], Number(m[2]), Number(m[3])]] },
    {
      // Vietnamese: "ngày 21 tháng 11 năm 2026", "21 tháng 11, 2026".
      re: /(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})(?:,?\s*(?:nam\s+)?(\d{4}))?/g,
      read: (m) => [[m[3], Number(m[2]), Number(m[1])]],
    },
    {
      // "21 november 2026", "21. November", "21 de noviembre de 2026", "1er mars".
      re: new RegExp(
        String.raw`(?<![\p{L}\d.,])${DAY}\s*(?:de\s+)?(${MONTH_NAME})\.?(?![\p{L}])${YEAR}`,
        'gu',
      ),
      read: (m) => [[m[3], MONTHS[m[2]!]!, Number(m[1])]],
    },
    {
      // "November 21, 2026", "Nov 21st".
      re: new RegExp(String.raw`(?<![\p{L}])(${MONTH_NAME})\.?\s+${DAY}(?!\d)${YEAR}`, 'gu'),
      read: (m) => [[m[3], MONTHS[m[1]!]!, Number(m[2])]],
    },
    {
      // Numeric with a year: 21.11.2026, 21/11/2026, 21-11-2026, 11/21/2026 (US order when the day cannot be a month).
      re: /(?<![\d.,])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/g,
      read: (m) => dayMonthEitherWay(m[1]!, m[3]!, m[2] === '/', m[4]),
    },
    {
      // Without a year only where it cannot be an amount: "21/11", "am 21.11."
      re: /(?<![\d.,])(\d{1,2})(?:\/(\d{1,2})(?![\d/])|\.(\d{1,2})\.(?!\d))/g,
      read: (m) => dayMonthEitherWay(m[1]!, (m[2] ?? m[3])!, m[2] !== undefined, undefined),
    },
  ];

function dayMonthEitherWay(
  a: string,
  b: string,
  slash: boolean,
  year: string | undefined,
): [string | undefined, number, number][] {
  const fullYear = year && year.length === 2 ? `20${year}` : year;
  const options: [string | undefined, number, number][] = [[fullYear, Number(b), Number(a)]];
  // With a slash the order depends on the market (US month first); accept either reading.
  if (slash && a !== b) options.push([fullYear, Number(a), Number(b)]);
  return options.filter(([, month, day]) => month >= 1 && month <= 12 && day >= 1 && day <= 31);
}

const FACT_WORDS: Record<string, string> = {
  'status:overdue':
    'overdue|past due|forsenad|forfallen|uberfallig|verspatet|en retard|atrasad[oa]|vencid[oa]|in ritardo|scadut[oa]|te laat|achterstallig|qua han',
  'status:paid':
    'paid|paid back|refunded|utbetald|betald|aterbetald|ausgezahlt|bezahlt|erstattet|verse|paye|rembourse|abonado|pagad[oa]|reembolsad[oa]|accreditato|pagato|rimborsato|uitbetaald|betaald|terugbetaald|da hoan|da thanh toan',
  'status:pending':
    'pending|being processed|processing|in progress|behandlas|in bearbeitung|en cours|en proceso|pendiente|in elaborazione|in corso|in behandeling|dang xu ly',
  'status:failed':
    'failed|misslyckad(?:es)?|fehlgeschlagen|echoue|fallid[oa]|non riuscito|fallito|mislukt|khong thanh cong|that bai',
  'status:rejected':
    'rejected|declined|refused|avvisad|nekad|abgelehnt|refuse|rejete|rechazad[oa]|rifiutat[oa]|respint[oa]|afgewezen|tu choi',
  'status:received':
    'received|mottagen|eingegangen|erhalten|recue?|recibid[oa]|ricevut[oa]|ontvangen|da nhan',
  'status:in_transit':
    'on its way|in transit|pa vag|unterwegs|en route|en camino|in viaggio|onderweg|dang gui',
  'status:registered':
    'registered|registrerad|angemeldet|enregistree?|registrad[oa]|registrat[oa]|aangemeld|da dang ky',
  'status:locked': 'locked|last|gesperrt|bloquee?|verrouillee?|bloquead[oa]|bloccat[oa]|geblokkeerd|khoa',
  'status:paused': 'paused|pausad|pausiert|suspendue?|en pausa|sospes[oa]|gepauzeerd|tam dung',
  'status:cancelled': 'cancell?ed|avbruten|storniert|annulee?|cancelad[oa]|annullat[oa]|geannuleerd|da huy',
  'currency:SEK': 'kr|sek|kronor',
  'currency:EUR': 'eur|euros?',
  'currency:USD': 'usd|dollars?',
  'currency:GBP': 'gbp|pounds?',
  'currency:NOK': 'nok',
  'currency:DKK': 'dkk',
  'currency:VND': 'vnd|dong',
  'day:today': "today|idag|i dag|heute|aujourd'hui|hoy|oggi|vandaag|hom nay",
  'day:tomorrow': 'tomorrow|imorgon|i morgon|morgen|demain|manana|domani|ngay mai',
  'day:yesterday': 'yesterday|igar|i gar|gestern|hier|ayer|ieri|gisteren|hom qua',
  weekday:
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lunedi|martedi|mercoledi|giovedi|venerdi|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|thu hai|thu ba|thu tu|thu nam|thu sau|thu bay|chu nhat',
};

/** Currency symbols stand right next to digits, so they need no word boundary. */
const CURRENCY_SYMBOLS: Record<string, string> = {
  'currency:EUR': '€',
  'currency:USD': '\\$',
  'currency:GBP': '£',
  'currency:VND': '₫',
};

const FACT_PATTERNS = [
  ...Object.entries(FACT_WORDS).map(
    ([fact, words]) =>
      [fact, new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words})(?![\p{L}\p{N}])`, 'gu')] as const,
  ),
  ...Object.entries(CURRENCY_SYMBOLS).map(([fact, symbol]) => [fact, new RegExp(symbol, 'gu')] as const),
];

/** Topics the assistant never advises on; allowed only if the template or the customer raised them. */
const ADVICE =
  /(?<![\p{L}])(?:invest\p{L}*|stocks?|shares|crypto\p{L}*|aktie\p{L}*|fonds?|tax(?:es)?|skatt\p{L}*|steuer\p{L}*|impots?|impuestos?|tasse|belasting\p{L}*|thue|lawyer|attorney|advokat\p{L}*|anwalt|avocat|abogad[oa]|avvocat[oa]|advocaat|luat su|sue|lawsuit|bankrupt\p{L}*|konkurs|insolven\p{L}*|faillite|quiebra|fallimento|faillissement|borrow\p{L}*|payday loan|lana pengar|kredit aufnehmen|pret personnel)(?![\p{L}])/gu;

const LINK = /\b(?:https?:\/\/|www\.)[^\s)]+|\b[\w-]+\.(?:com|se|de|fr|es|it|nl|vn|io|net|org)\b/giu;

/** Numbers with grouping (space only before three digits) and a decimal part, e.g. "1 234,50", "1,234.50", "15 %". */
const NUMBER = /(?<![\p{L}\d])\d+(?:(?:[.,']|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*(\s?%)?/gu;

function canonicalNumber(token: string): string {
  const percent = /%$/.test(token);
  let digits = token.replace(/%$/, '').replace(/[\s\u00a0\u202f']/g, '');
  const dots = (digits.match(/\./g) ?? []).length;
  const commas = (digits.match(/,/g) ?? []).length;
  if (dots && commas) {
    const decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
    digits = digits
      .split(decimal === '.' ? ',' : '.')
      .join('')
      .replace(',', '.');
  } else if (dots + commas === 1) {
    const [, fraction = ''] = digits.split(/[.,]/);
    // "1,234" / "1.234" group thousands; "12,50" / "12.5" have a decimal part.
    digits = fraction.length === 3 ? digits.replace(/[.,]/, '') : digits.replace(',', '.');
  } else {
    digits = digits.replace(/[.,]/g, '');
  }
  const value = Number(digits);
  const text = Number.isFinite(value) ? String(Math.round(value * 100) / 100) : digits;
  return percent ? `${text}%` : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every figure, date and fact word in a text. */
export function extractFigures(text: string): Figures {
  let rest = fold(text.normalize('NFKC'));
  const dates: string[] = [];
  for (const { re, read } of DATE_PATTERNS) {
    rest = rest.replace(re, (...args: unknown[]) => {
      const match = args.slice(0, -2) as string[] & RegExpExecArray;
      const readings = read(match).filter(([, m, d]) => m >= 1 && m <= 12 && d >= 1 && d <= 31);
      if (readings.length === 0) return args[0] as string;
      // Ambiguous readings are joined so either one matches the other text.
      dates.push(readings.map(([y, m, d]) => `${y ? `${y}-` : ''}${pad(m)}-${pad(d)}`).join('|'));
      return ' ';
    });
  }
  const facts = new Set<string>();
  for (const [fact, re] of FACT_PATTERNS) {
    if (re.test(rest)) facts.add(fact);
    re.lastIndex = 0;
  }
  const numbers = [...rest.matchAll(NUMBER)].map((m) => canonicalNumber(m[0]));
  return { numbers: [...new Set(numbers)], dates: [...new Set(dates)], facts: [...facts] };
}

/** Does `date` (possibly "a|b") name the same day as one of `known`? A missing year matches any year. */
function dateKnown(date: string, known: string[]): boolean {
  const sameDay = (a: string, b: string) => {
    const [ya, da] = a.length > 5 ? [a.slice(0, 4), a.slice(5)] : [null, a];
    const [yb, db] = b.length > 5 ? [b.slice(0, 4), b.slice(5)] : [null, b];
    return da === db && (ya === null || yb === null || ya === yb);
  };
  return date.split('|').some((d) => known.some((k) => k.split('|').some((kk) => sameDay(d, kk))));
}

export interface CheckInput {
  generated: string;
  /** The flow's template reply: the source of truth for every figure. */
  template: string;
  /** The customer's own message: figures they wrote may be repeated back. */
  customerText: string;
  /** The language the reply must be in. */
  language: Language;
  maxLength?: number;
}

/** Accepts a generated reply only if it states exactly the template's facts, in the right language. */
export function checkGeneratedReply(input: CheckInput): FigureCheckResult {
  const generated = input.generated.trim();
  if (!generated) return { ok: false, reason: 'empty', detail: 'no text' };
  const maxLength = input.maxLength ?? Math.max(400, input.template.length * 2);
  if (generated.length > maxLength) {
    return { ok: false, reason: 'too_long', detail: `${generated.length} > ${maxLength} characters` };
  }
  const out = extractFigures(generated);
  const template = extractFigures(input.template);
  const customer = extractFigures(input.customerText);

  const allowedNumbers = new Set([...template.numbers, ...customer.numbers]);
  const invented = out.numbers.find((n) => !allowedNumbers.has(n));
  if (invented) return { ok: false, reason: 'invented_figure', detail: `number ${invented}` };
  const inventedDate = out.dates.find((d) => !dateKnown(d, [...template.dates, ...customer.dates]));
  if (inventedDate) return { ok: false, reason: 'invented_figure', detail: `date ${inventedDate}` };

  const dropped = template.numbers.find((n) => !out.numbers.includes(n));
  if (dropped) return { ok: false, reason: 'dropped_figure', detail: `number ${dropped}` };
  const droppedDate = template.dates.find((d) => !dateKnown(d, out.dates));
  if (droppedDate) return { ok: false, reason: 'dropped_figure', detail: `date ${droppedDate}` };

  const allowedFacts = new Set([...template.facts, ...customer.facts]);
  const newFact = out.facts.find((f) => !allowedFacts.has(f));
  if (newFact) return { ok: false, reason: 'invented_status', detail: newFact };
  const droppedFact = template.facts.find((f) => f.startsWith('status:') && !out.facts.includes(f));
  if (droppedFact) return { ok: false, reason: 'dropped_status', detail: droppedFact };

  const links = (text: string) => new Set((text.match(LINK) ?? []).map((l) => l.toLowerCase()));
  const knownLinks = new Set([...links(input.template), ...links(input.customerText)]);
  const newLink = [...links(generated)].find((l) => !knownLinks.has(l));
  if (newLink) return { ok: false, reason: 'new_link', detail: 'a link the template did not have' };

  const topics = (text: string) => new Set((fold(text).match(ADVICE) ?? []).map((t) => t.toLowerCase()));
  const knownTopics = new Set([...topics(input.template), ...topics(input.customerText)]);
  const advice = [...topics(generated)].find((t) => !knownTopics.has(t));
  if (advice) return { ok: false, reason: 'advice', detail: advice };

  // Judged on its own evidence: the fallback is some other language, so a short reply with no evidence passes.
  const detected = detectLanguage(generated, { fallback: input.language });
  if (!detected.fellBack && detected.language !== input.language) {
    return {
      ok: false,
      reason: 'wrong_language',
      detail: `${detected.language} instead of ${input.language}`,
    };
  }
  return { ok: true };
}
