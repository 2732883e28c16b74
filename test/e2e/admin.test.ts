import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, launchBrowser, logIn, navAreas, newPage, screenshot } from './browser.js';

describe('admin area in the web app', () => {
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

  it('creates a staff user and an API key, shows the secret once, and records both in the audit log', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await logIn(page, 'admin@tandem.demo');
      await page.getByRole('link', { name: 'Admin' }).click();
      await page.waitForURL('**/admin/staff');
      await page.getByTestId('staff-table').waitFor();

      // Create a staff user with the agent and supervisor roles.
      await page.getByRole('button', { name: 'Add staff user' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Robin Field');
      await page.getByLabel('Email', { exact: true }).fill('robin.field@tandem.demo');
      await page.getByLabel('Initial password').fill('correct-horse-battery');
      await page.getByRole('group', { name: 'Roles' }).getByLabel('Supervisor').check();
      await page.getByRole('button', { name: 'Create staff user' }).click();
      await expect
        .poll(() => page.getByTestId('staff-notice').textContent())
        .toContain('Created Robin Field');
      const row = page.locator('tr[data-email="robin.field@tandem.demo"]');
      await row.waitFor();
      expect(await row.textContent()).toContain('Agent, Supervisor');
      await screenshot(page, 'admin-staff');

      // Create an API key: the secret is shown once.
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.waitForURL('**/admin/api-keys');
      await page.getByLabel('Name', { exact: true }).fill('Checkout risk scoring');
      await page.getByLabel('risk:score').check();
      await page.getByRole('button', { name: 'Create API key' }).click();
      const secret = (await page.getByTestId('api-key-secret').textContent()) ?? '';
      expect(secret).toMatch(/^tdm_[a-z0-9]{10}_\S{20,}$/);
      await page.getByRole('button', { name: 'Copy secret' }).waitFor();
      const keyRow = page.locator('tr[data-key-name="Checkout risk scoring"]');
      await keyRow.waitFor();
      expect(await keyRow.textContent()).toContain('risk:score');
      expect(await keyRow.textContent()).toContain(secret.split('_')[1]);
      await screenshot(page, 'admin-api-key-secret');

      await page.getByRole('button', { name: 'I have stored the secret' }).click();
      await page.getByTestId('api-key-secret-panel').waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(secret);
      await page.reload();
      await keyRow.waitFor();
      expect(await page.content()).not.toContain(secret);

      // Revoke it from the list.
      await keyRow.getByRole('button', { name: 'Revoke Checkout risk scoring' }).click();
      await keyRow.getByRole('button', { name: 'Confirm revoke' }).click();
      await expect.poll(() => keyRow.textContent()).toContain('Revoked');

      // The audit log shows all three actions.
      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.waitForURL('**/admin/audit');
      await page.getByTestId('audit-table').waitFor();
      for (const action of ['staff_user.created', 'api_key.created', 'api_key.revoked']) {
        await page.locator(`tr[data-action="${action}"]`).first().waitFor();
      }
      const created = page.locator('tr[data-action="staff_user.created"]').first();
      expect(await created.textContent()).toContain('Ada Admin');
      await screenshot(page, 'admin-audit');

      // Filtering by entity type narrows the list.
      await page.getByLabel('Entity type').selectOption('api_key');
      await page.waitForURL('**/admin/audit?entityType=api_key');
      await expect.poll(() => page.locator('tr[data-action="staff_user.created"]').count()).toBe(0);
      expect(await page.locator('tr[data-action="api_key.created"]').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }

    // The new staff user can log in and sees what their roles allow.
    const second = await newPage(browser, server.url);
    try {
      await logIn(second.page, 'robin.field@tandem.demo', 'correct-horse-battery');
      expect(await navAreas(second.page)).toEqual(['console', 'conversations', 'hotline', 'operations']);
      expect(await second.page.getByTestId('user-name').textContent()).toBe('Robin Field');
    } finally {
      await second.context.close();
    }
  });

  it("changes a staff user's roles and disables them", async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await logIn(page, 'admin@tandem.demo');
      await page.goto('/admin/staff');
      const row = page.locator('tr[data-email="product@tandem.demo"]');
      await row.waitFor();
      await row.getByRole('button', { name: /^Edit / }).click();
      const panel = page.locator('.edit-row');
      await panel.getByLabel('Fraud analyst').check();
      await panel.getByLabel('Status').selectOption('disabled');
      await panel.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => row.textContent()).toContain('Product, Fraud analyst');
      expect(await row.textContent()).toContain('Disabled');
    } finally {
      await context.close();
    }
  });
});
