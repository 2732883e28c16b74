import type { Language } from '../language/detect-language.js';
import { type AmountEntity, findAmounts } from './amounts.js';
import { containsCardNumber } from './card-numbers.js';
import { type DateEntity, type DurationEntity, findDates } from './dates.js';
import { foldAligned } from './fold.js';
import { findMerchants } from './merchants.js';

export type { AmountEntity } from './amounts.js';
export type { DateEntity, DurationEntity } from './dates.js';

export interface Entities {
  /** Order references, as stored when one of `orderRefs` matched, else upper-cased as written. */
  orderRefs: string[];
  /** Names from `merchants` the text names (typo and accent tolerant), best match first. */
  merchants: string[];
  amounts: AmountEntity[];
  /** Calendar dates, resolved against `today`. */
  dates: DateEntity[];
  /** Lengths of time that are not anchored to today ("by a week", "10 dagar"). */
  durations: DurationEntity[];
  /** The text holds something that looks like a full card number. */
  cardNumber: boolean;
}

export interface ExtractOptions {
  language: Language;
  /** `YYYY-MM-DD`; relative dates ("tomorrow", "next Friday") count from it. */
  today: string;
  /** The customer's own merchants: only these can be recognised. */
  merchants?: readonly string[];
  /** The customer's own order references, so "tdm 7k3q9x" finds "TDM-7K3Q9X". */
  orderRefs?: readonly string[];
  /** The customer's locale (en-US writes 11/21 for 21 November). */
  locale?: string;
}

/** Letters, a dash and a code with at least one digit: TDM-7K3Q9X, ORD-1A2B3C. */
const REFERENCE = /(?<![\p{L}\p{N}])([a-z]{2,4})[- ]?([0-9a-z]{4,12})(?![\p{L}\p{N}])/gu;

const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function findOrderRefs(folded: string, known: readonly string[]): string[] {
  const byCompact = new Map(known.map((r) => [compact(r), r]));
  const found: string[] = [];
  for (const m of folded.matchAll(REFERENCE)) {
    const hit = byCompact.get(m[1]! + m[2]!);
    if (hit) found.push(hit);
    else if (m[0].includes('-') && /\d/.test(m[2]!)) found.push(`${m[1]}-${m[2]}`.toUpperCase());
  }
  return [...new Set(found)];
}

/**
 * Order references, merchants, amounts, dates and durations in one customer message, in any
 * of the eight languages. Deterministic and offline; it only finds what is written, and a
 * merchant or reference is recognised only against the customer's own.
 */
export function extractEntities(text: string, options: ExtractOptions): Entities {
  const folded = foldAligned(text);
  const monthFirst = options.language === 'en' && (options.locale ?? 'en-US') === 'en-US';
  const dated = findDates(folded, { today: options.today, monthFirst });
  const { amounts } = findAmounts(dated.rest, text);
  return {
    orderRefs: findOrderRefs(folded, options.orderRefs ?? []),
    merchants: findMerchants(text, options.merchants ?? []),
    amounts: amounts.map((a) => a.value),
    dates: dated.dates.map((d) => ({ date: d.value, text: text.slice(d.start, d.end) })),
    durations: dated.durations.map((d) => ({ days: d.value, text: text.slice(d.start, d.end) })),
    cardNumber: containsCardNumber(text),
  };
}
