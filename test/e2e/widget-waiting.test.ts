import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector, logInAs } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, launchBrowser, newPage, screenshot } from './browser.js';

/*
 * An anonymous visitor (no customer token) on a shop's own site (another origin) asks for a person when nobody
 * who speaks their language is online: the widget says so, offers a callback, keeps the
 * conversation across a reload, and hears live when staff finish it.
 */
async function serveShopPage(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

describe('the chat widget while waiting for a person', () => {
  let server: TestServer;
  let browser: Browser;
  let shop: { url: string; close(): Promise<void> };
  const inject = injector(() => server);

  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { DISPATCH_SWEEP_SECONDS: '1' } }),
      launchBrowser(),
    ]);
    // The shop's own site, on another origin, embedding the widget the documented way.
    shop = await serveShopPage(
      `<!doctype html><html lang="nl"><head><title>Winkel</title></head><body><h1>Winkel</h1>
      <div id="chat"></div>
      <script src="${server.url}/widget.js" data-locale="nl-NL" data-mount="#chat"
              data-api-base="${server.url}" defer></script></body></html>`,
    );
  });
  afterAll(async () => {
    await shop?.close();
    await browser?.close();
    await server?.close();
  });

  it('offers a callback when nobody is online, resumes after a reload, follows the conversation live, and lets the visitor stop waiting', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto(`${shop.url}/`);
      const log = page.getByRole('log');
      await log.locator('[data-role="assistant"]').first().waitFor();
      const input = page.getByLabel('Je bericht', { exact: true });
      await input.fill('Ik wil graag met een echte medewerker praten');
      await input.press('Enter');

      // Nobody who speaks Dutch is online: said plainly, a position, no time, and a callback offer.
      const banner = page.getByRole('status').filter({ hasText: 'wachtrij' });
      await banner.waitFor();
      expect(await banner.textContent()).not.toMatch(/wachttijd/i);
      await log.getByText('Er is nu niemand van ons team online').waitFor();
      const callback = page.getByRole('button', { name: 'Neem hier contact met me op zodra iemand vrij is' });
      await callback.click();
      await banner.getByText('We nemen hier contact op zodra iemand vrij is').waitFor();
      await callback.waitFor({ state: 'detached' });
      const id = await page.locator('[data-tandem-chat]').getAttribute('data-conversation-id');
      expect(id).toBeTruthy();
      const stored = await inject({ method: 'GET', url: `/api/v1/conversations/${id}` });
      expect(stored.json()).toMatchObject({
        status: 'waiting_for_human',
        handoff: { callbackRequested: true },
      });
      await screenshot(page, 'chat-widget-waiting-callback');

      // A reload finds the same conversation, still waiting, with what was said.
      await page.reload();
      await page.getByRole('log').getByText('Ik wil graag met een echte medewerker praten').waitFor();
      expect(await page.locator('[data-tandem-chat]').getAttribute('data-conversation-id')).toBe(id);
      await banner.getByText('We nemen hier contact op zodra iemand vrij is').waitFor();

      // Staff close it: the visitor's widget hears it over its own socket and asks for a rating.
      const supervisor = await logInAs(server, 'supervisor@tandem.demo');
      const close = await inject({
        method: 'POST',
        url: `/api/v1/conversations/${id}/close`,
        headers: supervisor.headers,
        payload: { resolutionCode: 'customer_unresponsive' },
      });
      expect(close.statusCode, close.body).toBe(200);
      await page.getByRole('group', { name: 'Beoordeel dit gesprek' }).waitFor();
      expect(await page.locator('[data-tandem-chat]').getAttribute('data-status')).toBe('closed');

      // Closed conversations are not resumed: a reload starts afresh.
      await page.reload();
      await page.getByRole('log').locator('[data-role="assistant"]').first().waitFor();
      expect(await page.locator('[data-tandem-chat]').getAttribute('data-conversation-id')).not.toBe(id);

      // Asking again and then giving up: the visitor stops waiting, and the queue counts it as abandoned.
      await input.fill('Ik wil graag met een echte medewerker praten');
      await input.press('Enter');
      await page.getByRole('button', { name: 'Stoppen met wachten' }).click();
      await expect.poll(() => page.locator('[data-tandem-chat]').getAttribute('data-status')).toBe('closed');
      const left = await page.locator('[data-tandem-chat]').getAttribute('data-conversation-id');
      const row = await server.app.deps.db
        .selectFrom('conversations')
        .select(['status', 'resolution_code'])
        .where('id', '=', left!)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'closed', resolution_code: 'customer_left_queue' });
    } finally {
      await context.close();
    }
  });
});
