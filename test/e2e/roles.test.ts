import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, launchBrowser, logIn, navAreas, newPage, screenshot } from './browser.js';

const AREAS = ['console', 'conversations', 'insights', 'hotline', 'fraud', 'operations', 'admin'] as const;
const PATHS: Record<(typeof AREAS)[number], string> = {
  console: '/console',
  conversations: '/conversations',
  insights: '/insights',
  hotline: '/hotline/calls',
  fraud: '/fraud',
  operations: '/operations',
  admin: '/admin/staff',
};

const ROLES: { email: string; name: string; areas: (typeof AREAS)[number][] }[] = [
  { email: 'admin@tandem.demo', name: 'admin', areas: [...AREAS] },
  { email: 'supervisor@tandem.demo', name: 'supervisor', areas: ['conversations', 'hotline', 'operations'] },
  { email: 'agent@tandem.demo', name: 'agent', areas: ['console', 'conversations'] },
  { email: 'reviewer@tandem.demo', name: 'insights_reviewer', areas: ['insights', 'hotline'] },
  { email: 'product@tandem.demo', name: 'product', areas: ['insights', 'hotline'] },
  { email: 'fraud@tandem.demo', name: 'fraud_analyst', areas: ['fraud'] },
];

describe('staff roles in the web app', () => {
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

  for (const role of ROLES) {
    it(`${role.name} sees exactly the allowed areas and is refused the others`, async () => {
      const { context, page } = await newPage(browser, server.url);
      try {
        await logIn(page, role.email);
        expect(await navAreas(page)).toEqual(role.areas);
        await expect.poll(() => page.getByTestId('user-roles').textContent()).toBeTruthy();

        // Landing on / goes to the first area of their own role (an admin's is Admin).
        const first = role.name === 'admin' ? 'admin' : role.areas[0]!;
        await page.waitForURL((url) => url.pathname.startsWith(`/${first}`));
        if (role.name === 'admin') await screenshot(page, 'shell-admin');

        // Each allowed area opens without the no-access page.
        for (const area of role.areas) {
          await page.goto(PATHS[area]);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          expect(await page.getByTestId('no-access').count(), `${role.name} on ${area}`).toBe(0);
        }

        // Every other area, opened by URL, shows the no-access page.
        for (const area of AREAS.filter((a) => !role.areas.includes(a))) {
          await page.goto(PATHS[area]);
          await page.getByTestId('no-access').waitFor();
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("You don't have access");
        }
      } finally {
        await context.close();
      }
    });
  }

  it('shows the API error for a wrong password and stays on the login page', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      // Demo mode lists the demo accounts.
      await page.getByRole('heading', { name: 'Demo accounts' }).waitFor();
      await screenshot(page, 'login');
      await page.getByLabel('Email', { exact: true }).fill('agent@tandem.demo');
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('invalid_credentials');
      expect(await error.getAttribute('role')).toBe('alert');
      expect((await error.textContent())?.length ?? 0).toBeGreaterThan(10);
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'login-error');
    } finally {
      await context.close();
    }
  });

  it('sends a logged-out visitor to the login page and back after login; logout ends the session', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/operations');
      await page.waitForURL('**/login');
      await page.getByLabel('Email', { exact: true }).fill('supervisor@tandem.demo');
      await page.getByLabel('Password', { exact: true }).fill('tandem-demo');
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.waitForURL('**/operations');
      await page.getByTestId('ops-overview').waitFor();

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL('**/login');
      await page.goto('/operations');
      await page.waitForURL('**/login');
      const session = await page.request.get('/api/v1/auth/session');
      expect(session.status()).toBe(401);
    } finally {
      await context.close();
    }
  });
});
