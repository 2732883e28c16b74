import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, launchBrowser, logIn, newPage, screenshot } from './browser.js';

describe('staff areas load their data', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an agent looks up a customer and sees the profile with orders and installments', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await logIn(page, 'agent@tandem.demo');
      // An agent lands in the console; the customer lookup is one link away.
      await page.waitForURL('**/console');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Conversations' })
        .click();
      await page.waitForURL('**/conversations');
      const consoleLink = page.getByRole('note').getByRole('link', { name: 'agent console' });
      expect(await consoleLink.getAttribute('href')).toBe('/console');
      await page.getByLabel('Find a customer').fill('Alex Morgan');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      // Results, or the "no match" note when the demo company is missing.
      await page
        .getByTestId('customer-results')
        .or(page.getByText(/No customer matches/))
        .waitFor();
      expect(await page.getByText(/No customer matches/).count(), 'the demo company is seeded').toBe(0);
      const result = page.getByTestId('customer-results').getByRole('button', { name: /Alex Morgan/ });
      await result.click();
      const profile = page.getByTestId('customer-profile');
      await profile.getByRole('heading', { level: 2, name: 'Alex Morgan' }).waitFor();
      expect(await profile.textContent()).toContain('alex.morgan@example.com');
      const orders = profile.getByTestId('staff-order');
      expect(await orders.count()).toBeGreaterThan(0);
      expect(await profile.getByText('Pay in 4').count()).toBeGreaterThan(0);
      // The selection is in the URL, so a reload keeps it.
      expect(new URL(page.url()).searchParams.get('q')).toBe('Alex Morgan');
      await page.reload();
      await page.getByTestId('customer-profile').getByRole('heading', { name: 'Alex Morgan' }).waitFor();
      await screenshot(page, 'conversations');
    } finally {
      await context.close();
    }
  });

  it('a fraud analyst sees the shared-identifier lists', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await logIn(page, 'fraud@tandem.demo');
      await page.waitForURL('**/fraud');
      await page
        .getByRole('heading', { name: /Shared devices|No shared identifiers/ })
        .first()
        .waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      await screenshot(page, 'fraud');
    } finally {
      await context.close();
    }
  });

  it('an insights reviewer lands on the insights overview, which says plainly when there are no themes yet', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await logIn(page, 'reviewer@tandem.demo');
      await page.waitForURL('**/insights');
      await page.getByRole('heading', { name: 'Top themes' }).waitFor();
      await page.getByRole('region', { name: 'Top themes' }).getByText('No themes yet.').waitFor();
    } finally {
      await context.close();
    }
  });
});
