import { describeInsight, type InsightPayload, type OutgoingRequest } from '../insight-payload.js';

/** Jira Cloud REST v3: POST /rest/api/3/issue, basic auth email:token, description in ADF. */
export function jiraRequest(
  target: { baseUrl: string; projectKey: string; issueType: string },
  auth: { email: string; token: string },
  payload: InsightPayload,
): OutgoingRequest {
  const paragraphs = describeInsight(payload)
    .split('\n')
    .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return {
    url: `${target.baseUrl.replace(/\/$/, '')}/rest/api/3/issue`,
    method: 'POST',
    headers: {
      accept: 'application/json',
      authorization: `Basic ${Buffer.from(`${auth.email}:${auth.token}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      fields: {
        project: { key: target.projectKey },
        issuetype: { name: target.issueType },
        summary: `[Insight] ${payload.theme.label}`.slice(0, 250),
        description: { type: 'doc', version: 1, content: paragraphs },
        labels: ['insight'],
      },
    }),
  };
}
