import { sql } from 'kysely';
import type { Sql } from '../../platform/db/database.js';
import { FEEDBACK_KINDS, FEEDBACK_SOURCES } from '../../platform/db/schema.js';
import type { ProductTaxonomy } from './product-areas.js';

const DAY_MS = 86_400_000;

/**
 * Feedback volume of the last `days` days (UTC days, today included): per day with empty days as
 * zero, and totals by kind, product area, sentiment and source, plus how many are urgent.
 */
export async function getFeedbackOverview(
  db: Sql,
  taxonomy: ProductTaxonomy,
  input: { days: number; now: Date },
) {
  const today = Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate());
  const from = new Date(today - (input.days - 1) * DAY_MS);
  const to = new Date(today + DAY_MS);
  const base = db.selectFrom('feedback_items').where('occurred_at', '>=', from).where('occurred_at', '<', to);
  const day = sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD')`;
  const count = sql<string>`count(*)`;
  const [perDay, byKind, byArea, bySentiment, bySource, urgent] = await Promise.all([
    base
      .select([day.as('day'), count.as('n')])
      .groupBy(day)
      .execute(),
    base
      .select(['kind as key', count.as('n')])
      .groupBy('kind')
      .execute(),
    base
      .select(['product_area as key', count.as('n')])
      .groupBy('product_area')
      .execute(),
    base
      .select(['sentiment as key', count.as('n')])
      .groupBy('sentiment')
      .execute(),
    base
      .select(['source as key', count.as('n')])
      .groupBy('source')
      .execute(),
    base.select(count.as('n')).where('urgency', '=', 'high').executeTakeFirst(),
  ]);
  const dayCounts = new Map(perDay.map((r) => [r.day, Number(r.n)]));
  const tally = (rows: { key: string; n: string }[], keys: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, Number(rows.find((r) => r.key === k)?.n ?? 0)]));
  const labels = new Map(taxonomy.areas.map((a) => [a.id, a.label]));
  return {
    days: input.days,
    from: from.toISOString(),
    to: to.toISOString(),
    total: [...dayCounts.values()].reduce((a, b) => a + b, 0),
    highUrgency: Number(urgent?.n ?? 0),
    perDay: Array.from({ length: input.days }, (_, i) => {
      const date = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
      return { date, count: dayCounts.get(date) ?? 0 };
    }),
    byKind: tally(byKind, FEEDBACK_KINDS),
    bySentiment: tally(bySentiment, ['negative', 'neutral', 'positive']),
    bySource: tally(bySource, FEEDBACK_SOURCES),
    byArea: byArea
      .map((r) => ({ area: r.key, label: labels.get(r.key) ?? r.key, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.area.localeCompare(b.area)),
  };
}
