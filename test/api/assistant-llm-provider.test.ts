import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNextPayment } from '../../src/orders/get-next-payment.js';
import {
  completionBody,
  type FakeOpenAiServer,
  type RecordedRequest,
  startFakeOpenAiServer,
} from '../support/fake-openai-server.js';
import { injector, logInAs } from '../support/http.js';
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

const isNoteRequest = (request: RecordedRequest) =>
  (request.body.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name ===
  'handoff_note';

/**
 * The whole server with ASSISTANT_PROVIDER=openai, pointed at a local HTTP server speaking the
 * OpenAI wire format: good wording is used, an invented figure falls back to the template.
 */
describe.each(serverTestTargets())('assistant with an OpenAI-compatible provider (%s)', (database) => {
  let server: TestServer;
  let llm: FakeOpenAiServer;
  let reword: (draft: string) => string = (draft) => draft;
  let handoffNote = () => '';
  const inject = injector(() => server);
  let elsa: { id: string; token: string };

  beforeAll(async () => {
    llm = await startFakeOpenAiServer((request) =>
      isNoteRequest(request)
        ? { json: completionBody(JSON.stringify({ note: handoffNote() })) }
        : { json: completionBody(reword(draftOf(request))) },
    );
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

  /** Elsa asks for a person; returns the conversation once its note job has run. */
  async function handOffAndWaitForNote(
    text = 'Jag vill prata med en riktig människa om min betalning',
  ): Promise<{ id: string; summary: Record<string, unknown> }> {
    const started = await inject({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { locale: 'sv-SE', customerToken: elsa.token },
    });
    const id = (started.json() as { id: string }).id;
    const post = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text },
      headers: { authorization: `Bearer ${elsa.token}` },
    });
    expect((post.json() as Turn).status).toBe('waiting_for_human');
    const deadline = Date.now() + 15_000;
    for (;;) {
      const job = await sql<{ status: string }>`
        select status from jobs where queue = 'handoff.llm-note' and payload->>'conversationId' = ${id}`.execute(
        server.app.deps.db,
      );
      if (['done', 'failed'].includes(job.rows[0]?.status ?? '')) break;
      if (Date.now() > deadline)
        throw new Error(`note job for ${id} did not run: ${JSON.stringify(job.rows)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const supervisor = await logInAs(server, 'supervisor@tandem.demo');
    const res = await inject({
      method: 'GET',
      url: `/api/v1/conversations/${id}/handoff-summary`,
      headers: supervisor.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return { id, summary: res.json() as Record<string, unknown> };
  }

  it('adds an LLM-written note to the handoff summary, after the handoff, without personal data sent', async () => {
    handoffNote = () => 'Elsa asked for a person about her payment. The assistant changed nothing. Help her.';
    const before = llm.requests.filter(isNoteRequest).length;
    const { summary } = await handOffAndWaitForNote(
      'Jag vill prata med en riktig människa, mejla mig på elsa.lindqvist@example.se',
    );
    expect(summary.llmText).toBe(handoffNote());
    expect(summary.llmModel).toContain('tiny-test');
    expect(String(summary.text)).toContain('Next:');
    const sent = llm.requests.filter(isNoteRequest);
    expect(sent.length).toBe(before + 1);
    const prompt = JSON.stringify(sent.at(-1)!.body.messages);
    expect(prompt).toContain('Jag vill prata med en riktig människa');
    expect(prompt).not.toContain('elsa.lindqvist@example.se');
  });

  it('keeps only the templated summary when the note states a figure the conversation never had', async () => {
    handoffNote = () => 'Elsa owes 9 999 kr since 3 March and wants a refund of 120 kr.';
    const { summary } = await handOffAndWaitForNote();
    expect(summary.llmText).toBeUndefined();
    expect(String(summary.text)).toContain('Next:');
  });
});
