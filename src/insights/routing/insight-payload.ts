import type { Sql } from '../../platform/db/database.js';

/** What a team receives about a validated insight (all channels render this). */
export interface InsightPayload {
  event: 'insight.validated';
  deliveryId: string;
  team: { id: string; name: string };
  theme: {
    id: string;
    label: string;
    summary: string | null;
    productArea: string | null;
    itemCount: number;
    firstFeedbackAt: string | null;
    lastFeedbackAt: string | null;
    validatedAt: string | null;
    /** Path in the staff app. */
    link: string;
    quotes: { quote: string; language: string; source: string; link: string | null }[];
  };
}

/** A request a channel adapter wants sent. */
export interface OutgoingRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export async function buildInsightPayload(db: Sql, deliveryId: string): Promise<InsightPayload | null> {
  const row = await db
    .selectFrom('insight_deliveries as d')
    .innerJoin('insight_themes as t', 't.id', 'd.theme_id')
    .innerJoin('insight_teams as m', 'm.id', 'd.team_id')
    .select([
      'd.id',
      't.id as theme_id',
      't.label',
      't.summary',
      't.product_area',
      't.item_count',
      't.first_feedback_at',
      't.last_feedback_at',
      't.validated_at',
      'm.id as team_id',
      'm.name as team_name',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!row) return null;
  const quotes = await db
    .selectFrom('feedback_items')
    .select(['quote', 'language', 'source', 'source_link'])
    .where('theme_id', '=', row.theme_id)
    .orderBy('occurred_at', 'desc')
    .limit(3)
    .execute();
  return {
    event: 'insight.validated',
    deliveryId: row.id,
    team: { id: row.team_id, name: row.team_name },
    theme: {
      id: row.theme_id,
      label: row.label,
      summary: row.summary,
      productArea: row.product_area,
      itemCount: row.item_count,
      firstFeedbackAt: row.first_feedback_at?.toISOString() ?? null,
      lastFeedbackAt: row.last_feedback_at?.toISOString() ?? null,
      validatedAt: row.validated_at?.toISOString() ?? null,
      link: `/insights/themes/${row.theme_id}`,
      quotes: quotes.map((q) => ({
        quote: q.quote,
        language: q.language,
        source: q.source,
        link: q.source_link,
      })),
    },
  };
}

/** Plain-text description used by the Slack, GitHub, Jira and Linear channels. */
export function describeInsight(p: InsightPayload): string {
  const t = p.theme;
  const lines = [
    `${t.summary ?? t.label}`,
    `Area: ${t.productArea ?? 'unknown'} · ${t.itemCount} feedback item(s) · first ${t.firstFeedbackAt ?? '?'}`,
    ...t.quotes.map((q) => `> "${q.quote}" (${q.source})`),
    `Open in Tandem: ${t.link}`,
  ];
  return lines.join('\n');
}
