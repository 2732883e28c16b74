import { describeInsight, type InsightPayload, type OutgoingRequest } from '../insight-payload.js';

const ISSUE_CREATE = `mutation IssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier url } }
}`;

/** Linear GraphQL issueCreate; the API key goes in Authorization as is (Linear's personal keys). */
export function linearRequest(
  apiUrl: string,
  apiKey: string,
  target: { teamId: string },
  payload: InsightPayload,
): OutgoingRequest {
  return {
    url: apiUrl,
    method: 'POST',
    headers: { authorization: apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({
      query: ISSUE_CREATE,
      variables: {
        input: {
          teamId: target.teamId,
          title: `[Insight] ${payload.theme.label}`,
          description: describeInsight(payload),
        },
      },
    }),
  };
}
