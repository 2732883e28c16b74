import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { network } from '../support/agent-network.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, launchBrowser, logIn, newPage, screenshot } from './browser.js';

/** The value of a labelled figure on the support view (the first <dd> of the group named `label`). */
const figure = (page: Page, label: string) =>
  page.getByRole('group', { name: label, exact: true }).getByRole('definition').first();

async function figureBecomes(page: Page, label: string, value: string) {
  await page
    .getByRole('group', { name: label, exact: true })
    .getByRole('definition')
    .filter({ hasText: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .first()
    .waitFor();
}

describe('the supervisor’s support view', () => {
  let server: TestServer;
  let browser: Browser;
  const net = network(() => server);
  let agent: Awaited<ReturnType<typeof net.agent>>;

  /** A visitor asks for a person through the real assistant; returns the conversation id. */
  async function askForPerson(): Promise<string> {
    const started = await net.inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'en-US' },
    });
    const { id } = started.json() as { id: string };
    const turn = await net.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text: 'I want to talk to a real person' },
    });
    expect(turn.json()).toMatchObject({ status: 'waiting_for_human' });
    return id;
  }

  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    agent = await net.agent({ languages: ['en'] });

    // One conversation goes AI → person → closed → rated 5 by the customer.
    const handled = await askForPerson();
    const offer = await net.offerFor(agent.session, handled);
    expect((await net.answer(agent.session, offer.id, 'accept')).statusCode).toBe(200);
    const closed = await net.inject({
      method: 'POST',
      url: `/api/v1/conversations/${handled}/close`,
      headers: agent.session.headers,
      payload: { resolutionCode: 'resolved' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const rated = await net.inject({
      method: 'POST',
      url: `/api/v1/conversations/${handled}/rating`,
      payload: { score: 5 },
    });
    expect(rated.statusCode, rated.body).toBe(201);

    // One the assistant handles alone; the visitor closes it.
    const aiOnly = await net.inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'en-US' },
    });
    const aiId = (aiOnly.json() as { id: string }).id;
    expect(
      (await net.inject({ method: 'POST', url: `/api/v1/conversations/${aiId}/leave` })).statusCode,
    ).toBe(200);

    // Someone waiting whom nobody online can serve (handed over too), and a sign-up to approve.
    await net.waiting('vi', 'hardship', 'urgent', 'hardship_signals');
    await net.agent({ languages: ['nl'], approved: false });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the live queue, the outcomes and the sign-ups, and stays fresh', async () => {
    const { context, page } = await newPage(browser, server.url);
    // A controllable clock, so the last step can stop the 5-second refresh and see the live path alone.
    await page.clock.install();
    try {
      await logIn(page, 'supervisor@tandem.demo');
      await page.goto('/operations');
      await page
        .getByRole('navigation', { name: 'Operations sections' })
        .getByRole('link', { name: 'Support' })
        .click();
      await page.waitForURL('**/operations/support');
      await figure(page, 'Conversations handed to a person').waitFor();

      expect(await figure(page, 'Conversations').textContent()).toBe('3');
      expect(await figure(page, 'Conversations handed to a person').textContent()).toBe('2');
      expect(await figure(page, 'Handoff rate').textContent()).toBe('67%');
      expect(await figure(page, 'Resolved by AI').textContent()).toBe('33%');
      expect(await figure(page, 'CSAT (human)').textContent()).toBe('5.0');
      expect(await figure(page, 'CSAT (AI)').textContent()).toBe('—');
      expect(await figure(page, 'Service level').textContent()).toBe('100%');
      expect(await figure(page, 'Service level target').textContent()).toBe('80% within 1 min');
      expect(await figure(page, 'Abandoned in the queue').textContent()).toBe('0');
      // Three conversations, one paid 2.50 to the agent, 0.02 of AI each: (250 + 6) / 3.
      expect(await figure(page, 'Cost per conversation').textContent()).toBe('$0.85');
      const reasons = page.getByRole('table', { name: 'Handoff reasons' });
      expect(await reasons.getByRole('row', { name: /Customer requested human/ }).textContent()).toContain(
        '1',
      );

      // The Vietnamese hardship conversation waits, first in its line, offered to nobody.
      const queue = page.getByRole('table', { name: /Waiting for a person/ });
      const waiting = queue.getByRole('row').filter({ hasText: 'vi' });
      expect(await waiting.count()).toBe(1);
      expect(await waiting.textContent()).toContain('Hardship signals');
      const bySkill = page.getByRole('table', { name: 'Agents online by skill' });
      expect(await bySkill.getByRole('row', { name: /^General/ }).textContent()).toBe('General103');

      // Approving the sign-up removes it from the list.
      const pending = page.getByRole('table', { name: /Agent sign-ups awaiting approval/ });
      await pending.getByRole('button', { name: /^Approve / }).click();
      await page.getByText('No sign-up is waiting.').waitFor();
      await screenshot(page, 'operations-support');

      // A new handoff reaches the open page through the staff topic: the page's clock is stopped,
      // so the 5-second refresh cannot be what updates it.
      await page.locator('[data-live-status="open"]').waitFor();
      await page.clock.pauseAt(new Date(Date.now() + 2000));
      await askForPerson();
      await figureBecomes(page, 'Conversations handed to a person', '3');
      expect(await figure(page, 'Conversations').textContent()).toBe('4');
    } finally {
      await context.close();
    }
  });

  it('is not in an agent’s navigation, and an agent cannot open it', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await logIn(page, 'agent@tandem.demo');
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Operations' }).count()).toBe(0);
      await page.goto('/operations/support');
      await page.getByTestId('no-access').waitFor();
      expect(await page.getByRole('group', { name: 'Conversations handed to a person' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
