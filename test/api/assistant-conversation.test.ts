import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNextPayment } from '../../src/orders/get-next-payment.js';
import { injector } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

interface Reply {
  role: string;
  text: string;
  citations?: { articleId: string; title: string; url: string }[];
}
interface Turn {
  status: string;
  language: string;
  messages: Reply[];
  handoff: { reason: string; priority: string; queue: string } | null;
}

/** The real built-in assistant behind the conversation API, on the seeded demo company. */
describe.each(serverTestTargets())('assistant over the conversation API (%s)', (database) => {
  let server: TestServer;
  const inject = injector(() => server);
  let elsa: { id: string; token: string };

  beforeAll(async () => {
    server = await startTestServer({ database });
    const row = await server.app.deps.db
      .selectFrom('customers')
      .select('id')
      .where('email', '=', 'elsa.lindqvist@example.se')
      .executeTakeFirstOrThrow();
    elsa = { id: row.id, token: await server.app.customerTokens.issue(row.id) };
  });
  afterAll(async () => server?.close());

  async function start(body: Record<string, unknown>) {
    const res = await inject({ method: 'POST', url: '/api/v1/conversations', payload: body });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; status: string; language: string; messages: Reply[] };
  }
  async function say(id: string, text: string, token?: string): Promise<Turn> {
    const res = await inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text },
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Turn;
  }

  it('greets as an AI and says a human is available, in the customer’s language', async () => {
    const conversation = await start({ locale: 'sv-SE', customerToken: elsa.token });
    expect(conversation.language).toBe('sv');
    expect(conversation.messages[0]?.role).toBe('assistant');
    expect(conversation.messages[0]?.text).toMatch(/AI/);
  });

  it('answers a Swedish next-payment question with the amount and date from the database', async () => {
    const conversation = await start({ locale: 'sv-SE', customerToken: elsa.token });
    const turn = await say(conversation.id, 'När ska jag betala nästa gång?', elsa.token);
    expect(turn.language).toBe('sv');
    const next = await getNextPayment(server.app.deps.db, elsa.id, new Date().toISOString().slice(0, 10));
    expect(next).not.toBeNull();
    const text = turn.messages.map((m) => m.text).join(' ');
    const amount = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(
      next!.amountMinor / 100,
    );
    expect(text.replace(/\s/g, ' ')).toContain(amount.replace(/\s/g, ' '));
  });

  it('answers a how-to question with a citation to the help centre', async () => {
    const conversation = await start({ locale: 'en-US' });
    const turn = await say(conversation.id, 'How do returns and refunds work?');
    const cited = turn.messages.find((m) => m.citations?.length);
    expect(cited?.citations?.[0]?.url).toMatch(/^\/help\/en\//);
  });

  it('hands over at once when a customer asks for a person, in any language, and then stays quiet', async () => {
    for (const [locale, text] of [
      ['en-US', 'I want to talk to a real person'],
      ['sv-SE', 'Jag vill prata med en människa'],
      ['de-DE', 'Ich möchte mit einem Menschen sprechen'],
    ] as const) {
      const conversation = await start({ locale });
      const turn = await say(conversation.id, text);
      expect(turn.status, text).toBe('waiting_for_human');
      expect(turn.handoff?.reason, text).toBe('customer_requested_human');
      const after = await say(conversation.id, 'hello?');
      expect(after.messages.filter((m) => m.role === 'assistant')).toHaveLength(0);
    }
  });
});
