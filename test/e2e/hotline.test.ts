import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInAs } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ensureWebBuilt, fakeMicrophoneArgs, launchBrowser, logIn, newPage, screenshot } from './browser.js';
import { speechWav, wavSeconds } from './speech-wav.js';
import { chatWidget, norm } from './widget.js';

interface Line {
  personaId: string;
  personaName: string;
  number: string;
  language: string;
}

interface Persona {
  id: string;
  name: string;
  disclosure: Record<string, string>;
  humanContact: Record<string, string>;
  voice: Record<string, { voice?: string; rate?: number }>;
  corpus: { id: string; title: string; text: string }[];
}

async function personasOf(server: TestServer): Promise<Persona[]> {
  const admin = await logInAs(server, 'admin@tandem.demo');
  const get = async (url: string) => {
    const res = await server.app.http.inject({ method: 'GET', url, headers: admin.headers });
    expect(res.statusCode, url).toBe(200);
    return res.json();
  };
  // The list has one row per persona without the texts; each whole persona is `GET …/:id` → `{ persona }`.
  const { personas } = (await get('/api/v1/hotline/personas')) as { personas: { id: string }[] };
  return Promise.all(
    personas.map(
      async ({ id }) =>
        ((await get(`/api/v1/hotline/personas/${encodeURIComponent(id)}`)) as { persona: Persona }).persona,
    ),
  );
}

describe('the founder hotline in the browser', () => {
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

  it('the text version on /hotline: a chat on the hotline channel where the persona asks and the caller answers', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/hotline');
      const open = page.getByRole('button', { name: /^Chat with .+ \(AI\)$/ });
      const toggle = page.locator('button[aria-controls="hotline-chat-slot"]');
      const started = page.waitForRequest(
        (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/conversations',
      );
      await open.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      // The conversation is opened on the hotline channel, so the persona (not the assistant) answers.
      expect((await started).postDataJSON()).toMatchObject({ channel: 'hotline', locale: 'en-US' });

      const chat = chatWidget(page, { input: 'Your message', send: 'Send' }, '#hotline-chat-slot');
      await chat.replies.first().waitFor({ timeout: 20_000 });
      // The opening is the persona's disclosure: an AI version of the founder, recorded for the product team.
      const opening = norm(await chat.log.textContent());
      expect(opening).toMatch(/AI version of Jonas Ekholm/);
      expect(opening).toMatch(/recorded and transcribed/);
      await screenshot(page, 'hotline-text-opening');

      // An answer gets the interview's next question, one at a time: why it matters to the caller.
      const answer = await chat.ask('The app crashed when I tried to pay my bill, twice this week.');
      expect(answer.text).toMatch(/How did that affect you\?$/);
      expect((answer.text.match(/\?/g) ?? []).length).toBe(1);
      expect(norm(await chat.log.locator('[data-role="customer"]').last().textContent())).toContain(
        'The app crashed when I tried to pay my bill',
      );
      await screenshot(page, 'hotline-text-answer');
    } finally {
      await context.close();
    }
  });

  it('a caller who refuses the microphone is told so in plain words, and the call does not start', async () => {
    // No --use-fake-ui-for-media-stream: headless Chromium refuses the permission prompt.
    const denying = await launchBrowser({ args: ['--use-fake-device-for-media-stream'] });
    try {
      const { page } = await newPage(denying, server.url);
      const sockets: string[] = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      await page.goto('/hotline');
      await page.getByRole('button', { name: /^Call [^?]+$/ }).click();
      const alert = page.locator('[data-problem]');
      await alert.waitFor();
      expect(await alert.getAttribute('data-problem')).toBe('mic-denied');
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(norm(await alert.textContent())).toMatch(/did not allow the microphone/);
      expect(norm(await page.getByTestId('call-state').textContent())).toBe('Not connected');
      expect(sockets.filter((u) => u.includes('/hotline/browser-call'))).toEqual([]);
      await page.getByRole('button', { name: /^Call [^?]+$/ }).waitFor();
    } finally {
      await denying.close();
    }
  });

  it('an admin edits a persona and saves it; the server refuses an empty name and the form says which field', async () => {
    const [before] = await personasOf(server);
    expect(before, 'the demo persona is configured').toBeDefined();
    const { context, page } = await newPage(browser, server.url);
    try {
      await logIn(page, 'admin@tandem.demo');
      await page.goto('/admin/personas');
      const name = page.getByLabel('Name', { exact: true });
      await name.waitFor();
      expect(await name.inputValue()).toBe(before!.name);

      const contact = 'Write to hello@tandempay.example, or tap "Talk to a person" in the app chat.';
      await page.getByLabel('Human contact (en)').fill(contact);
      await page.getByRole('button', { name: 'Add passage' }).click();
      const added = before!.corpus.length;
      await page.locator(`#passage-title-${added}`).fill('Why we answer every call');
      await page
        .locator(`#passage-text-${added}`)
        .fill('Every call is read by the product team the same week.');
      await page.locator(`#passage-source-${added}`).fill('All-hands, 2025');
      await page.getByRole('button', { name: 'Save persona' }).click();
      await expect.poll(() => page.getByTestId('persona-saved').textContent()).toMatch(/Saved/);
      await screenshot(page, 'persona-editor-saved');

      const [after] = await personasOf(server);
      expect(after!.humanContact.en).toBe(contact);
      expect(after!.corpus.map((p) => p.title)).toContain('Why we answer every call');
      expect(after!.corpus).toHaveLength(added + 1);

      // A reload shows what the server stored.
      await page.reload();
      await expect.poll(() => page.getByLabel('Human contact (en)').inputValue()).toBe(contact);

      // Invalid: the 400 body names the field, and the form shows the message beside it.
      await page.getByLabel('Name', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Save persona' }).click();
      await page.getByTestId('persona-errors').waitFor();
      const nameError = page.locator('#persona-name-error');
      await nameError.waitFor();
      expect(norm(await nameError.textContent())).toMatch(/must not be empty/);
      expect(norm(await page.getByTestId('persona-errors').textContent())).toMatch(
        /\bname\b.*must not be empty/,
      );
      expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'persona-editor-error');
      const [unchanged] = await personasOf(server);
      expect(unchanged!.name).toBe(before!.name);
    } finally {
      await context.close();
    }
  });
});

