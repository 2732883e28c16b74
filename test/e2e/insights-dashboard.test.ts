import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCall } from '../../src/hotline/simulator/simulate-call.js';
import { SIGNATURE_HEADER, verifySignature } from '../../src/insights/routing/channels/webhook-request.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, launchBrowser, logIn, newPage, screenshot } from './browser.js';

const SECRET = 'dashboard-test-secret-0123456789';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** The owning team's webhook receiver. */
async function startReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function until<T>(probe: () => Promise<T | undefined | null | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the insights dashboard in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    const areas = (
      JSON.parse(readFileSync(new URL('../../config/insights-taxonomy.json', import.meta.url), 'utf8')) as {
        areas: { id: string }[];
      }
    ).areas.map((a) => a.id);
    const dir = mkdtempSync(join(tmpdir(), 'insights-teams-'));
    const teamsFile = join(dir, 'teams.json');
    // One team owns every area, so wherever the call's feedback lands it is routed to the receiver.
    writeFileSync(
      teamsFile,
      JSON.stringify({
        teams: [
          {
            id: 'product-core',
            name: 'Product core',
            productAreas: [...new Set([...areas, 'other'])],
            webhookUrl: receiver.url,
            webhookSecret: SECRET,
          },
        ],
      }),
    );
    await ensureWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { INSIGHTS_TEAMS_FILE: teamsFile } }),
      launchBrowser(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  /**
   * A simulated phone call to the demo hotline (the hotline issue's simulator: the carrier's webhook,
   * a real-time Media Stream, espeak-ng caller lines, the server's real recogniser and interview).
   * Resolves when the call has ended on the server.
   */
  async function completeHotlineCall(): Promise<string> {
    const report = await simulateCall({
      server: server.url,
      to: '+14155550134',
      lines: [
        'The checkout page crashed when I tried to pay with my card',
        'It matters because I missed my order',
        'I would add a button to retry the payment',
        'Yes that is right',
        'Yes please',
      ],
    });
    expect(report.status).toBe('ended');
    return report.callId;
  }

  it('a finished hotline call is themed on the dashboard; reviewed, routed with a signed webhook, decided, and timed', async () => {
    let themeId = '';
    const reviewer = await newPage(browser, server.url);
    try {
      await logIn(reviewer.page, 'reviewer@tandem.demo');
      await reviewer.page.goto('/insights');
      await reviewer.page.getByRole('heading', { name: 'Top themes' }).waitFor();

      const callId = await completeHotlineCall();
      // The pipeline (call-ended job → feedback items → theming) gives the call's item a theme.
      const item = await until(
        () =>
          server.app.deps.db
            .selectFrom('feedback_items')
            .select(['theme_id'])
            .where('source_ref', '=', callId)
            .where('theme_id', 'is not', null)
            .executeTakeFirst(),
        60_000,
      );
      themeId = item.theme_id!;

      // The open overview updates live: the theme appears under top themes without a reload.
      const themeLink = reviewer.page.locator(`[data-testid="top-themes"] [data-theme-id="${themeId}"] a`);
      await themeLink.waitFor({ timeout: 60_000 });
      expect(Number(await reviewer.page.getByTestId('total-items').textContent())).toBeGreaterThan(0);
      await reviewer.page.getByTestId('daily-chart').waitFor();
      await screenshot(reviewer.page, 'insights-overview');

      await reviewer.page.goto('/insights/review');
      await reviewer.page.locator(`[data-testid="review-queue"] [data-theme-id="${themeId}"]`).waitFor();
      await screenshot(reviewer.page, 'insights-review-queue');

      await reviewer.page.goto(`/insights/themes/${themeId}`);
      // The item links to its call on the hotline page.
      const source = reviewer.page.locator(`[data-testid="source-link"][href="/hotline/calls/${callId}"]`);
      await source.waitFor();
      await reviewer.page.getByTestId('baseline').waitFor({ state: 'attached' });

      // Without a reason the server refuses (400) and the form shows its message, which names the field.
      await reviewer.page.getByRole('button', { name: 'Validate', exact: true }).click();
      expect(await reviewer.page.getByTestId('review-error').textContent()).toMatch(/reason/i);
      expect(receiver.received).toHaveLength(0);

      await reviewer.page.getByLabel('Label').fill('App crashes when paying a bill');
      await reviewer.page.getByLabel('Reason').fill('Caller reproduced it twice; blocks payments');
      await reviewer.page.getByRole('button', { name: 'Validate', exact: true }).click();
      await expect.poll(() => reviewer.page.getByTestId('theme-status').textContent()).toMatch(/Validated/);
      await expect
        .poll(() => reviewer.page.getByTestId('deliveries').locator('li[data-status="delivered"]').count(), {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      await screenshot(reviewer.page, 'insights-theme-validated');

      // The owning team's receiver got the insight, signed with the team's secret.
      const hook = await until(async () => receiver.received[0], 30_000);
      const signature = hook.headers[SIGNATURE_HEADER] as string;
      expect(verifySignature(SECRET, hook.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
      expect(
        verifySignature('another-secret-0123456789', hook.body, signature, Math.floor(Date.now() / 1000)),
      ).toBe(false);
      expect(JSON.parse(hook.body)).toMatchObject({
        event: 'insight.validated',
        team: { id: 'product-core' },
        theme: { id: themeId, label: 'App crashes when paying a bill' },
      });
    } finally {
      await reviewer.context.close();
    }

    const product = await newPage(browser, server.url);
    try {
      await logIn(product.page, 'product@tandem.demo');
      await product.page.goto(`/insights/themes/${themeId}`);
      // Product does not review, but decides.
      await product.page.getByTestId('decision-form').waitFor();
      expect(await product.page.getByTestId('review-form').count()).toBe(0);
      await product.page.getByLabel('Decision', { exact: true }).selectOption('planned');
      await product.page.getByLabel('Note', { exact: true }).fill('Fix in the next release');
      await product.page.getByRole('button', { name: 'Record decision' }).click();
      await expect
        .poll(() => product.page.getByTestId('theme-decision').textContent())
        .toBe('Planned: Fix in the next release');
      expect(await product.page.getByTestId('decisions').textContent()).toMatch(/Planned by /);
      await screenshot(product.page, 'insights-theme-decided');

      // The SLA view: the theme with its hours to validation and to decision against 24 h.
      await product.page.getByRole('link', { name: '24-hour SLA' }).click();
      const row = product.page.locator(`[data-testid="sla-decided"] tr[data-theme-id="${themeId}"]`);
      await row.waitFor();
      expect(await row.getByTestId('hours-to-validation').textContent()).toMatch(/^\d+\.\d h$/);
      expect(await row.getByTestId('hours-to-decision').textContent()).toMatch(/^\d+\.\d h$/);
      expect(await row.textContent()).toMatch(/Yes/);
      expect(await product.page.getByTestId('median-decision').textContent()).toMatch(/^\d+\.\d h$/);
      await screenshot(product.page, 'insights-sla');

      // The export downloads the CSV with the call's feedback under the theme.
      const href = await product.page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      const csv = await product.page.evaluate(async (url) => {
        const res = await fetch(url!);
        return `${res.status} ${await res.text()}`;
      }, href);
      expect(csv.startsWith('200 '), csv).toBe(true);
      expect(csv).toContain(themeId);
    } finally {
      await product.context.close();
    }
  }, 240_000);
});
