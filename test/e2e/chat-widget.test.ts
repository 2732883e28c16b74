import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInOverHttp } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, launchBrowser, newPage, screenshot, screenshotOf } from './browser.js';
import { chatWidget, type DemoCustomer, demoCustomers, norm } from './widget.js';

interface NextPayment {
  amountMinor: number;
  currency: string;
  dueDate: string;
}

interface Order {
  id: string;
  merchant: { name: string };
  plan: { status: string } | null;
  disputes: { status: string }[];
}

const digits = (s: string) => s.replace(/\D/g, '');

describe('the chat widget on /demo', () => {
  let server: TestServer;
  let browser: Browser;
  let customers: DemoCustomer[];

  /** GETs a customer's own API resource with a demo customer token, as the host app would. */
  async function asCustomer<T>(customerId: string, path: string): Promise<T> {
    const tokenRes = await fetch(`${server.url}/api/v1/demo/customer-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId }),
    });
    expect(tokenRes.status).toBe(200);
    const { token } = (await tokenRes.json()) as { token: string };
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    customers = await demoCustomers(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers Elsa in Swedish from her account and the help centre, opens a dispute for Alex and hands over to a person', async () => {
    const elsa = customers.find((c) => c.name === 'Elsa Lindqvist');
    const alex = customers.find((c) => c.name === 'Alex Morgan');
    expect(elsa?.locale).toBe('sv-SE');
    expect(alex).toBeDefined();

    const { context, page } = await newPage(browser, server.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto('/demo');
      await page.getByRole('heading', { level: 1, name: 'Hi Alex' }).waitFor();
      await page
        .getByLabel('Viewing as')
        .selectOption({ label: `${elsa!.name} (${elsa!.country}, ${elsa!.locale})` });
      await page.getByRole('heading', { level: 1, name: 'Hi Elsa' }).waitFor();

      // The widget speaks Swedish: its own labels, and the assistant's greeting.
      const sv = chatWidget(page, { input: 'Ditt meddelande', send: 'Skicka' });
      await sv.log.locator('[data-role="assistant"]').first().waitFor();
      expect(await sv.replies.first().textContent()).toContain('AI-assistent');
      await sv.slot.getByRole('button', { name: 'Prata med en människa' }).waitFor();
      expect(norm(await sv.slot.locator('.tc-counter').textContent())).toBe('0 / 4 000');

      // Her next payment, formatted the way the assistant formats it (sv-SE, SEK).
      const { nextPayment } = await asCustomer<{ nextPayment: NextPayment | null }>(
        elsa!.id,
        '/api/v1/me/next-payment',
      );
      expect(nextPayment).not.toBeNull();
      const amount = new Intl.NumberFormat('sv-SE', {
        style: 'currency',
        currency: nextPayment!.currency,
      }).format(nextPayment!.amountMinor / 100);
      const date = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${nextPayment!.dueDate}T00:00:00Z`),
      );
      const payment = await sv.ask('När ska jag betala nästa gång?');
      expect(digits(payment.text)).toContain(digits(amount));
      expect(payment.text).toMatch(new RegExp(`\\b${Number(nextPayment!.dueDate.slice(8))}\\b`));
      expect(payment.text).toContain(norm(amount));
      expect(payment.text).toContain(norm(date));

      // A help-centre answer links its Swedish source article.
      const returns = await sv.ask('Hur fungerar returer?');
      const sources = returns.messages.locator('a[href^="/help/sv/"]');
      expect(await sources.count()).toBeGreaterThan(0);
      expect(norm(await sources.first().textContent())).not.toBe('');
      await screenshot(page, 'chat-widget-elsa');
      await screenshotOf(sv.slot, 'chat-widget-elsa-closeup');

      // Switching customer re-opens the widget as Alex, in English, with a new conversation.
      await page
        .getByLabel('Viewing as')
        .selectOption({ label: `${alex!.name} (${alex!.country}, ${alex!.locale})` });
      await page.getByRole('heading', { level: 1, name: 'Hi Alex' }).waitFor();
      const en = chatWidget(page, { input: 'Your message', send: 'Send' });
      await en.log.locator('[data-role="assistant"]').first().waitFor();
      expect(await en.log.textContent()).not.toContain('När ska jag betala');
      expect(await page.locator('[data-tandem-chat]').count()).toBe(1);

      // A dispute: pick a purchase by store name when asked, then confirm.
      const ordersBefore = (await asCustomer<{ orders: Order[] }>(alex!.id, '/api/v1/me/orders')).orders;
      const disputable = ordersBefore.filter(
        (o) =>
          o.plan?.status === 'active' && !o.disputes.some((d) => ['open', 'under_review'].includes(d.status)),
      );
      expect(disputable.length).toBeGreaterThan(0);
      let question = await en.ask('I want to dispute a purchase');
      let merchant: string;
      if (/which purchase/i.test(question.text)) {
        // Answer with a store that appears once in the list, so the name alone picks it.
        const listed = [...question.text.matchAll(/\b\d+\. (.+?) \(/g)].map((m) => m[1]!);
        const unique = listed.filter((name) => listed.filter((n) => n === name).length === 1);
        expect(unique.length, question.text).toBeGreaterThan(0);
        merchant = unique[0]!;
        expect(disputable.map((o) => o.merchant.name)).toContain(merchant);
        question = await en.ask(merchant);
      } else {
        merchant = /purchase at (.+?) \(/.exec(question.text)?.[1] ?? '';
      }
      expect(question.text).toMatch(/open a dispute for your purchase at/i);
      expect(question.text).toContain(merchant);
      const opened = await en.ask('yes');
      expect(opened.text).toContain(`opened a dispute for your purchase at ${merchant}`);

      const ordersAfter = (await asCustomer<{ orders: Order[] }>(alex!.id, '/api/v1/me/orders')).orders;
      const disputed = ordersAfter.filter(
        (o) =>
          o.merchant.name === merchant && o.disputes.some((d) => ['open', 'under_review'].includes(d.status)),
      );
      expect(disputed).toHaveLength(1);
      expect(disputed[0]!.plan?.status).toBe('paused');

      // A person, one click away at any time.
      await en.slot.getByRole('button', { name: 'Talk to a person', exact: true }).click();
      const banner = en.slot.getByRole('status').filter({ hasText: 'Waiting for a person' });
      await banner.waitFor();
      expect(norm(await banner.textContent())).toMatch(
        /Waiting for a person(A person will reply here|You are number \d+ in the queue)/,
      );
      expect(await en.log.locator('[data-role="customer"]').last().textContent()).toContain(
        'I want to talk to a human',
      );

      // While waiting, messages go to the person; markup in them stays text.
      const markup = '<img src=x onerror="window.__tandemXss=1"><b>bold?</b>';
      const input = en.slot.getByLabel('Your message', { exact: true });
      await input.fill(markup);
      await en.send.click();
      await en.slot.locator('[data-tandem-chat]:not([data-sending])').waitFor();
      const mine = en.log.locator('[data-role="customer"]').last();
      expect(await mine.locator('.tc-bubble').textContent()).toBe(markup);
      expect(await en.log.locator('img, b').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as { __tandemXss?: number }).__tandemXss)).toBe(undefined);

      // The 4000-character limit holds in the browser too.
      await input.fill('x'.repeat(4100));
      expect((await input.inputValue()).length).toBe(4000);
      expect(norm(await en.slot.locator('.tc-counter').textContent())).toBe('4,000 / 4,000');
      await input.fill('');

      await screenshot(page, 'chat-widget-alex-handoff');
      await screenshotOf(en.slot, 'chat-widget-alex-handoff-closeup');

      // The demo agent takes it (as dispatch would), replies, and hands back: the customer rates it.
      const conversationId = await en.slot.locator('[data-tandem-chat]').getAttribute('data-conversation-id');
      const db = server.app.deps.db;
      const agentRow = await db
        .selectFrom('agents as a')
        .innerJoin('staff_users as s', 's.id', 'a.staff_user_id')
        .select('a.id')
        .where('s.email', '=', 'agent@tandem.demo')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('conversations')
        .set({ status: 'with_human', assigned_agent_id: agentRow.id, assigned_at: new Date() })
        .where('id', '=', conversationId!)
        .execute();
      const staff = await logInOverHttp(server.url, 'agent@tandem.demo');
      const staffPost = (path: string, body: unknown) =>
        fetch(`${server.url}/api/v1/conversations/${conversationId}/${path}`, {
          method: 'POST',
          headers: { ...staff, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect(
        (await staffPost('agent-messages', { text: 'Hi Alex, Alva here. I can see your dispute.' })).status,
      ).toBe(201);
      const agentMessage = en.log.locator('[data-role="agent"]').last();
      await agentMessage.waitFor();
      expect(norm(await agentMessage.textContent())).toBe(
        'Alva · Support agentHi Alex, Alva here. I can see your dispute.',
      );
      expect((await staffPost('hand-back', { resolutionCode: 'dispute_handled' })).status).toBe(200);
      const rating = en.slot.getByRole('group', { name: 'Rate this conversation' });
      await rating.waitFor();
      // Keyboard only: focus the first star, arrow to the fourth, a comment, then send.
      await rating.getByRole('radio', { name: '1 of 5 stars' }).focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      expect(await rating.getByRole('radio', { name: '4 of 5 stars' }).isChecked()).toBe(true);
      await en.slot.getByLabel('Comment (optional)').fill('Alva was great');
      await en.slot.getByRole('button', { name: 'Send rating' }).click();
      await en.slot.getByText('Thank you for your feedback!').waitFor();
      const stored = await db
        .selectFrom('conversation_ratings')
        .selectAll()
        .where('conversation_id', '=', conversationId!)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ score: 4, comment: 'Alva was great', handled_by: 'human' });
      await screenshotOf(en.slot, 'chat-widget-alex-rated-closeup');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('opens from a plain <script> tag as a floating, keyboard-usable chat', async () => {
    const alex = customers.find((c) => c.name === 'Alex Morgan')!;
    const tokenRes = await fetch(`${server.url}/api/v1/demo/customer-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: alex.id }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const { context, page } = await newPage(browser, server.url);
    try {
      // A host page of its own, on the server's origin, embedding the widget the documented way.
      await page.route(`${server.url}/host-page`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="de"><head><title>Host</title></head><body><h1>Shop</h1>
            <script src="/widget.js" data-locale="de-DE" data-customer-token="${token}" data-api-base="" defer></script>
            </body></html>`,
        }),
      );
      await page.goto('/host-page');
      const launcher = page.getByRole('button', { name: 'Chatten Sie mit uns' });
      await launcher.click();
      const dialog = page.getByRole('dialog', { name: 'Chatten Sie mit uns' });
      await dialog.waitFor();
      await dialog.getByRole('log').locator('[data-role="assistant"]').first().waitFor();
      const input = dialog.getByLabel('Ihre Nachricht', { exact: true });
      await input.focus();
      await input.pressSequentially('Zeile eins');
      await input.press('Shift+Enter');
      await input.pressSequentially('Zeile zwei');
      expect(await input.inputValue()).toBe('Zeile eins\nZeile zwei');
      await screenshot(page, 'chat-widget-floating');
      await input.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await launcher.evaluate((el) => el.matches(':focus'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
