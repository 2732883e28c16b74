import { sql } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { JobContext } from '../../platform/queue/job-queue.js';
import { githubRequest } from './channels/github-request.js';
import { jiraRequest } from './channels/jira-request.js';
import { linearRequest } from './channels/linear-request.js';
import { slackRequest } from './channels/slack-request.js';
import { webhookRequest } from './channels/webhook-request.js';
import { buildInsightPayload, type InsightPayload, type OutgoingRequest } from './insight-payload.js';
import type { TrackerConfig } from './insight-teams.js';

type Deps = Pick<AppDeps, 'db' | 'config' | 'clock' | 'logger'>;

/** Raised for a channel that cannot be sent (missing credentials): not worth retrying. */
class NotConfigured extends Error {}

function requestFor(
  deps: Deps,
  channel: string,
  team: {
    webhook_url: string | null;
    webhook_secret: string | null;
    slack_webhook_url: string | null;
    tracker: unknown;
  },
  payload: InsightPayload,
): OutgoingRequest {
  const c = deps.config.insights;
  const tracker = team.tracker as TrackerConfig | null;
  if (channel === 'webhook')
    return webhookRequest(team.webhook_url!, team.webhook_secret, payload, deps.clock.now());
  if (channel === 'slack') return slackRequest(team.slack_webhook_url!, payload);
  if (channel === 'github' && tracker?.kind === 'github') {
    if (!c.github.token) throw new NotConfigured('INSIGHTS_GITHUB_TOKEN is not set');
    return githubRequest(tracker.apiUrl ?? c.github.apiUrl, c.github.token, tracker, payload);
  }
  if (channel === 'jira' && tracker?.kind === 'jira') {
    if (!c.jira.email || !c.jira.token) throw new NotConfigured('INSIGHTS_JIRA_EMAIL/TOKEN are not set');
    return jiraRequest(tracker, { email: c.jira.email, token: c.jira.token }, payload);
  }
  if (channel === 'linear' && tracker?.kind === 'linear') {
    if (!c.linear.apiKey) throw new NotConfigured('INSIGHTS_LINEAR_API_KEY is not set');
    return linearRequest(tracker.apiUrl ?? c.linear.apiUrl, c.linear.apiKey, tracker, payload);
  }
  throw new NotConfigured(`The team no longer has a ${channel} channel`);
}

/** A tracker's issue reference from its response, when it has one. */
function externalRef(channel: string, text: string): string | null {
  try {
    const j = JSON.parse(text) as {
      html_url?: string;
      key?: string;
      data?: { issueCreate?: { issue?: { url?: string } } };
    };
    if (channel === 'github') return j.html_url ?? null;
    if (channel === 'jira') return j.key ?? null;
    if (channel === 'linear') return j.data?.issueCreate?.issue?.url ?? null;
  } catch {}
  return null;
}

/**
 * Job `insights.deliver`: sends one delivery with a per-attempt timeout and records the attempt.
 * A failure throws so the queue retries with exponential backoff; the last attempt marks it failed.
 */
export async function deliverInsight(deps: Deps, deliveryId: string, context: JobContext): Promise<void> {
  const delivery = await deps.db
    .selectFrom('insight_deliveries as d')
    .innerJoin('insight_teams as t', 't.id', 'd.team_id')
    .select([
      'd.status',
      'd.channel',
      't.webhook_url',
      't.webhook_secret',
      't.slack_webhook_url',
      't.tracker',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (delivery?.status !== 'pending') return;
  const payload = await buildInsightPayload(deps.db, deliveryId);
  if (!payload) return;
  const final = context.attempt >= deps.config.insights.deliveryMaxAttempts;
  let status: number | null = null;
  try {
    const req = requestFor(deps, delivery.channel, delivery, payload);
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(deps.config.insights.deliveryTimeoutMs),
    });
    status = res.status;
    const text = await res.text();
    if (!res.ok) throw new Error(`receiver answered ${res.status}`);
    await deps.db
      .updateTable('insight_deliveries')
      .set({
        status: 'delivered',
        attempts: sql<number>`attempts + 1`,
        response_status: status,
        last_error: null,
        external_ref: externalRef(delivery.channel, text),
        delivered_at: deps.clock.now(),
      })
      .where('id', '=', deliveryId)
      .execute();
  } catch (err) {
    const giveUp = final || err instanceof NotConfigured;
    const message =
      err instanceof Error && err.name === 'TimeoutError'
        ? `timed out after ${deps.config.insights.deliveryTimeoutMs} ms`
        : err instanceof Error
          ? err.message.slice(0, 500)
          : 'failed';
    await deps.db
      .updateTable('insight_deliveries')
      .set({
        status: giveUp ? 'failed' : 'pending',
        attempts: sql<number>`attempts + 1`,
        response_status: status,
        last_error: message,
      })
      .where('id', '=', deliveryId)
      .execute();
    deps.logger.warn(
      { deliveryId, channel: delivery.channel, attempt: context.attempt, giveUp },
      'insight delivery failed',
    );
    if (!giveUp) throw new Error(message);
  }
}
