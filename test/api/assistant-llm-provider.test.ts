import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNextPayment } from '../../src/orders/get-next-payment.js';
import {
  completionBody,
  type FakeOpenAiServer,
  type RecordedRequest,
  startFakeOpenAiServer,
} from '../support/fake-openai-server.js';
import { injector } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

interface Turn {
  status: string;
  language: string;
  messages: { role: string; text: string }[];
}

/** The draft reply the assistant sent to be reworded. */
const draftOf = (request: RecordedRequest) => {
  const messages = request.body.messages as { content: string }[];
  return /Draft reply:\n([\s\S]*)$/.exec(messages.at(-1)!.content)?.[1] ?? '';
};

/**
 * The whole server with ASSISTANT_PROVIDER=openai, pointed at a local HTTP server speaking the
 * OpenAI wire format: good wording is used, an invented figure falls back to the template.
 */
describe.each(serverTestTargets())('assistant with an OpenAI-compatible provider (%s)', (database) => {
  let server: TestServer;
  let llm: FakeOpenAiServer;
  let reword: (draft: string) => string = (draft) => draft;
  const inject = injector(() => server);
  let elsa: { id: string; token: string };

  beforeAll(async () => {
    llm = await startFakeOpenAiServer((request) => ({ json: completionBody(reword(draftOf(request))) }));
    server = await startTestServer({
      database,
      env: {
        ASSISTANT_PROVIDER: 'openai',
        OPENAI_BASE_URL: llm.baseUrl,
        OPENAI_MODEL: 'tiny-test',
        OPENAI_API_KEY: 'sk-e2e-not-a-real-key',
        LLM_TIMEOUT_MS: '5000',
      },
    });
    const row = await server.app.deps.db
      .selectFrom('customers')
      .select('id')
      .where('email', '=', 'elsa.lindqvist@example.se')
      .executeTakeFirstOrThrow();
    elsa = { id: row.id, token: await server.app.customerTokens.issue(row.id) };
  });
  afterAll(async () => {
    await server?.close();
    await llm?.close();
  });

  async function askNextPayment(): Promise<{ text: string; amount: string }> {
    const started = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'sv-SE', customerToken: elsa.token },
    });
    expect(started.statusCode).toBe(201);
    const res = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${(started.json() as { id: string }).id}/messages`,
      payload: { text: 'När ska jag betala nästa gång?' },
      headers: { authorization: `Bearer ${elsa.token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const turn = res.json() as Turn;
    expect(turn.language).toBe('sv');
    const next = await getNextPayment(server.app.deps.db, elsa.id, new Date().toISOString().slice(0, 10));
    const amount = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: next!.currency }).format(
      next!.amountMinor / 100,
    );
    const text = turn.messages
      .filter((m) => m.role === 'assistant')
      .map((m) => m.text)
      .join(' ')
      .replace(/\s/g, ' ');
    return { text, amount: amount.replace(/\s/g, ' ') };
  }

  it('answers a Swedish next-payment question in the LLM’s words with the figures from the database', async () => {
    reword = (draft) => `Självklart, jag har kollat åt dig! ${draft}`;
    const before = llm.requests.length;
    const { text, amount } = await askNextPayment();
    expect(text).toMatch(/^Självklart, jag har kollat åt dig! /);
    expect(text).toContain(amount);
    const sent = llm.requests.at(-1)!;
    expect(llm.requests.length).toBeGreaterThan(before);
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sk-e2e-not-a-real-key');
    expect(sent.body.model).toBe('tiny-test');
    expect(JSON.stringify(sent.body.messages)).toContain('Swedish');
  });

  it('uses the template when the LLM invents an amount, and counts it on /metrics', async () => {
    reword = (draft) => `Självklart! ${draft.replace(/\d[\d\s\u00a0]*,\d{2}/, '9 999,00')}`;
    const { text, amount } = await askNextPayment();
    expect(text).not.toMatch(/Självklart/);
    expect(text).not.toContain('9 999');
    expect(text).toContain(amount);
    const metrics = await inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      /tandem_assistant_llm_total\{stage="phrase",outcome="rejected",reason="invented_figure"\} 1/,
    );
  });
});
