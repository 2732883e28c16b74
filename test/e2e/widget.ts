import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Collapses the different spaces Intl uses (NBSP, narrow NBSP) so strings compare reliably. */
export const norm = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** A customer of the demo company, as `/api/v1/demo/info` lists them. */
export interface DemoCustomer {
  id: string;
  name: string;
  locale: string;
  country: string;
}

export async function demoCustomers(serverUrl: string): Promise<DemoCustomer[]> {
  const res = await fetch(`${serverUrl}/api/v1/demo/info`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { customers: DemoCustomer[] }).customers;
}

export interface WidgetLabels {
  input: string;
  send: string;
}

/**
 * The chat widget on /demo (its shadow-DOM slot; `slotSelector` for another page's, e.g. /hotline),
 * its message log and one way to say something in it.
 */
export function chatWidget(page: Page, labels: WidgetLabels, slotSelector = '#tandem-chat-widget-slot') {
  const slot = page.locator(slotSelector);
  const log = slot.getByRole('log');
  const replies = log.locator('[data-role="assistant"], [data-role="agent"], [data-role="system"]');
  /** Sends `text` with Enter and returns the text of every reply it caused. */
  async function ask(text: string): Promise<{ text: string; messages: Locator }> {
    const before = await replies.count();
    const input = slot.getByLabel(labels.input, { exact: true });
    await input.fill(text);
    await input.press('Enter');
    await expect.poll(() => replies.count(), { timeout: 20_000 }).toBeGreaterThan(before);
    await slot.locator('[data-tandem-chat]:not([data-sending])').waitFor();
    const count = await replies.count();
    const texts: string[] = [];
    for (let i = before; i < count; i++) texts.push(norm(await replies.nth(i).textContent()));
    return { text: texts.join('\n'), messages: replies.locator(`nth=${before}`) };
  }
  return { slot, log, replies, ask, send: slot.getByRole('button', { name: labels.send, exact: true }) };
}
