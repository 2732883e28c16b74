import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { attributes, ensureWebBuilt, launchBrowser, newPage, screenshot } from './browser.js';
import { type DemoCustomer, demoCustomers } from './widget.js';

interface NextPayment {
  amountMinor: number;
  currency: string;
  dueDate: string;
}

interface Order {
  merchant: { name: string };
  currency: string;
  plan: { kind: string; currency: string; installments: { status: string }[] } | null;
}

/** Collapses the different spaces Intl uses (NBSP, narrow NBSP) so strings compare reliably. */
const norm = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('the customer demo page', () => {
  let server: TestServer;
  let browser: Browser;
  let customers: DemoCustomer[];

  /** The customer's orders and next payment straight from the API, to check what the page shows. */
  async function accountOf(
    customerId: string,
  ): Promise<{ orders: Order[]; nextPayment: NextPayment | null }> {
    const tokenRes = await fetch(`${server.url}/api/v1/demo/customer-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const get = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(200);
      return (await res.json()) as T;
    };
    const { orders } = await get<{ orders: Order[] }>('/api/v1/me/orders');
    const { nextPayment } = await get<{ nextPayment: NextPayment | null }>('/api/v1/me/next-payment');
    return { orders, nextPayment };
  }

  async function expectAccount(page: Page, customer: DemoCustomer, amountPattern: RegExp) {
    const given = customer.name.split(' ')[0]!;
    await page.getByRole('heading', { level: 1, name: `Hi ${given}` }).waitFor();
    const { orders, nextPayment } = await accountOf(customer.id);
    expect(
      orders.some((o) => o.plan?.kind === 'pay_in_4' && o.plan.installments.some((i) => i.status !== 'paid')),
    ).toBe(true);

    // The next payment is the server's, with amount and date formatted for the customer's locale.
    expect(nextPayment).not.toBeNull();
    const amount = norm(await page.getByTestId('next-payment-amount').textContent());
    expect(amount).toMatch(amountPattern);
    const money = new Intl.NumberFormat(customer.locale, {
      style: 'currency',
      currency: nextPayment!.currency,
    });
    expect(amount).toBe(norm(money.format(nextPayment!.amountMinor / 100)));
    const date = new Intl.DateTimeFormat(customer.locale, { dateStyle: 'long', timeZone: 'UTC' });
    expect(norm(await page.getByTestId('next-payment-date').textContent())).toBe(
      norm(date.format(new Date(`${nextPayment!.dueDate}T12:00:00Z`))),
    );

    // The order list shows every order with its merchant and its installment schedule.
    const cards = page.getByTestId('demo-order');
    expect(await cards.count()).toBe(orders.length);
    for (const [i, order] of orders.entries()) {
      const card = cards.nth(i);
      expect(await card.textContent()).toContain(order.merchant.name);
      expect(await attributes(card.locator('.tp-step'), 'data-status')).toEqual(
        (order.plan?.installments ?? []).map((x) => x.status),
      );
    }
    await page.locator('#tandem-chat-widget-slot').waitFor({ state: 'attached' });
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

  it("shows Alex Morgan's upcoming payment in USD and the orders, then Elsa's in SEK for sv-SE", async () => {
    expect(
      customers.map((c) => c.name),
      'the demo company is seeded',
    ).toEqual(expect.arrayContaining(['Alex Morgan', 'Elsa Lindqvist']));
    const alex = customers.find((c) => c.name === 'Alex Morgan');
    const elsa = customers.find((c) => c.name === 'Elsa Lindqvist');
    expect(alex?.locale).toBe('en-US');
    expect(elsa?.locale).toBe('sv-SE');

    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/demo');
      // Alex is the default customer.
      await expectAccount(page, alex!, /^\$\d{1,3}(,\d{3})*\.\d{2}$/);
      await screenshot(page, 'demo-alex');

      await page
        .getByLabel('Viewing as')
        .selectOption({ label: `${elsa!.name} (${elsa!.country}, ${elsa!.locale})` });
      await expectAccount(page, elsa!, /^\d{1,3}( \d{3})*,\d{2} kr$/);
      expect(new URL(page.url()).searchParams.get('customer')).toBe(elsa!.id);
      // No US formatting left anywhere in Elsa's account.
      expect(await page.getByTestId('demo-account').textContent()).not.toContain('$');
      await screenshot(page, 'demo-elsa');

      // The choice survives a reload.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Hi Elsa' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
