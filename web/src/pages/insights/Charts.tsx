import { barLayout, linePoints, niceMax, percentages } from './chart-scale';
import type { DayCount, TrendPoint } from './insights-types';

const W = 600;
const H = 140;

/** Daily counts as bars; with `trend`, the 7-day baseline as a line and spike days marked. */
export function DailyChart({ title, days }: { title: string; days: readonly (DayCount | TrendPoint)[] }) {
  const counts = days.map((d) => d.count);
  const baselines = days.map((d) => ('baseline7' in d ? d.baseline7 : null));
  const hasBaseline = baselines.every((b) => b !== null) && days.length > 0;
  const max = niceMax(Math.max(...counts, ...(hasBaseline ? (baselines as number[]) : []), 0));
  const bars = barLayout(counts, max, W, H);
  const spikes = days.filter((d) => 'spike' in d && d.spike).length;
  const first = days[0]?.date ?? '';
  const last = days.at(-1)?.date ?? '';
  return (
    <figure className="insights-chart">
      <svg
        viewBox={`0 0 ${W} ${H + 20}`}
        role="img"
        aria-label={`${title}: ${counts.reduce((a, b) => a + b, 0)} in total${spikes ? `, ${spikes} spike days` : ''}`}
        data-testid="daily-chart"
      >
        <line x1={0} x2={W} y1={H} y2={H} className="axis" />
        <text x={0} y={10} className="tick">
          {max}
        </text>
        {bars.map((b, i) => {
          const d = days[i]!;
          const spike = 'spike' in d && d.spike;
          return (
            <rect
              key={d.date}
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              className={spike ? 'bar bar-spike' : 'bar'}
              data-spike={spike ? 'true' : undefined}
            >
              <title>{`${d.date}: ${d.count}${'baseline7' in d ? ` (baseline ${d.baseline7.toFixed(1)})` : ''}${spike ? ', spike' : ''}`}</title>
            </rect>
          );
        })}
        {hasBaseline ? (
          <polyline
            points={linePoints(baselines as number[], max, W, H)}
            className="baseline"
            data-testid="baseline"
          />
        ) : null}
        {bars.map((b, i) =>
          'spike' in days[i]! && (days[i] as TrendPoint).spike ? (
            <text
              key={`s${days[i]!.date}`}
              x={b.x + b.width / 2}
              y={Math.max(b.y - 3, 12)}
              className="spike-mark"
              textAnchor="middle"
            >
              ▲
            </text>
          ) : null,
        )}
        <text x={0} y={H + 16} className="tick">
          {first}
        </text>
        <text x={W} y={H + 16} className="tick" textAnchor="end">
          {last}
        </text>
      </svg>
      <figcaption className="muted small">
        {title}
        {hasBaseline ? ' · bars: items per day, line: 7-day baseline, ▲ spike' : ''}
      </figcaption>
    </figure>
  );
}

const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

/** One stacked bar of negative / neutral / positive with the percentages written out. */
export function SentimentBar({ split }: { split: Record<(typeof SENTIMENTS)[number], number> }) {
  const counts = SENTIMENTS.map((s) => split[s] ?? 0);
  const pct = percentages(counts);
  let x = 0;
  return (
    <figure className="insights-chart">
      <svg viewBox="0 0 600 24" role="img" aria-label="Sentiment split" data-testid="sentiment-bar">
        {SENTIMENTS.map((s, i) => {
          const w = pct[i]! * 6;
          const rect = <rect key={s} x={x} y={0} width={w} height={24} className={`sentiment-${s}`} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption className="sentiment-legend small">
        {SENTIMENTS.map((s, i) => (
          <span key={s} data-sentiment={s}>
            <span className={`swatch sentiment-${s}`} aria-hidden="true" /> {s[0]!.toUpperCase() + s.slice(1)}{' '}
            {pct[i]}% ({counts[i]})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
