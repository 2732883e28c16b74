/** Pure helpers for the inline SVG charts (no chart library). */

/** A round upper bound for an axis: 1, 2, 5 × 10^n at or above `max` (at least 1). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Maps `value` in [0, max] onto [height, 0] (SVG y grows downwards), clamped. */
export function yFor(value: number, max: number, height: number): number {
  const share = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
  return height - share * height;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Evenly spaced bars filling `width`, with `gap` px between them. */
export function barLayout(
  values: readonly number[],
  max: number,
  width: number,
  height: number,
  gap = 2,
): Bar[] {
  if (!values.length) return [];
  const slot = width / values.length;
  const w = Math.max(slot - gap, 1);
  return values.map((v, i) => {
    const y = yFor(v, max, height);
    return { x: i * slot + (slot - w) / 2, y, width: w, height: height - y };
  });
}

/** An SVG polyline `points` string through the centres of the bar slots. */
export function linePoints(values: readonly number[], max: number, width: number, height: number): string {
  const slot = width / Math.max(values.length, 1);
  return values.map((v, i) => `${round(i * slot + slot / 2)},${round(yFor(v, max, height))}`).join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Shares of a whole as percentages that add up to 100 (largest remainder), or zeros when empty. */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => 0);
  const raw = counts.map((c) => (c / total) * 100);
  const floors = raw.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - floors[i]!, i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floors[i]! += 1;
  }
  return floors;
}
