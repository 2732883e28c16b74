import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubRequest } from '../../src/insights/routing/channels/github-request.js';
import { jiraRequest } from '../../src/insights/routing/channels/jira-request.js';
import { linearRequest } from '../../src/insights/routing/channels/linear-request.js';
import { slackRequest } from '../../src/insights/routing/channels/slack-request.js';
import {
  signBody,
  verifySignature,
  webhookRequest,
} from '../../src/insights/routing/channels/webhook-request.js';
import type { InsightPayload, OutgoingRequest } from '../../src/insights/routing/insight-payload.js';

const payload: InsightPayload = {
  event: 'insight.validated',
  deliveryId: 'd-1',
  team: { id: 'payments', name: 'Payments' },
  theme: {
    id: 't-1',
    label: 'Cards declined at checkout',
    summary: 'Card payments fail at checkout after 3-D Secure',
    productArea: 'checkout',
    itemCount: 4,
    firstFeedbackAt: '2026-03-01T10:00:00.000Z',
    lastFeedbackAt: '2026-03-01T12:00:00.000Z',
    validatedAt: '2026-03-01T13:00:00.000Z',
    link: '/insights/themes/t-1',
    quotes: [
      { quote: 'my card was declined', language: 'en', source: 'hotline_call', link: '/hotline/calls/c-1' },
    ],
  },
};

/** A local server recording what arrives, the way each vendor's API would see it. */
let seen: { method: string; path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    seen.push({ method: req.method!, path: req.url!, headers: req.headers, body });
    res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function send(req: OutgoingRequest) {
  seen = [];
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
  expect(res.status).toBe(201);
  return seen[0]!;
}

describe('insight delivery channels on the wire', () => {
  it('webhook: JSON body signed t=<unix>,v1=<hmac of "t.body">, verifiable and replay-bounded', async () => {
    const now = new Date('2026-03-01T13:00:05Z');
    const got = await send(webhookRequest(`${base}/hooks/tandem`, 'secret-of-the-team-1234', payload, now));
    expect(got.method).toBe('POST');
    expect(got.path).toBe('/hooks/tandem');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-tandem-timestamp']).toBe(String(now.getTime() / 1000));
    expect(JSON.parse(got.body)).toEqual(payload);
    const sig = String(got.headers['x-tandem-signature']);
    expect(sig).toBe(signBody('secret-of-the-team-1234', got.body, now.getTime() / 1000));
    expect(verifySignature('secret-of-the-team-1234', got.body, sig, now.getTime() / 1000)).toBe(true);
    expect(verifySignature('secret-of-the-team-1234', `${got.body} `, sig, now.getTime() / 1000)).toBe(false);
    expect(verifySignature('secret-of-the-team-1234', got.body, sig, now.getTime() / 1000 + 3600)).toBe(
      false,
    );
  });

  it('slack: incoming-webhook message with text and blocks', async () => {
    const got = await send(slackRequest(`${base}/services/T0/B0/x`, payload));
    expect(got.path).toBe('/services/T0/B0/x');
    const body = JSON.parse(got.body);
    expect(body.text).toContain('Cards declined at checkout');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Cards declined at checkout' },
    });
    expect(body.blocks[1].text.text).toContain('my card was declined');
  });

  it('github: POST /repos/{owner}/{repo}/issues with a Bearer token', async () => {
    const got = await send(githubRequest(base, 'ghp_token', { owner: 'acme', repo: 'pay app' }, payload));
    expect(got.method).toBe('POST');
    expect(got.path).toBe('/repos/acme/pay%20app/issues');
    expect(got.headers.authorization).toBe('Bearer ghp_token');
    expect(got.headers.accept).toBe('application/vnd.github+json');
    const body = JSON.parse(got.body);
    expect(body.title).toBe('[Insight] Cards declined at checkout');
    expect(body.body).toContain('/insights/themes/t-1');
    expect(body.labels).toEqual(['insight', 'checkout']);
  });

  it('jira: POST /rest/api/3/issue, basic auth email:token, ADF description', async () => {
    const got = await send(
      jiraRequest(
        { baseUrl: `${base}/`, projectKey: 'PAY', issueType: 'Task' },
        { email: 'bot@acme.se', token: 'jt' },
        payload,
      ),
    );
    expect(got.path).toBe('/rest/api/3/issue');
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from('bot@acme.se:jt').toString('base64')}`);
    const { fields } = JSON.parse(got.body);
    expect(fields.project).toEqual({ key: 'PAY' });
    expect(fields.issuetype).toEqual({ name: 'Task' });
    expect(fields.description.type).toBe('doc');
    expect(fields.description.version).toBe(1);
    expect(fields.description.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Card payments fail at checkout after 3-D Secure' }],
    });
  });

  it('linear: GraphQL issueCreate with the team id', async () => {
    const got = await send(linearRequest(`${base}/graphql`, 'lin_api_key', { teamId: 'team-uuid' }, payload));
    expect(got.path).toBe('/graphql');
    expect(got.headers.authorization).toBe('lin_api_key');
    const body = JSON.parse(got.body);
    expect(body.query).toContain('issueCreate(input: $input)');
    expect(body.variables.input).toMatchObject({
      teamId: 'team-uuid',
      title: '[Insight] Cards declined at checkout',
    });
  });
});
