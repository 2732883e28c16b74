import { describe, expect, it } from 'vitest';
import { countsByDay, dailyTrend } from './daily-trend.js';

describe('dailyTrend', () => {
  it('compares today with the mean of the 7 days before', () => {
    const trend = dailyTrend([100, 2, 2, 2, 2, 2, 2, 2, 6]);
    expect(trend.today).toBe(6);
    expect(trend.baseline7).toBe(2);
    expect(trend.ratio).toBe(3);
    expect(trend.spike).toBe(true);
  });

  it('needs at least 5 mentions: 0 → 4 is not a spike, 0 → 5 is', () => {
    expect(dailyTrend([0, 0, 0, 0, 0, 0, 0, 4]).spike).toBe(false);
    expect(dailyTrend([0, 0, 0, 0, 0, 0, 0, 5]).spike).toBe(true);
  });

  it('needs three times the baseline on a busy theme', () => {
    expect(dailyTrend([10, 10, 10, 10, 10, 10, 10, 29]).spike).toBe(false);
    expect(dailyTrend([10, 10, 10, 10, 10, 10, 10, 30]).spike).toBe(true);
  });

  it('zero-fills missing days between two dates', () => {
    expect(
      countsByDay(['2026-01-01T10:00:00Z', '2026-01-03', '2026-01-03'], '2026-01-01', '2026-01-04'),
    ).toEqual([1, 0, 2, 0]);
  });
});
