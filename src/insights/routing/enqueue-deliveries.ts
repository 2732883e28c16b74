import type { Selectable, Transaction } from 'kysely';
import type { DB, InsightChannel, InsightTeamsTable } from '../../platform/db/schema.js';
import type { AppDeps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';

export const DELIVERY_QUEUE = 'insights.deliver';

/** The channels a team has configured. */
export function teamChannels(team: Selectable<InsightTeamsTable>): InsightChannel[] {
  const channels: InsightChannel[] = [];
  if (team.webhook_url) channels.push('webhook');
  if (team.slack_webhook_url) channels.push('slack');
  const tracker = team.tracker as { kind?: InsightChannel } | null;
  if (tracker?.kind === 'github' || tracker?.kind === 'jira' || tracker?.kind === 'linear')
    channels.push(tracker.kind);
  return channels;
}

/**
 * One pending delivery row and one job per channel, in the caller's transaction: the review
 * commits at once and the queue sends later, retrying with backoff.
 */
export async function enqueueDeliveries(
  deps: Pick<AppDeps, 'jobs' | 'config'>,
  trx: Transaction<DB>,
  themeId: string,
  team: Selectable<InsightTeamsTable>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const channel of teamChannels(team)) {
    const id = newId();
    await trx
      .insertInto('insight_deliveries')
      .values({ id, theme_id: themeId, team_id: team.id, channel })
      .execute();
    await deps.jobs.enqueue(
      DELIVERY_QUEUE,
      { deliveryId: id },
      { maxAttempts: deps.config.insights.deliveryMaxAttempts },
      trx,
    );
    ids.push(id);
  }
  return ids;
}
