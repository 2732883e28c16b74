import type { Sql } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { countsByDay, dailyTrend } from '../themes/daily-trend.js';

const DAY = 86_400_000;

/**
 * One theme's page: fields, 30 daily counts each with its 7-day baseline and spike flag,
 * representative quotes (the most recent per language and kind, urgent first), linked items with
 * their source links (hotline calls: /hotline/calls/<id>), deliveries and decision history.
 */
export async function getTheme(db: Sql, id: string, now: Date, itemLimit = 200) {
  const theme = await db.selectFrom('insight_themes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!theme) throw new AppError(404, 'not_found', 'No such theme');
  const to = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const from = new Date(to.getTime() - 36 * DAY);
  const dates = await db
    .selectFrom('feedback_items')
    .select('occurred_at')
    .where('theme_id', '=', id)
    .where('occurred_at', '>=', from)
    .execute();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const counts = countsByDay(
    dates.map((d) => d.occurred_at.toISOString()),
    iso(from),
    iso(to),
  );
  const trend = counts.slice(7).map((count, i) => {
    const t = dailyTrend(counts.slice(i, i + 8));
    return {
      date: iso(new Date(from.getTime() + (i + 7) * DAY)),
      count,
      baseline7: t.baseline7,
      spike: t.spike,
    };
  });
  const items = await db
    .selectFrom('feedback_items')
    .select([
      'id',
      'quote',
      'language',
      'kind',
      'sentiment',
      'urgency',
      'source',
      'source_ref',
      'source_label',
      'source_link',
      'customer_id',
      'wants_follow_up',
      'occurred_at',
    ])
    .where('theme_id', '=', id)
    .orderBy('occurred_at', 'desc')
    .limit(itemLimit)
    .execute();
  const seen = new Set<string>();
  const rank = { high: 0, normal: 1, low: 2 } as const;
  const quotes = [...items]
    .sort((a, b) => rank[a.urgency] - rank[b.urgency])
    .filter((i) => {
      const key = `${i.language}:${i.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 5)
    .map((i) => ({
      itemId: i.id,
      quote: i.quote,
      language: i.language,
      kind: i.kind,
      sourceLink: i.source_link,
    }));
  const [deliveries, decisions] = await Promise.all([
    db
      .selectFrom('insight_deliveries')
      .select([
        'id',
        'channel',
        'team_id',
        'status',
        'attempts',
        'last_error',
        'response_status',
        'external_ref',
        'delivered_at',
      ])
      .where('theme_id', '=', id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('insight_decisions as d')
      .leftJoin('staff_users as s', 's.id', 'd.decided_by')
      .select(['d.decision', 'd.note', 'd.decided_at', 's.name as decided_by'])
      .where('d.theme_id', '=', id)
      .orderBy('d.decided_at')
      .execute(),
  ]);
  return {
    id: theme.id,
    label: theme.label,
    summary: theme.summary,
    status: theme.status,
    productArea: theme.product_area,
    languageMix: theme.language_mix,
    itemCount: theme.item_count,
    firstFeedbackAt: theme.first_feedback_at,
    lastFeedbackAt: theme.last_feedback_at,
    mergedInto: theme.merged_into,
    validatedAt: theme.validated_at,
    rejectedReason: theme.rejected_reason,
    teamId: theme.team_id,
    decision: theme.decision,
    decisionNote: theme.decision_note,
    decidedAt: theme.decided_at,
    trend,
    quotes,
    items: items.map((i) => ({
      id: i.id,
      quote: i.quote,
      language: i.language,
      kind: i.kind,
      sentiment: i.sentiment,
      urgency: i.urgency,
      source: i.source,
      sourceRef: i.source_ref,
      sourceLabel: i.source_label,
      sourceLink: i.source_link,
      customerId: i.customer_id,
      wantsFollowUp: i.wants_follow_up,
      occurredAt: i.occurred_at,
    })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      channel: d.channel,
      teamId: d.team_id,
      status: d.status,
      attempts: d.attempts,
      lastError: d.last_error,
      responseStatus: d.response_status,
      externalRef: d.external_ref,
      deliveredAt: d.delivered_at,
    })),
    decisions: decisions.map((d) => ({
      decision: d.decision,
      note: d.note,
      decidedAt: d.decided_at,
      decidedBy: d.decided_by,
    })),
  };
}
