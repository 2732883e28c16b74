import type { Language } from '../language/detect-language.js';

/** The locale each language's replies are formatted in when the customer has none of their own. */
export const DEFAULT_LOCALE: Record<Language, string> = {
  en: 'en-US',
  sv: 'sv-SE',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  nl: 'nl-NL',
  vi: 'vi-VN',
};

/** The customer's own locale when it is in the reply language (en-US vs en-GB), else that language's default. */
export function localeFor(language: Language, customerLocale: string | null): string {
  if (customerLocale && customerLocale.slice(0, 2).toLowerCase() === language) return customerLocale;
  return DEFAULT_LOCALE[language];
}

// Building an Intl formatter costs far more than using one; there are few locale/currency pairs.
const MAX_FORMATTERS = 500;
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let format = formatters.get(key) as F | undefined;
  if (!format) {
    format = build();
    if (formatters.size < MAX_FORMATTERS) formatters.set(key, format);
  }
  return format;
}

/** Minor units to a localised amount; the currency's own number of decimals comes from Intl. */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const format = cached(
    `n|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
  const digits = format.resolvedOptions().minimumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A `YYYY-MM-DD` date in the customer's locale; UTC so the day never shifts. */
export function formatDate(date: string, locale: string): string {
  return cached(
    `d|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(new Date(`${date}T00:00:00Z`));
}
