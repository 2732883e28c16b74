import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInOverHttp } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, launchBrowser, logIn, newPage, screenshot } from './browser.js';
import { chatWidget, type DemoCustomer, demoCustomers, norm, type WidgetLabels } from './widget.js';

interface CustomerCase {
  customer: string;
  greeting: string;
  labels: WidgetLabels & { rate: string; stars: (n: number) => string; comment: string; rateSend: string };
  rateThanks: string;
  first: string;
  human: string;
  reply: string;
  language: string;
  acceptWith: 'shortcut' | 'button';
}

const CASES: CustomerCase[] = [
  {
    customer: 'Alex Morgan',
    greeting: 'Hi Alex',
    labels: {
      input: 'Your message',
      send: 'Send',
      rate: 'Rate this conversation',
      stars: (n) => `${n} of 5 stars`,
      comment: 'Comment (optional)',
      rateSend: 'Send rating',
    },
    rateThanks: 'Thank you for your feedback!',
    first: 'When is my next payment?',
    human: 'I want to talk to a real person',
    reply: "Hi, I'm Alva from the support team. I can see your next payment here.",
    language: 'English',
    acceptWith: 'shortcut',
  },
  {
    customer: 'Elsa Lindqvist',
    greeting: 'Hi Elsa',
    labels: {
      input: 'Ditt meddelande',
      send: 'Skicka',
      rate: 'Betygsätt samtalet',
      stars: (n) => `${n} av 5 stjärnor`,
      comment: 'Kommentar (valfritt)',
      rateSend: 'Skicka betyg',
    },
    rateThanks: 'Tack för din återkoppling!',
    first: 'När ska jag betala nästa gång?',
    human: 'Jag vill prata med en riktig människa',
    reply: 'Hej, jag heter Alva. Jag ser din nästa betalning här.',
    language: 'Swedish',
    acceptWith: 'button',
  },
];

/** The demo agent (Alva) logs in, opens the console and goes online. */
async function agentOnline(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, url);
  await logIn(page, 'agent@tandem.demo');
  await page.goto('/console');
  const online = page.getByRole('switch', { name: 'Online' });
  await online.waitFor();
  // Still online from the previous test (heartbeats count for 30 s): off first, so both directions run.
  if ((await online.getAttribute('aria-checked')) === 'true') {
    await online.click();
    await page.getByText('You are offline').waitFor();
  }
  expect(await online.getAttribute('aria-checked')).toBe('false');
  // Keyboard: the switch is a button, so Space flips it.
  await online.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => online.getAttribute('aria-checked')).toBe('true');
  await page.getByText('You are online and receive offers').waitFor();
  return { context, page };
}

/** A customer on /demo, viewing as `name`, with the widget ready. */
async function customerOnDemo(browser: Browser, url: string, c: DemoCustomer, greeting: string) {
  const { context, page } = await newPage(browser, url);
  await page.goto('/demo');
  await page.getByRole('heading', { level: 1, name: 'Hi Alex' }).waitFor();
  if (greeting !== 'Hi Alex') {
    await page.getByLabel('Viewing as').selectOption({ label: `${c.name} (${c.country}, ${c.locale})` });
    await page.getByRole('heading', { level: 1, name: greeting }).waitFor();
  }
  return { context, page };
}

