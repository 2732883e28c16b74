import { describe, expect, it } from 'vitest';
import { barLayout, linePoints, niceMax, percentages, yFor } from './chart-scale';

describe('chart scaling', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 3, 7, 12, 49, 51, 900].map(niceMax)).toEqual([1, 0.5, 1, 5, 10, 20, 50, 100, 1000]);
  });

  it('maps values onto SVG y (down is positive) and clamps outliers', () => {
    expect(yFor(0, 10, 100)).toBe(100);
    expect(yFor(10, 10, 100)).toBe(0);
    expect(yFor(5, 10, 100)).toBe(50);
    expect(yFor(50, 10, 100)).toBe(0);
    expect(yFor(3, 0, 100)).toBe(100);
  });

  it('lays bars side by side with heights proportional to the values', () => {
    const bars = barLayout([0, 5, 10], 10, 300, 100, 10);
    expect(bars.map((b) => b.x)).toEqual([5, 105, 205]);
    expect(bars.map((b) => b.width)).toEqual([90, 90, 90]);
    expect(bars.map((b) => b.height)).toEqual([0, 50, 100]);
    expect(barLayout([], 10, 300, 100)).toEqual([]);
  });

  it('draws the baseline through the slot centres', () => {
    expect(linePoints([0, 10], 10, 200, 100)).toBe('50,100 150,0');
  });

  it('splits a whole into percentages that sum to 100', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([2, 0, 6])).toEqual([25, 0, 75]);
    expect(percentages([0, 0])).toEqual([0, 0]);
  });
});
