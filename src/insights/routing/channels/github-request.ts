import { describeInsight, type InsightPayload, type OutgoingRequest } from '../insight-payload.js';

/** GitHub REST: POST /repos/{owner}/{repo}/issues with a Bearer token. */
export function githubRequest(
  apiUrl: string,
  token: string,
  target: { owner: string; repo: string },
  payload: InsightPayload,
): OutgoingRequest {
  const path = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}/issues`;
  return {
    url: `${apiUrl.replace(/\/$/, '')}${path}`,
    method: 'POST',
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'Tandem-Insights/1',
    },
    body: JSON.stringify({
      title: `[Insight] ${payload.theme.label}`,
      body: describeInsight(payload),
      labels: ['insight', ...(payload.theme.productArea ? [payload.theme.productArea] : [])],
    }),
  };
}