describe('the agent console', () => {
  let server: TestServer;
  let browser: Browser;
  let customers: DemoCustomer[];

  const customer = (name: string) => {
    const found = customers.find((c) => c.name === name);
    if (!found) throw new Error(`demo customer ${name} missing`);
    return found;
  };

  beforeAll(async () => {
    await ensureWebBuilt();
    // A long offer window: these tests answer offers themselves (the expiry test has its own server).
    [server, browser] = await Promise.all([
      startTestServer({ env: { OFFER_TIMEOUT_SECONDS: '300' } }),
      launchBrowser(),
    ]);
    customers = await demoCustomers(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The supervisor's outcome figures over the API, to compare the page against. */
  async function supportOutcomes(): Promise<{
    handoff: { count: number };
    csat: { human: { ratings: number } };
  }> {
    const headers = await logInOverHttp(server.url, 'supervisor@tandem.demo');
    const res = await fetch(`${server.url}/api/v1/ops/support?days=7`, { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      support: { handoff: { count: number }; csat: { human: { ratings: number } } };
    };
    return body.support;
  }

  it.each(CASES)(
    '$language customer ($customer): offer, accept, summary, reply, hand back, rating, counted in operations',
    async (c) => {
      const agent = await agentOnline(browser, server.url);
      const who = customer(c.customer);
      const shopper = await customerOnDemo(browser, server.url, who, c.greeting);
      const pageErrors: string[] = [];
      agent.page.on('pageerror', (e) => pageErrors.push(e.message));
      try {
        const console_ = agent.page.getByTestId('console');
        const earnings = console_.getByTestId('earnings');
        await earnings.waitFor();
        const paidBefore = Number(/(\d+) conversation/.exec(norm(await earnings.textContent()))?.[1]);
        const outcomesBefore = await supportOutcomes();

        // The customer asks something first, then for a person.
        const chat = chatWidget(shopper.page, c.labels);
        await chat.log.locator('[data-role="assistant"]').first().waitFor();
        await chat.ask(c.first);
        await chat.ask(c.human);

        // The offer arrives live, with the language and a running countdown.
        const offer = agent.page.getByTestId('offer');
        await offer.waitFor();
        expect(await offer.count()).toBe(1);
        expect(norm(await offer.getByRole('heading').textContent())).toContain(c.language);
        const countdown = offer.getByTestId('offer-countdown');
        const first = norm(await countdown.textContent());
        expect(first).toMatch(/^\d+:\d\d$/);
        await expect
          .poll(async () => norm(await countdown.textContent()), { timeout: 5_000 })
          .not.toBe(first);

        if (c.acceptWith === 'shortcut') await screenshot(agent.page, 'agent-console-offer');
        if (c.acceptWith === 'shortcut') await agent.page.keyboard.press('Alt+Shift+A');
        else await offer.getByRole('button', { name: 'Accept' }).click();

        // The conversation opens: the handoff summary on top, with what the customer said.
        const view = agent.page.getByTestId('conversation-view');
        await view.waitFor();
        await offer.waitFor({ state: 'detached' });
        const summary = view.getByTestId('handoff-summary');
        await summary.waitFor();
        const summaryText = norm(await summary.textContent());
        expect(summaryText).toContain(who.name);
        expect(summaryText).toContain('Verified');
        expect(summaryText).toContain('Asked to talk to a person');
        expect(summaryText).toContain(c.human);
        expect(summaryText).toContain('2 messages from the customer');
        const transcript = view.getByTestId('transcript');
        await transcript.getByText(c.first).waitFor();
        expect(await agent.page.getByRole('tab', { selected: true }).count()).toBe(1);

        // The customer's context: who they are and their orders.
        const context = view.getByTestId('customer-context');
        await context.getByText(who.name, { exact: true }).waitFor();
        expect(await context.locator('details.context-order').count()).toBeGreaterThan(0);

        // A suggested reply goes into the reply box for editing; then the agent writes their own.
        const replyBox = view.getByLabel('Your reply');
        const suggestion = view.getByTestId('suggested-replies').getByRole('button').first();
        await suggestion.waitFor();
        await suggestion.focus();
        await agent.page.keyboard.press('Enter');
        await expect.poll(() => replyBox.inputValue()).not.toBe('');
        expect(await replyBox.evaluate((el) => el.matches(':focus'))).toBe(true);
        await replyBox.fill('');

        await agent.page.keyboard.press('Alt+Shift+R');
        expect(await replyBox.evaluate((el) => el.matches(':focus'))).toBe(true);
        await agent.page.keyboard.type('first line');
        await agent.page.keyboard.press('Shift+Enter');
        expect(await replyBox.inputValue()).toBe('first line\n');
        await replyBox.fill(c.reply);
        await replyBox.press('Enter');
        await expect.poll(() => replyBox.inputValue()).toBe('');
        await transcript.locator('[data-role="agent"]').getByText(c.reply).waitFor();

        // The customer sees it in the widget, under the agent's name.
        const fromAgent = chat.log.locator('[data-role="agent"]').last();
        await fromAgent.getByText(c.reply).waitFor();
        expect(norm(await fromAgent.textContent())).toContain('Alva');

        if (c.acceptWith === 'shortcut') {
          // An account action, as the assistant's flows would do it: confirm first, then the customer is told.
          const actions = view.getByTestId('actions-panel');
          await actions.getByRole('button', { name: 'Postpone the next payment…' }).click();
          await actions.getByLabel('Days (1–14)').fill('7');
          await actions.getByRole('button', { name: 'Continue' }).click();
          expect(norm(await actions.getByTestId('action-confirm').textContent())).toMatch(
            /^Postpone the next installment \(.+, due .+\) by 7 days\?$/,
          );
          await actions.getByRole('button', { name: 'Confirm' }).click();
          const result = norm(await actions.getByTestId('action-result').textContent());
          expect(result.length).toBeGreaterThan(10);
          await expect
            .poll(async () => (await chat.log.textContent())?.replace(/[\s\u00a0\u202f]+/g, ' '))
            .toContain(result);
          // The rule now refuses a second postponement, and says why.
          const again = actions.getByRole('button', { name: 'Postpone the next payment…' });
          await expect.poll(() => again.isDisabled()).toBe(true);
          expect(norm(await actions.textContent())).toContain('already postponed');
          const audit = await server.app.deps.db
            .selectFrom('audit_log')
            .select(['actor_type'])
            .where('action', '=', 'installment.postponed')
            .execute();
          expect(audit.map((a) => a.actor_type)).toEqual(['staff']);
        }

        // An internal note, for colleagues only.
        const notes = view.getByTestId('notes');
        await notes.getByLabel('Add a note').fill('Customer asked about the next payment first.');
        await notes.getByRole('button', { name: 'Add note' }).click();
        await notes.getByText('Customer asked about the next payment first.').waitFor();
        expect(await chat.log.getByText('Customer asked about the next payment').count()).toBe(0);

        if (c.acceptWith === 'shortcut') await screenshot(agent.page, 'agent-console');

        // Wrap-up: a resolution code, then hand back to the assistant.
        const wrapUp = view.getByTestId('wrap-up');
        await wrapUp.getByLabel('Resolution code').selectOption({ label: 'Information given' });
        await wrapUp.getByRole('button', { name: 'Hand back to assistant' }).click();
        await wrapUp.getByRole('button', { name: 'Yes, hand back' }).click();
        await console_.getByRole('heading', { name: 'No active conversations' }).waitFor();
        await expect
          .poll(async () => Number(/(\d+) conversation/.exec(norm(await earnings.textContent()))?.[1]))
          .toBe(paidBefore + 1);

        // The customer rates the conversation: four stars and a comment.
        const rating = chat.slot.getByRole('group', { name: c.labels.rate });
        await rating.waitFor();
        await rating.getByRole('radio', { name: c.labels.stars(4) }).check();
        await chat.slot.getByLabel(c.labels.comment).fill('Alva helped');
        await chat.slot.getByRole('button', { name: c.labels.rateSend }).click();
        await chat.slot.getByText(c.rateThanks).waitFor();
        const conversationId = await chat.slot
          .locator('[data-tandem-chat]')
          .getAttribute('data-conversation-id');
        const stored = await server.app.deps.db
          .selectFrom('conversations as c')
          .innerJoin('conversation_ratings as r', 'r.conversation_id', 'c.id')
          .select(['c.resolution_code', 'r.score', 'r.comment', 'r.handled_by'])
          .where('c.id', '=', conversationId!)
          .executeTakeFirstOrThrow();
        expect(stored).toMatchObject({
          resolution_code: 'information_given',
          score: 4,
          comment: 'Alva helped',
          handled_by: 'human',
        });

        // The operations view counts it: one more handoff, one more human rating.
        const ops = await newPage(browser, server.url);
        try {
          await logIn(ops.page, 'supervisor@tandem.demo');
          await ops.page.goto('/operations/support');
          const figure = (label: string) =>
            ops.page.getByRole('group', { name: label, exact: true }).getByRole('definition');
          await expect
            .poll(() => figure('Conversations handed to a person').first().textContent())
            .toBe(String(outcomesBefore.handoff.count + 1));
          const ratings = outcomesBefore.csat.human.ratings + 1;
          expect(await figure('CSAT (human)').nth(1).textContent()).toContain(
            `${ratings} rating${ratings === 1 ? '' : 's'}`,
          );
          const reasons = ops.page.getByRole('table', { name: 'Handoff reasons' });
          await reasons.getByRole('row', { name: /customer requested human/i }).waitFor();
        } finally {
          await ops.context.close();
        }
        expect(pageErrors).toEqual([]);
      } finally {
        await shopper.context.close();
        await agent.context.close();
      }
    },
    120_000,
  );

  it('a staff member without an agent profile signs up, waits for approval, then can go online', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await logIn(page, 'admin@tandem.demo');
      await page.goto('/console');
      const form = page.getByRole('form', { name: 'Sign up as an agent' });
      await form.waitFor();
      await form.getByLabel('Display name').fill('Robin');
      await form.getByRole('checkbox', { name: 'German' }).check();
      await form.getByRole('checkbox', { name: 'Disputes' }).check();
      await form.getByLabel('Conversations at a time').selectOption('2');
      await form.getByLabel('Certification').selectOption('certified');
      await screenshot(page, 'agent-console-signup');
      await form.getByRole('button', { name: 'Sign up' }).click();
      const pending = page.getByTestId('agent-pending');
      await pending.getByRole('heading', { name: 'Waiting for approval' }).waitFor();
      expect(norm(await pending.textContent())).toContain('English, German');
      expect(await page.getByRole('switch').count()).toBe(0);

      // A supervisor approves the profile; "Check again" opens the console.
      const supervisor = await logInOverHttp(server.url, 'supervisor@tandem.demo');
      const list = await fetch(`${server.url}/api/v1/agents?status=pending`, { headers: supervisor });
      const { agents } = (await list.json()) as {
        agents: { id: string; displayName: string; certification: string; maxConcurrent: number }[];
      };
      const robin = agents.find((a) => a.displayName === 'Robin');
      expect(robin).toMatchObject({ certification: 'certified', maxConcurrent: 2 });
      const approved = await fetch(`${server.url}/api/v1/agents/${robin!.id}/approve`, {
        method: 'POST',
        headers: { ...supervisor, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(approved.status).toBe(200);
      await pending.getByRole('button', { name: 'Check again' }).click();
      const online = page.getByRole('switch', { name: 'Online' });
      await online.waitFor();
      expect(await online.getAttribute('aria-checked')).toBe('false');
    } finally {
      await context.close();
    }
  });

  it('declines with Alt+Shift+D, then takes two conversations and switches between them with Alt+Shift+1 and 2', async () => {
    const agent = await agentOnline(browser, server.url);
    const shoppers: BrowserContext[] = [];
    try {
      const askForPerson = async (name: string, greeting: string, labels: WidgetLabels, text: string) => {
        const shopper = await customerOnDemo(browser, server.url, customer(name), greeting);
        shoppers.push(shopper.context);
        const chat = chatWidget(shopper.page, labels);
        await chat.log.locator('[data-role="assistant"]').first().waitFor();
        await chat.ask(text);
        return shopper.page.locator('[data-tandem-chat]').getAttribute('data-conversation-id');
      };
      const offers = agent.page.getByTestId('offer');

      // Decline: the offer leaves the console and is recorded as declined.
      const declinedId = await askForPerson(
        'Alex Morgan',
        'Hi Alex',
        CASES[0]!.labels,
        'I want to talk to a human',
      );
      await offers.first().waitFor();
      // Reachable with Tab from the switch, with a visible focus ring.
      const decline = offers.first().getByRole('button', { name: 'Decline' });
      await agent.page.getByRole('switch', { name: 'Online' }).focus();
      for (let i = 0; i < 10 && !(await decline.evaluate((el) => el.matches(':focus'))); i++) {
        await agent.page.keyboard.press('Tab');
      }
      expect(await decline.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
      expect(
        await decline.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).boxShadow),
      ).not.toBe('none');
      await agent.page.keyboard.press('Alt+Shift+D');
      await agent.page.getByTestId('offer-notice').getByText('Offer declined').waitFor();
      expect(await offers.count()).toBe(0);
      const declined = await server.app.deps.db
        .selectFrom('dispatch_offers')
        .select('status')
        .where('conversation_id', '=', declinedId!)
        .execute();
      expect(declined.map((o) => o.status)).toEqual(['declined']);

      // Two more customers; Alva accepts both offers with Alt+Shift+A as they come.
      await askForPerson('Elsa Lindqvist', 'Hi Elsa', CASES[1]!.labels, 'Jag vill prata med en människa');
      await offers.first().waitFor();
      await agent.page.keyboard.press('Alt+Shift+A');
      await agent.page.getByTestId('conversation-tab').first().waitFor();
      await askForPerson(
        'Elsa Lindqvist',
        'Hi Elsa',
        CASES[1]!.labels,
        'Jag vill prata med en riktig människa',
      );
      await offers.first().waitFor();
      await agent.page.keyboard.press('Alt+Shift+A');
      const tabs = agent.page.getByTestId('conversation-tab');
      await expect.poll(() => tabs.count()).toBe(2);

      const selectedConversation = () =>
        agent.page.getByTestId('conversation-view').getAttribute('data-conversation-id');
      await agent.page.keyboard.press('Alt+Shift+1');
      await expect.poll(() => tabs.nth(0).getAttribute('aria-selected')).toBe('true');
      const firstId = await selectedConversation();
      await agent.page.keyboard.press('Alt+Shift+2');
      await expect.poll(() => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
      await expect.poll(selectedConversation).not.toBe(firstId);
      await agent.page
        .getByTestId('handoff-summary')
        .getByText(/riktig människa/)
        .first()
        .waitFor();

      // Closing needs a code; with one, the conversation leaves the list.
      const wrapUp = agent.page.getByTestId('wrap-up');
      await wrapUp.getByRole('button', { name: 'Close conversation' }).click();
      await wrapUp.getByRole('alert').getByText('Choose a resolution code before closing.').waitFor();
      await wrapUp.getByLabel('Resolution code').selectOption({ label: 'Resolved' });
      await wrapUp.getByRole('button', { name: 'Close conversation' }).click();
      await wrapUp.getByRole('button', { name: 'Yes, close' }).click();
      await expect.poll(() => tabs.count()).toBe(1);
    } finally {
      for (const s of shoppers) await s.close();
      await agent.context.close();
    }
  }, 120_000);
});

describe('an offer nobody accepts', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { OFFER_TIMEOUT_SECONDS: '6', DISPATCH_SWEEP_SECONDS: '1' } }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts down, expires, and leaves the console', async () => {
    const agent = await agentOnline(browser, server.url);
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/demo');
      await page.getByRole('heading', { level: 1, name: 'Hi Alex' }).waitFor();
      const chat = chatWidget(page, CASES[0]!.labels);
      await chat.log.locator('[data-role="assistant"]').first().waitFor();
      await chat.ask('I want to talk to a real person');
      const conversationId = await page.locator('[data-tandem-chat]').getAttribute('data-conversation-id');

      const offer = agent.page.getByTestId('offer');
      await offer.waitFor();
      // The server lapses it: the console says so and the card is gone.
      await agent.page.getByTestId('offer-notice').getByText('An offer expired').waitFor({ timeout: 20_000 });
      expect(await offer.count()).toBe(0);
      const rows = await server.app.deps.db
        .selectFrom('dispatch_offers')
        .select('status')
        .where('conversation_id', '=', conversationId!)
        .execute();
      expect(rows.map((r) => r.status)).toEqual(['expired']);
    } finally {
      await context.close();
      await agent.context.close();
    }
  }, 60_000);
});
