import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_ENDED_QUEUE } from '../../src/hotline/calls/hotline-deps.js';
import { warnSla } from '../../src/insights/decisions/warn-sla.js';
import { SIGNATURE_HEADER, verifySignature } from '../../src/insights/routing/channels/webhook-request.js';
import { themePendingFeedback } from '../../src/insights/theming/theme-pending-feedback.js';
import { fixedClock } from '../../src/platform/clock.js';
import { newId } from '../../src/platform/ids.js';
import { errorCode, injector, logInAs, type StaffSession } from '../support/http.js';
import { testDatabaseTargets } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const SECRET = 'test-webhook-secret-0123456789';
const HOUR = 3_600_000;

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A team's receiver: /flaky fails twice then accepts; /hang never answers the first time. */
async function startReceiver() {
  const received: Received[] = [];
  const calls = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const n = (calls.get(req.url!) ?? 0) + 1;
      calls.set(req.url!, n);
      if (req.url === '/flaky' && n <= 2) return void res.writeHead(503).end('busy');
      if (req.url === '/hang' && n === 1) return; // never answers
      received.push({ path: req.url!, headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    calls,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function until<T>(probe: () => Promise<T | undefined | null | false>, ms = 40_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(testDatabaseTargets())('insights review, routing, decisions (%s)', (database) => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let reviewer: StaffSession;
  let product: StaffSession;
  let agent: StaffSession;
  const inject = injector(() => server);

  beforeAll(async () => {
    receiver = await startReceiver();
    const dir = mkdtempSync(join(tmpdir(), 'teams-'));
    const teamsFile = join(dir, 'teams.json');
    writeFileSync(
      teamsFile,
      JSON.stringify({
        teams: [
          {
            id: 'payments',
            name: 'Payments',
            productAreas: ['payments', 'checkout', 'card', 'fees'],
            webhookUrl: `${receiver.url}/flaky`,
            webhookSecret: SECRET,
            slackWebhookUrl: `${receiver.url}/slack`,
          },
          {
            id: 'app',
            name: 'App',
            productAreas: ['app', 'account_login'],
            webhookUrl: `${receiver.url}/hang`,
          },
        ],
      }),
    );
    server = await startTestServer({
      database,
      env: {
        INSIGHTS_TEAMS_FILE: teamsFile,
        INSIGHTS_WEBHOOK_SECRET: SECRET,
        INSIGHTS_DELIVERY_TIMEOUT_MS: '400',
        INSIGHTS_THEME_EVERY_SECONDS: '3600',
      },
    });
    reviewer = await logInAs(server, 'reviewer@tandem.demo');
    product = await logInAs(server, 'product@tandem.demo');
    agent = await logInAs(server, 'agent@tandem.demo');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
  async function addFeedback(items: { text: string; externalId: string; occurredAt?: string }[]) {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/insights/feedback',
      headers: product.headers,
      payload: items,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().imported, res.body).toBe(items.length);
    await themePendingFeedback(server.app.deps);
    return res.json().results.map((r: { id: string }) => r.id) as string[];
  }
  async function themeOf(itemId: string): Promise<string> {
    const row = await server.app.deps.db
      .selectFrom('feedback_items')
      .select('theme_id')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    return row.theme_id!;
  }

  let cardTheme = '';
  let appTheme = '';
  let cardItems: string[] = [];

  it('themes similar items together and opens a draft for an unrelated one', async () => {
    cardItems = await addFeedback([
      { text: 'My card was declined at checkout again', externalId: 'c1', occurredAt: ago(21) },
      { text: 'Card declined at the checkout, so annoying', externalId: 'c2', occurredAt: ago(3) },
      {
        text: 'My card keeps getting declined at checkout, please fix it',
        externalId: 'c3',
        occurredAt: ago(2),
      },
    ]);
    const [appItem] = await addFeedback([
      { text: 'The app crashes every time I log in', externalId: 'a1', occurredAt: ago(1) },
    ]);
    cardTheme = await themeOf(cardItems[0]!);
    expect(await themeOf(cardItems[1]!)).toBe(cardTheme);
    expect(await themeOf(cardItems[2]!)).toBe(cardTheme);
    appTheme = await themeOf(appItem!);
    expect(appTheme).not.toBe(cardTheme);

    const page = await inject({
      method: 'GET',
      url: `/api/v1/insights/themes/${cardTheme}`,
      headers: product.headers,
    });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body).toMatchObject({ status: 'draft', itemCount: 3, productArea: expect.any(String) });
    expect(body.label.length).toBeGreaterThan(2);
    expect(body.trend).toHaveLength(30);
    expect(body.trend.at(-1)).toHaveProperty('baseline7');
    expect(body.items).toHaveLength(3);
    const queue = await inject({
      method: 'GET',
      url: '/api/v1/insights/review-queue',
      headers: reviewer.headers,
    });
    expect(queue.json().themes.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining([cardTheme, appTheme]),
    );
  });

  it("themes a hotline call's feedback right after the call ends (job triggered with the items)", async () => {
    const db = server.app.deps.db;
    await db
      .insertInto('hotline_personas')
      .values({ id: 'review-test', name: 'T', definition: '{}' })
      .execute();
    const callId = newId();
    const now = new Date();
    await db
      .insertInto('hotline_calls')
      .values({
        id: callId,
        persona_id: 'review-test',
        channel: 'browser',
        language: 'en',
        consent_notice: 'AI',
        status: 'ended',
        started_at: now,
        ended_at: now,
        wants_follow_up: true,
      })
      .execute();
    await db
      .insertInto('hotline_feedback_items')
      .values({
        id: newId(),
        call_id: callId,
        kind: 'bug',
        summary: 'login',
        quote: 'the app crashes when I log in',
        language: 'en',
      })
      .execute();
    // The recurring theming run is hourly here: only the trigger enqueued with the items can theme it.
    await server.app.deps.jobs.enqueue(CALL_ENDED_QUEUE, { callId }, { dedupeKey: callId });
    const item = await until(() =>
      db
        .selectFrom('feedback_items')
        .select(['theme_id', 'source_link'])
        .where('source_ref', '=', callId)
        .where('theme_id', 'is not', null)
        .executeTakeFirst(),
    );
    expect(item.theme_id).toBe(appTheme);
    const page = (
      await inject({ method: 'GET', url: `/api/v1/insights/themes/${appTheme}`, headers: product.headers })
    ).json();
    expect(page.items.map((i: { sourceLink: string }) => i.sourceLink)).toContain(`/hotline/calls/${callId}`);
  });

  it('lets only reviewers review, and requires a reason', async () => {
    const url = `/api/v1/insights/themes/${cardTheme}/validate`;
    expect((await inject({ method: 'POST', url, payload: { reason: 'real issue' } })).statusCode).toBe(401);
    const asProduct = await inject({
      method: 'POST',
      url,
      headers: product.headers,
      payload: { reason: 'real issue' },
    });
    expect(asProduct.statusCode).toBe(403);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/insights/themes', headers: agent.headers })).statusCode,
    ).toBe(403);
    const noReason = await inject({ method: 'POST', url, headers: reviewer.headers, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(errorCode(noReason)).toBe('validation_failed');
  });

  it('splits and merges with correct counts, audited with the reason', async () => {
    const split = await inject({
      method: 'POST',
      url: `/api/v1/insights/themes/${cardTheme}/split`,
      headers: reviewer.headers,
      payload: {
        itemIds: [cardItems[2]],
        label: 'checkout declines',
        reason: 'different wording, check later',
      },
    });
    expect(split.statusCode, split.body).toBe(201);
    const newTheme = split.json().id as string;
    const count = async (id: string) =>
      (await inject({ method: 'GET', url: `/api/v1/insights/themes/${id}`, headers: product.headers })).json()
        .itemCount;
    expect(await count(cardTheme)).toBe(2);
    expect(await count(newTheme)).toBe(1);
    const merge = await inject({
      method: 'POST',
      url: `/api/v1/insights/themes/${newTheme}/merge`,
      headers: reviewer.headers,
      payload: { into: cardTheme, reason: 'same problem after all' },
    });
    expect(merge.statusCode).toBe(200);
    expect(await count(cardTheme)).toBe(3);
    const audit = await server.app.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'reason'])
      .where('action', 'in', ['insights.theme.split', 'insights.theme.merge'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'insights.theme.split',
        actor_id: reviewer.user.id,
        reason: 'different wording, check later',
      },
      { action: 'insights.theme.merge', actor_id: reviewer.user.id, reason: 'same problem after all' },
    ]);
  });

  it('validates, routes to the owning team, retries a failing webhook with a verifiable signature', async () => {
    const res = await inject({
      method: 'POST',
      url: `/api/v1/insights/themes/${cardTheme}/validate`,
      headers: reviewer.headers,
      payload: {
        reason: 'many customers, clear bug',
        label: 'Cards declined at checkout',
        productArea: 'checkout',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      teamId: 'payments',
      deliveries: [expect.any(String), expect.any(String)],
    });
    // The review returned before any delivery succeeded (the receiver refuses twice first).
    expect(receiver.received.filter((r) => r.path === '/flaky')).toHaveLength(0);

    const hook = await until(async () => receiver.received.find((r) => r.path === '/flaky'));
    expect(receiver.calls.get('/flaky')).toBe(3);
    const header = String(hook.headers[SIGNATURE_HEADER]);
    expect(verifySignature(SECRET, hook.body, header, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature('another-secret-entirely', hook.body, header, Math.floor(Date.now() / 1000))).toBe(
      false,
    );
    const payload = JSON.parse(hook.body);
    expect(payload).toMatchObject({
      event: 'insight.validated',
      team: { id: 'payments' },
      theme: { id: cardTheme, label: 'Cards declined at checkout', itemCount: 3 },
    });
    const slack = receiver.received.find((r) => r.path === '/slack')!;
    expect(JSON.parse(slack.body)).toMatchObject({
      text: expect.stringContaining('Cards declined'),
      blocks: expect.any(Array),
    });

    const page = await until(async () => {
      const p = (
        await inject({ method: 'GET', url: `/api/v1/insights/themes/${cardTheme}`, headers: product.headers })
      ).json();
      return p.deliveries.every((d: { status: string }) => d.status === 'delivered') && p;
    });
    const webhook = page.deliveries.find((d: { channel: string }) => d.channel === 'webhook');
    expect(webhook).toMatchObject({ attempts: 3, responseStatus: 200, status: 'delivered' });
  }, 60_000);

  it('retries a receiver that hangs after the per-attempt timeout', async () => {
    const res = await inject({
      method: 'POST',
      url: `/api/v1/insights/themes/${appTheme}/validate`,
      headers: reviewer.headers,
      payload: { reason: 'crash on login', productArea: 'app' },
    });
    expect(res.json().teamId, res.body).toBe('app');
    await until(async () => receiver.received.find((r) => r.path === '/hang'));
    const row = await server.app.deps.db
      .selectFrom('insight_deliveries')
      .selectAll()
      .where('theme_id', '=', appTheme)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'delivered', attempts: 2 });
  }, 60_000);

  it('records decisions by product, tracks the SLA and queues follow-ups when shipped', async () => {
    const deny = await inject({
      method: 'POST',
      url: `/api/v1/insights/themes/${cardTheme}/decision`,
      headers: reviewer.headers,
      payload: { decision: 'planned', note: 'next sprint' },
    });
    expect(deny.statusCode).toBe(403);

    // The app theme (first feedback 1 h ago) is open and fine; a fake clock 20.5 h later warns once.
    const sla = (
      await inject({ method: 'GET', url: '/api/v1/insights/sla', headers: product.headers })
    ).json();
    expect(sla.open.find((t: { id: string }) => t.id === appTheme)).toMatchObject({ state: 'ok' });
    expect(sla.open.find((t: { id: string }) => t.id === cardTheme)).toMatchObject({ state: 'warning' });
    const later = { ...server.app.deps, clock: fixedClock(new Date(Date.now() + 20 * HOUR)) };
    const warned = await warnSla(later);
    expect(warned).toBe(2);
    expect(await warnSla(later)).toBe(0);

    await server.app.deps.db
      .updateTable('feedback_items')
      .set({ wants_follow_up: true })
      .where('id', '=', cardItems[0]!)
      .execute();
    const customer = await server.app.deps.db.selectFrom('customers').select('id').executeTakeFirstOrThrow();
    await server.app.deps.db
      .updateTable('feedback_items')
      .set({ wants_follow_up: true, customer_id: customer.id })
      .where('id', 'in', [cardItems[1]!, cardItems[2]!])
      .execute();
    const planned = await inject({
      method: 'POST',
      url: `/api/v1/insights/themes/${cardTheme}/decision`,
      headers: product.headers,
      payload: { decision: 'planned', note: 'fix the 3-D Secure retry' },
    });
    expect(planned.statusCode).toBe(200);
    expect(planned.json().followUps).toBe(0);
    const shipped = await inject({
      method: 'POST',
      url: `/api/v1/insights/themes/${cardTheme}/decision`,
      headers: product.headers,
      payload: { decision: 'shipped', note: 'released in 4.2' },
    });
    // One customer (two items) gets one follow-up; the API item without a customer or call gets none.
    expect(shipped.json().followUps).toBe(1);
    const followUps = await server.app.deps.db.selectFrom('insight_follow_ups').selectAll().execute();
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({
      customer_id: customer.id,
      channel: 'conversation',
      status: 'pending',
    });

    // The customer is told: their app reads the update, shows it, and it counts as delivered.
    const token = await server.app.customerTokens.issue(customer.id);
    const bearer = { authorization: `Bearer ${token}` };
    const updates = await inject({ method: 'GET', url: '/api/v1/me/feedback-updates', headers: bearer });
    expect(updates.statusCode).toBe(200);
    const [update] = updates.json().updates as { id: string; message: string; note: string; seen: boolean }[];
    expect(update).toMatchObject({ note: 'released in 4.2', seen: false });
    expect(update!.message).toMatch(/has now shipped/);
    const other = await server.app.deps.db
      .selectFrom('customers')
      .select('id')
      .where('id', '!=', customer.id)
      .executeTakeFirstOrThrow();
    const otherBearer = { authorization: `Bearer ${await server.app.customerTokens.issue(other.id)}` };
    expect(
      (await inject({ method: 'GET', url: '/api/v1/me/feedback-updates', headers: otherBearer })).json()
        .updates,
    ).toEqual([]);
    const notTheirs = await inject({
      method: 'POST',
      url: `/api/v1/me/feedback-updates/${update!.id}/seen`,
      headers: otherBearer,
    });
    expect(notTheirs.statusCode).toBe(404);
    for (let i = 0; i < 2; i++) {
      const seen = await inject({
        method: 'POST',
        url: `/api/v1/me/feedback-updates/${update!.id}/seen`,
        headers: bearer,
      });
      expect(seen.statusCode).toBe(204);
    }
    const delivered = await server.app.deps.db
      .selectFrom('insight_follow_ups')
      .select(['status', 'sent_at'])
      .where('id', '=', update!.id)
      .executeTakeFirstOrThrow();
    expect(delivered.status).toBe('sent');
    expect(delivered.sent_at).not.toBeNull();
    const audits = await server.app.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', update!.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['insights.follow_up.seen']);

    const after = (
      await inject({ method: 'GET', url: '/api/v1/insights/sla', headers: product.headers })
    ).json();
    const decided = after.decided.find((t: { id: string }) => t.id === cardTheme);
    expect(decided.decision).toBe('shipped');
    expect(decided.hoursToDecision).toBeGreaterThan(20);
    expect(decided.hoursToValidation).toBeGreaterThan(20);
    const page = (
      await inject({ method: 'GET', url: `/api/v1/insights/themes/${cardTheme}`, headers: product.headers })
    ).json();
    expect(page.decisions.map((d: { decision: string }) => d.decision)).toEqual(['planned', 'shipped']);
  });

  it('exports items with their theme as CSV', async () => {
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = await inject({
      method: 'GET',
      url: `/api/v1/insights/export.csv?from=${from}&to=${to}`,
      headers: product.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,occurred_at,source,source_label,source_link,language,kind,product_area,sentiment,urgency,theme_id,theme_label,theme_status,quote',
    );
    expect(lines).toHaveLength(6); // header, 4 API items, 1 hotline item
    expect(lines.filter((l) => l.includes('Cards declined at checkout,validated'))).toHaveLength(3);
    expect(res.body).toContain('"Card declined at the checkout, so annoying"');
    const bad = await inject({
      method: 'GET',
      url: `/api/v1/insights/export.csv?from=${to}&to=${from}`,
      headers: product.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});
