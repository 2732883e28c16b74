/** Formatting helpers. Amounts arrive in minor units (cents, öre) with an ISO currency code. */

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0 };

export function formatMoney(
  amountMinor: number | null | undefined,
  currency: string,
  locale?: string,
): string {
  if (amountMinor === null || amountMinor === undefined || !Number.isFinite(amountMinor)) return '—';
  const digits = MINOR_DIGITS[currency] ?? 2;
  const value = amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${currency}`;
  }
}

/** `YYYY-MM-DD` dates are calendar dates: format them without letting a time zone shift the day. */
export function formatDate(
  value: string | null | undefined,
  locale?: string,
  style: 'medium' | 'long' | 'short' = 'medium',
): string {
  if (!value) return '—';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: style,
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

export function formatDateTime(value: string | null | undefined, locale?: string): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

const ACRONYMS: Record<string, string> = { api: 'API', ios: 'iOS', id: 'ID', sms: 'SMS', url: 'URL' };

/** `pay_in_4` → `Pay in 4`, `lastLoginAt` → `Last login at`, `api_key` → `API key`. */
export function humanize(key: string): string {
  const spaced = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  const words = spaced.split(' ').map((w) => ACRONYMS[w] ?? w);
  const joined = words.join(' ');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Days from today (local calendar) to a `YYYY-MM-DD` date; negative when past. */
export function daysUntil(dateOnly: string, now: Date = new Date()): number {
  const [y, m, d] = dateOnly.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return Number.NaN;
  const target = Date.UTC(y, m - 1, d);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - today) / 86_400_000);
}

const REASONS: Record<string, string> = {
  dispute_open: 'A dispute is open',
  dispute_resolved_in_customer_favour: "Dispute resolved in the customer's favour",
};

/** Reason codes (`changed_mind`) read as text; free text passes through unchanged. */
export function reasonText(reason: string | null | undefined): string {
  if (!reason) return '';
  if (REASONS[reason]) return REASONS[reason];
  return /^[a-z0-9_]+$/.test(reason) ? humanize(reason) : reason;
}

/** A share 0..1 as a whole percentage (`0.333` → `33%`); null (nothing to divide by) → `—`. */
export function formatPercent(share: number | null | undefined, locale?: string): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Seconds as `45 s`, `1 min 30 s`, `2 h 5 min`; null → `—`. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const minutes = Math.round((s % 3600) / 60);
  return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${Math.floor(s / 3600)} h`;
}
