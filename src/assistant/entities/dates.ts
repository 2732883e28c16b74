import {
  DAY_UNITS,
  FORTNIGHT,
  IN_SUFFIX,
  IN_WORDS,
  MONTHS,
  NEXT_WEEK,
  NUMBERS,
  RELATIVE_DAYS,
  WEEK_UNITS,
  WEEKDAYS,
} from './date-words.js';
import { B_END, B_START, blank } from './fold.js';

export interface DateEntity {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The customer's words, as written. */
  text: string;
}

export interface DurationEntity {
  days: number;
  text: string;
}

interface Found<T> {
  value: T;
  start: number;
  end: number;
}

const alt = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');

const MONTH = alt(MONTHS.keys());
const NUMBER_WORD = alt(NUMBERS.keys());
const UNIT = `${alt(WEEK_UNITS)}|${alt(DAY_UNITS)}`;
const COUNT = `(\\d{1,2}|${NUMBER_WORD})`;

const re = (source: string) => new RegExp(source, 'gu');

const ISO = re(`${B_START}(\\d{4})-(\\d{2})-(\\d{2})${B_END}`);
/** 21 Nov · 21. November · 21st of November · 1er juin · 21 de noviembre · 21 november 2025 */
const DAY_MONTH = re(
  `${B_START}(\\d{1,2})(?:st|nd|rd|th|er|e|\\.)?\\s*(?:of\\s+|de\\s+)?(${MONTH})\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?${B_END}`,
);
/** November 21 · Nov 21st, 2025 */
const MONTH_DAY = re(
  `${B_START}(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${B_END}(?:,?\\s+(\\d{4})${B_END})?`,
);
/** ngày 21 tháng 11 (năm 2025) */
const VI_DATE = re(
  `${B_START}(?:ngay\\s+)?(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s+nam\\s+(\\d{4}))?${B_END}`,
);
/** 21/11 · 21/11/2025 · 21.11. · 21.11.2025 (a dot needs the year or a closing dot: 12.99 is a price) */
const NUMERIC = re(
  `${B_START}(\\d{1,2})(?:/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?|\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2})|\\.))(?![\\p{L}\\p{N}])`,
);
const RELATIVE = re(`${B_START}(${alt(RELATIVE_DAYS.map(([w]) => w))})${B_END}`);
const NEXT_WEEK_RE = re(`${B_START}(?:${alt(NEXT_WEEK)})${B_END}`);
const WEEKDAY = re(`${B_START}(${alt(WEEKDAYS.keys())})${B_END}`);
const IN_DURATION = re(
  `${B_START}(?:(?:${alt(IN_WORDS)})\\s+${COUNT}\\s+(${UNIT})|${COUNT}\\s+(${UNIT})\\s+(?:${alt(IN_SUFFIX)})|(?:${alt(IN_WORDS)})\\s+(?:a\\s+|une\\s+|una\\s+)?(${alt(FORTNIGHT)}))${B_END}`,
);
const DURATION = re(
  `${B_START}(?:${COUNT}\\s+(${UNIT})|(?:a\\s+|une\\s+|una\\s+)?(${alt(FORTNIGHT)}))${B_END}`,
);

const pad = (n: number) => String(n).padStart(2, '0');

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function valid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A day and month without a year: the one nearest to today (the 3rd of January said in December is next year). */
function nearest(today: string, month: number, day: number): string | null {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1]
    .map((y) => valid(y, month, day))
    .filter((d): d is string => d !== null);
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(today));
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

const count = (word: string): number =>
  /^\d+$/.test(word) ? Number(word) : (NUMBERS.get(word.replace(/\s+/g, ' ')) ?? 0);
const unitDays = (unit: string): number => (WEEK_UNITS.includes(unit) ? 7 : 1);

/**
 * Dates and durations in folded text. Found spans are blanked in `folded` (returned) so the
 * amount and number patterns that run afterwards do not read "21.11." as money.
 */
export function findDates(
  folded: string,
  options: { today: string; monthFirst: boolean },
): { dates: Found<string>[]; durations: Found<number>[]; rest: string } {
  const { today } = options;
  const dates: Found<string>[] = [];
  const durations: Found<number>[] = [];
  let rest = folded;
  const take = (pattern: RegExp, toDate: (m: RegExpExecArray) => string | null) => {
    for (const m of [...rest.matchAll(pattern)]) {
      const date = toDate(m);
      if (date === null) continue;
      dates.push({ value: date, start: m.index, end: m.index + m[0].length });
      rest = blank(rest, m.index, m.index + m[0].length);
    }
  };
  const year = (y: string | undefined) =>
    y === undefined ? undefined : y.length === 2 ? 2000 + Number(y) : Number(y);
  const dayMonthYear = (d: number, mo: number, y: number | undefined) =>
    y === undefined ? nearest(today, mo, d) : valid(y, mo, d);

  take(ISO, (m) => valid(Number(m[1]), Number(m[2]), Number(m[3])));
  take(VI_DATE, (m) => dayMonthYear(Number(m[1]), Number(m[2]), year(m[3])));
  take(DAY_MONTH, (m) => dayMonthYear(Number(m[1]), MONTHS.get(m[2]!) ?? 0, year(m[3])));
  take(MONTH_DAY, (m) => dayMonthYear(Number(m[2]), MONTHS.get(m[1]!) ?? 0, year(m[3])));
  take(NUMERIC, (m) => {
    if (m[2] !== undefined) {
      // Slashes: month first in American English (11/21), day first everywhere else (21/11).
      const [a, b] = [Number(m[1]), Number(m[2])];
      const [d, mo] = options.monthFirst && a <= 12 ? [b, a] : [a, b];
      return dayMonthYear(d, mo, year(m[3]));
    }
    return dayMonthYear(Number(m[1]), Number(m[4]), year(m[5]));
  });
  take(IN_DURATION, (m) => {
    if (m[5]) return addDays(today, 14);
    const n = count(m[1] ?? m[3] ?? '');
    const unit = m[2] ?? m[4] ?? '';
    return n > 0 ? addDays(today, n * unitDays(unit)) : null;
  });
  take(NEXT_WEEK_RE, () => addDays(today, 7));
  take(RELATIVE, (m) => {
    const words = m[1]!.replace(/\s+/g, ' ');
    if (words === 'morgen' && /gute[nr]?\s+$/u.test(rest.slice(0, m.index))) return null;
    const offset = RELATIVE_DAYS.find(([w]) => w === words)?.[1];
    return offset === undefined ? null : addDays(today, offset);
  });
  take(WEEKDAY, (m) => {
    const target = WEEKDAYS.get(m[1]!.replace(/\s+/g, ' '));
    if (target === undefined) return null;
    const now = new Date(`${today}T00:00:00Z`).getUTCDay();
    // "Friday" said on a Friday means the next one: today has its own words.
    return addDays(today, (target - now + 7) % 7 || 7);
  });
  for (const m of [...rest.matchAll(DURATION)]) {
    const days = m[3] ? 14 : count(m[1] ?? '') * unitDays(m[2] ?? '');
    if (days <= 0) continue;
    durations.push({ value: days, start: m.index, end: m.index + m[0].length });
    rest = blank(rest, m.index, m.index + m[0].length);
  }
  dates.sort((a, b) => a.start - b.start);
  return { dates, durations, rest };
}
