import { describeInsight, type InsightPayload, type OutgoingRequest } from '../insight-payload.js';

/** Slack incoming-webhook message: `text` (fallback, notifications) and `blocks`. */
export function slackRequest(url: string, payload: InsightPayload): OutgoingRequest {
  const t = payload.theme;
  const body = {
    text: `Validated insight for ${payload.team.name}: ${t.label} (${t.itemCount} items)`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: t.label.slice(0, 150) } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: describeInsight(payload).slice(0, 2900) },
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `Area *${t.productArea ?? 'unknown'}* · team ${payload.team.name}` },
        ],
      },
    ],
  };
  return { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