describe('a browser voice call on /hotline with a fake microphone', () => {
  let server: TestServer;
  let browser: Browser;
  let line: Line;
  const SAID = 'The payment page is too slow when I pay my bill.';

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/v1/hotline/lines`);
    expect(res.status).toBe(200);
    const { lines } = (await res.json()) as { lines: Line[] };
    line = lines.find((l) => l.language === 'en')!;
    expect(line, 'an English hotline line').toBeDefined();
    // The caller starts speaking once the persona's opening (disclosure, then a question) has played:
    // as long as the disclosure spoken by espeak-ng, plus time for the question.
    const persona = (await personasOf(server)).find((p) => p.id === line.personaId)!;
    const opening = wavSeconds(
      speechWav(persona.disclosure.en ?? '', {
        leadSeconds: 0,
        tailSeconds: 0,
        rate: persona.voice.en?.rate,
      }),
    );
    const wav = speechWav(SAID, { leadSeconds: Math.ceil(opening) + 8, tailSeconds: 4 });
    browser = await launchBrowser({ args: fakeMicrophoneArgs(wav) });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows and plays the disclosure, transcribes the caller, the persona replies, and staff follow it live', async () => {
    // A product person watches the calls list before the call starts.
    const staff = await newPage(browser, server.url);
    const caller = await newPage(browser, server.url);
    try {
      await logIn(staff.page, 'product@tandem.demo');
      await staff.page.goto('/hotline/calls');
      await expect.poll(() => staff.page.getByTestId('live-status').textContent()).toBe('Live');

      const page = caller.page;
      await page.goto('/hotline');
      // The disclosure is on the page before the call.
      const notice = page.getByTestId('hotline-notice');
      expect(norm(await notice.textContent())).toMatch(/AI version of .+ recorded and transcribed/);
      await page.getByRole('button', { name: `Call ${line.personaName}`, exact: true }).click();

      // The persona's disclosure arrives with call.started, and its audio is played.
      const disclosure = page.getByTestId('call-disclosure');
      await disclosure.waitFor();
      expect(norm(await disclosure.textContent())).toMatch(/\bAI\b/);
      const voice = page.locator('.hl-voice');
      await expect
        .poll(async () => Number(await voice.getAttribute('data-heard-seconds')), { timeout: 30_000 })
        .toBeGreaterThan(1);
      const callId = await voice.getAttribute('data-call-id');
      expect(callId).toBeTruthy();

      // The call shows up on the staff list while it runs, without a reload.
      const row = staff.page.locator(`tr[data-call-id="${callId}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('active');

      // The caller's words (recognised by pocketsphinx: compared loosely), then the persona's answer.
      const transcript = page.getByTestId('transcript');
      const callerLine = transcript.locator('[data-speaker="caller"]').first();
      await callerLine.waitFor({ timeout: 60_000 });
      const heard = norm(await callerLine.locator('.hl-text').textContent()).toLowerCase();
      expect(
        ['payment', 'page', 'slow', 'pay', 'bill'].some((w) => heard.includes(w)),
        heard,
      ).toBe(true);
      const callerSeq = Number(await callerLine.getAttribute('data-seq'));
      const personaSeqs = () =>
        transcript
          .locator('[data-speaker="persona"]')
          .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
      await expect
        .poll(async () => (await personaSeqs()).some((s) => s > callerSeq), { timeout: 60_000 })
        .toBe(true);
      await screenshot(page, 'hotline-voice-call');

      await page.getByRole('button', { name: /^Hang up/ }).click();
      await expect.poll(() => page.getByTestId('call-state').textContent()).toMatch(/Call ended/);

      // The staff list marks it ended (live), and the call page has the transcript.
      await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('ended');
      await row.getByRole('link').click();
      await staff.page.waitForURL(`**/hotline/calls/${callId}`);
      const turns = staff.page.getByTestId('call-transcript');
      await turns.locator('[data-speaker="caller"]').first().waitFor();
      expect(await turns.locator('[data-speaker="persona"]').count()).toBeGreaterThanOrEqual(2);
      expect(norm(await staff.page.getByTestId('consent-notice').textContent())).toMatch(/\bAI\b/);
      await screenshot(staff.page, 'hotline-staff-call');
    } finally {
      await caller.context.close();
      await staff.context.close();
    }
  }, 180_000);
});
