import { B_END, B_START, blank } from './fold.js';

export interface AmountEntity {
  /** Minor units (cents, öre); whole units for currencies without decimals. */
  minor: number;
  /** ISO code when the customer named one; null for a bare "12.99". */
  currency: string | null;
  text: string;
}

/** Folded currency words and symbols → ISO code. "kr" is SEK: Sweden is the krona market Tandem serves. */
const CURRENCIES: readonly (readonly [string, string])[] = [
  ['us$', 'USD'],
  ['$', 'USD'],
  ['usd', 'USD'],
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['€', 'EUR'],
  ['eur', 'EUR'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['£', 'GBP'],
  ['gbp', 'GBP'],
  ['sek', 'SEK'],
  ['kronor', 'SEK'],
  ['kronur', 'SEK'],
  ['kr', 'SEK'],
  [':-', 'SEK'],
  ['₫', 'VND'],
  ['vnd', 'VND'],
  ['dong', 'VND'],
];
const CODE = new Map(CURRENCIES);
const NO_DECIMALS = new Set(['VND']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&');
const isWord = (s: string) => /^\p{L}+$/u.test(s);
/** Letters need word boundaries ("kr" must not match inside "krona"); symbols do not. */
const CUR = CURRENCIES.map(([w]) => w)
  .sort((a, b) => b.length - a.length)
  .map((w) => (isWord(w) ? `${B_START}${escapeRegExp(w)}${B_END}` : escapeRegExp(w)))
  .join('|');
/** 1 234,50 · 1.234,50 · 1,234.50 · 12.99 · 500 (thousands grouped by space, nbsp, dot, comma or apostrophe). */
const NUM = `\\d{1,3}(?:[ \\u00a0\\u202f.,'’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?`;
const BEFORE = new RegExp(`(${CUR})\\s?(${NUM})(?![\\d])`, 'gu');
const AFTER = new RegExp(`(?<![\\d.,])(${NUM})\\s?(${CUR})`, 'gu');
const BARE = /(?<![\d.,])(\d+[.,]\d{2})(?![\d.,]*\d)/gu;

/** "1.234,50" → 1234.5 and "1,234.50" → 1234.5: the last separator followed by 1–2 digits is the decimal one. */
export function parseNumber(raw: string): number {
  const compact = raw.replace(/[ \u00a0\u202f'’]/g, '');
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const whole = (decimal ? compact.slice(0, decimal.index) : compact).replace(/[.,]/g, '');
  return Number(whole) + (decimal ? Number(`0.${decimal[1]}`) : 0);
}

function toMinor(value: number, currency: string | null): number {
  return currency !== null && NO_DECIMALS.has(currency) ? Math.round(value) : Math.round(value * 100);
}

export function findAmounts(
  folded: string,
  original: string,
): { amounts: { value: AmountEntity; start: number }[]; rest: string } {
  const amounts: { value: AmountEntity; start: number }[] = [];
  let rest = folded;
  const take = (pattern: RegExp, parts: (m: RegExpExecArray) => [string, string | undefined]) => {
    for (const m of [...rest.matchAll(pattern)]) {
      const [number, currencyWord] = parts(m);
      const currency = currencyWord === undefined ? null : (CODE.get(currencyWord) ?? null);
      const end = m.index + m[0].length;
      amounts.push({
        value: {
          minor: toMinor(parseNumber(number), currency),
          currency,
          text: original.slice(m.index, end),
        },
        start: m.index,
      });
      rest = blank(rest, m.index, end);
    }
  };
  take(BEFORE, (m) => [m[2]!, m[1]]);
  take(AFTER, (m) => [m[1]!, m[2]]);
  take(BARE, (m) => [m[1]!, undefined]);
  amounts.sort((a, b) => a.start - b.start);
  return { amounts, rest };
}
