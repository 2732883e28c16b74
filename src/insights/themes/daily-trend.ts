/**
 * Daily trend of one theme: today's count against the mean of the 7 days before it.
 *
 * Spike rule: today ≥ max(5, 3 × baseline7). The floor of 5 keeps a theme that goes from 0 to 2
 * mentions from alarming anyone; the factor 3 is a rise no ordinary weekday swing explains. `z`
 * (Poisson: (today − baseline) / √max(baseline, 1)) is returned for ranking "rising" themes, not
 * for the alert.
 */
export interface DailyTrend {
  today: number;
  /** Mean of up to 7 days before today (missing days count as 0 once any history exists). */
  baseline7: number;
  /** today / baseline7; today itself when the baseline is 0. */
  ratio: number;
  z: number;
  spike: boolean;
}

export const SPIKE_MIN_COUNT = 5;
export const SPIKE_FACTOR = 3;

/** `counts` are daily counts, oldest first; the last entry is today. */
export function dailyTrend(counts: readonly number[]): DailyTrend {
  const today = counts.length > 0 ? counts[counts.length - 1]! : 0;
  const history = counts.slice(Math.max(0, counts.length - 8), counts.length - 1);
  const baseline7 = history.length > 0 ? history.reduce((a, b) => a + b, 0) / 7 : 0;
  const ratio = baseline7 > 0 ? today / baseline7 : today;
  const z = (today - baseline7) / Math.sqrt(Math.max(baseline7, 1));
  return { today, baseline7, ratio, z, spike: today >= Math.max(SPIKE_MIN_COUNT, SPIKE_FACTOR * baseline7) };
}

/** Daily counts per ISO date (YYYY-MM-DD) over [from, to], zero-filled, oldest first. */
export function countsByDay(dates: readonly string[], from: string, to: string): number[] {
  const byDay = new Map<string, number>();
  for (const d of dates) byDay.set(d.slice(0, 10), (byDay.get(d.slice(0, 10)) ?? 0) + 1);
  const out: number[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(byDay.get(new Date(t).toISOString().slice(0, 10)) ?? 0);
  }
  return out;
}
