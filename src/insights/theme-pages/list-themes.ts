import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import type { InsightThemeStatus } from '../../platform/db/schema.js';
import { dailyTrend } from '../themes/daily-trend.js';

const DAY = 86_400_000;

export interface ListThemesQuery {
  status?: InsightThemeStatus | undefined;
  area?: string | undefined;
  /** top: most items in the window; rising: highest Poisson z of today against the 7-day baseline. */
  sort: 'top' | 'rising';
  days: number;
  limit: number;
  now: Date;
}

/** Themes with their item count in the window, today's trend figures and spike flag. */
export async function listThemes(db: Sql, q: ListThemesQuery) {
  const today = new Date(Math.floor(q.now.getTime() / DAY) * DAY);
  const windowStart = new Date(today.getTime() - (q.days - 1) * DAY);
  const trendStart = new Date(today.getTime() - 7 * DAY);
  const from = windowStart < trendStart ? windowStart : trendStart;
  let query = db
    .selectFrom('insight_themes as t')
    .leftJoin('feedback_items as f', (j) =>
      j.onRef('f.theme_id', '=', 't.id').on('f.occurred_at', '>=', from),
    )
    .select([
      't.id',
      't.label',
      't.summary',
      't.status',
      't.product_area',
      't.item_count',
      't.language_mix',
      't.first_feedback_at',
      't.last_feedback_at',
      't.team_id',
      't.decision',
      (eb) => eb.fn.count<string>('f.id').filterWhere('f.occurred_at', '>=', windowStart).as('in_window'),
      sql<number[]>`array[${sql.join(
        Array.from({ length: 8 }, (_, i) => {
          const d0 = new Date(trendStart.getTime() + i * DAY);
          const d1 = new Date(d0.getTime() + DAY);
          return sql`count(f.id) filter (where f.occurred_at >= ${d0} and f.occurred_at < ${d1})::int`;
        }),
      )}]`.as('last8'),
    ])
    .where('t.status', '!=', 'merged')
    .groupBy('t.id');
  if (q.status) query = query.where('t.status', '=', q.status);
  if (q.area) query = query.where('t.product_area', '=', q.area);
  const rows = await query.execute();
  const themes = rows.map((r) => {
    const trend = dailyTrend(r.last8.map(Number));
    return {
      id: r.id,
      label: r.label,
      summary: r.summary,
      status: r.status,
      productArea: r.product_area,
      itemCount: r.item_count,
      itemsInWindow: Number(r.in_window),
      languageMix: r.language_mix,
      firstFeedbackAt: r.first_feedback_at,
      lastFeedbackAt: r.last_feedback_at,
      teamId: r.team_id,
      decision: r.decision,
      today: trend,
    };
  });
  themes.sort((a, b) =>
    q.sort === 'rising'
      ? b.today.z - a.today.z || b.itemsInWindow - a.itemsInWindow
      : b.itemsInWindow - a.itemsInWindow || b.itemCount - a.itemCount,
  );
  return { themes: themes.slice(0, q.limit) };
}
