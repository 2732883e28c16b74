import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_ENDED_QUEUE } from '../../src/hotline/calls/hotline-deps.js';
import { createApiKey } from '../../src/identity/api-keys.js';
import { newId } from '../../src/platform/ids.js';
import { errorCode, injector, logInAs, type StaffSession } from '../support/http.js';
import { testDatabaseTargets } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe.each(testDatabaseTargets())('insights feedback API (%s)', (database) => {
  let server: TestServer;
  let product: StaffSession;
  let importKey: string;
  let otherKey: string;
  beforeAll(async () => {
    server = await startTestServer({ database });
    product = await logInAs(server, 'product@tandem.demo');
    const db = server.app.deps.db;
    importKey = (
      await createApiKey(db, { type: 'system', id: null }, { name: 'reviews', scopes: ['insights:import'] })
    ).secret;
    otherKey = (
      await createApiKey(db, { type: 'system', id: null }, { name: 'risk', scopes: ['risk:score'] })
    ).secret;
  });
  afterAll(async () => server?.close());
  const inject = injector(() => server);

  it('accepts feedback from an API key with the scope, idempotently by externalId', async () => {
    const payload = [
      {
        text: 'The checkout keeps failing on my phone',
        source: 'app-store',
        externalId: 'r-1',
        occurredAt: '2026-03-01',
      },
      { text: 'Jag önskar att jag kunde välja förfallodag själv', externalId: 'r-2', language: 'sv' },
      { text: 'ok', externalId: 'r-3' },
      { text: '   ' },
    ];
    const first = await inject({
      method: 'POST',
      url: '/api/v1/insights/feedback',
      headers: { 'x-api-key': importKey },
      payload,
    });
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({
      received: 4,
      imported: 2,
      duplicates: 0,
      skipped: { no_feedback: 1, empty: 1 },
    });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'imported',
      'imported',
      'skipped',
      'skipped',
    ]);

    const again = await inject({
      method: 'POST',
      url: '/api/v1/insights/feedback',
      headers: { 'x-api-key': importKey },
      payload,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ imported: 0, duplicates: 2 });
    expect(again.json().results[0].id).toBe(body.results[0].id);

    const listed = await inject({
      method: 'GET',
      url: '/api/v1/insights/feedback?source=api&limit=10',
      headers: product.headers,
    });
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as {
      quote: string;
      kind: string;
      sourceLabel: string;
      productArea: string;
    }[];
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.sourceLabel === 'app-store')).toMatchObject({
      kind: 'bug',
      productArea: 'checkout',
    });
    const audit = await server.app.deps.db
      .selectFrom('audit_log')
      .select('actor_type')
      .where('action', '=', 'insights.feedback.imported')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.every((a) => a.actor_type === 'api_key')).toBe(true);
  });

  it('refuses bad input naming the field, and callers without the scope or role', async () => {
    const post = (payload: unknown, headers: Record<string, string> = { 'x-api-key': importKey }) =>
      inject({ method: 'POST', url: '/api/v1/insights/feedback', headers, payload: payload as object });
    const missing = await post([{ source: 'x' }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('body.0.text');
    const date = await post([{ text: 'The app is slow', occurredAt: 'yesterday' }]);
    expect(date.statusCode).toBe(400);
    expect(date.json().error.message).toContain('body.0.occurredAt');
    const long = await post([{ text: 'x'.repeat(10_001) }]);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain('body.0.text');
    expect((await post([])).statusCode).toBe(400);
    expect((await post({ text: 'not an array' })).statusCode).toBe(400);

    expect((await post([{ text: 'The app is slow' }], {})).statusCode).toBe(401);
    const wrongScope = await post([{ text: 'The app is slow' }], { 'x-api-key': otherKey });
    expect(wrongScope.statusCode).toBe(403);
    const agent = await logInAs(server, 'agent@tandem.demo');
    expect(errorCode(await post([{ text: 'The app is slow' }], agent.headers))).toBe('forbidden');
    expect(
      (await inject({ method: 'GET', url: '/api/v1/insights/feedback', headers: agent.headers })).statusCode,
    ).toBe(403);
    expect((await inject({ method: 'GET', url: '/api/v1/insights/overview' })).statusCode).toBe(401);
    // Staff with the product role may post too (with the session's CSRF token).
    expect(
      (await post([{ text: 'The fees are far too high', externalId: 'staff-1' }], product.headers))
        .statusCode,
    ).toBe(201);

    const badArea = await inject({
      method: 'GET',
      url: '/api/v1/insights/feedback?area=nope',
      headers: product.headers,
    });
    expect(badArea.statusCode).toBe(400);
    expect(badArea.json().error.message).toContain('querystring.area');
    const badCursor = await inject({
      method: 'GET',
      url: '/api/v1/insights/feedback?cursor=abc',
      headers: product.headers,
    });
    expect(badCursor.statusCode).toBe(400);
  });

  it('pages the list with a cursor and filters by kind and area; the overview counts per day, kind, area and sentiment', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const texts = [
      'The app crashes on start',
      'The app crashes on login',
      'Please add dark mode to the app',
      'Late fees are too high',
    ];
    const res = await inject({
      method: 'POST',
      url: '/api/v1/insights/feedback',
      headers: { 'x-api-key': importKey },
      payload: texts.map((text, i) => ({
        text,
        externalId: `page-${i}`,
        occurredAt: `${today}T0${i}:00:00Z`,
      })),
    });
    expect(res.json().imported).toBe(4);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/insights/feedback?from=${today}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await inject({ method: 'GET', url, headers: product.headers });
      expect(page.statusCode).toBe(200);
      const body = page.json() as { items: { id: string; occurredAt: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);

    const bugs = await inject({
      method: 'GET',
      url: `/api/v1/insights/feedback?from=${today}&kind=bug&area=app`,
      headers: product.headers,
    });
    expect(
      bugs
        .json()
        .items.map((i: { quote: string }) => i.quote)
        .sort(),
    ).toEqual(['The app crashes on login', 'The app crashes on start']);

    const overview = await inject({
      method: 'GET',
      url: '/api/v1/insights/overview?days=7',
      headers: product.headers,
    });
    expect(overview.statusCode).toBe(200);
    const o = overview.json();
    expect(o.perDay).toHaveLength(7);
    expect(o.perDay.at(-1)).toEqual({
      date: today,
      count: o.total - o.perDay.slice(0, -1).reduce((s: number, d: { count: number }) => s + d.count, 0),
    });
    expect(o.perDay.at(-1).count).toBeGreaterThanOrEqual(5);
    expect(o.byKind.bug).toBeGreaterThanOrEqual(2);
    expect(o.byArea.find((a: { area: string }) => a.area === 'app')).toMatchObject({ label: 'App' });
    expect(o.bySentiment.negative + o.bySentiment.neutral + o.bySentiment.positive).toBe(o.total);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/insights/overview?days=0', headers: product.headers }))
        .statusCode,
    ).toBe(400);
  });

  it('the hotline call-ended job stores the call feedback as items linked to the call', async () => {
    const db = server.app.deps.db;
    await db.insertInto('hotline_personas').values({ id: 'api-test', name: 'T', definition: '{}' }).execute();
    const callId = newId();
    await db
      .insertInto('hotline_calls')
      .values({
        id: callId,
        persona_id: 'api-test',
        channel: 'browser',
        language: 'en',
        consent_notice: 'AI',
        status: 'ended',
        started_at: new Date(),
        ended_at: new Date(),
        wants_follow_up: false,
      })
      .execute();
    await db
      .insertInto('hotline_feedback_items')
      .values({
        id: newId(),
        call_id: callId,
        kind: 'complaint',
        summary: 'fees',
        quote: 'the late fee was way too high',
        language: 'en',
      })
      .execute();
    await server.app.deps.jobs.enqueue(CALL_ENDED_QUEUE, { callId }, { dedupeKey: callId });
    let items: { source_link: string | null; product_area: string }[] = [];
    for (let i = 0; i < 100 && items.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      items = await db
        .selectFrom('feedback_items')
        .select(['source_link', 'product_area'])
        .where('source_ref', '=', callId)
        .execute();
    }
    expect(items).toEqual([{ source_link: `/hotline/calls/${callId}`, product_area: 'fees' }]);
  });
});
