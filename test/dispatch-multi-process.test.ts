import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInOverHttp } from './support/http.js';
import { type ServerProcess, spawnServer } from './support/spawn-server.js';

const DATABASE_URL = process.env.DATABASE_URL;

/*
 * Dispatch with real server processes on one PostgreSQL database: many waiting conversations,
 * several agents accepting at once through either process, and a process killed mid-dispatch.
 */
describe.skipIf(!DATABASE_URL)('dispatch across server processes on one PostgreSQL database', () => {
  const schema = `dmp_${Math.random().toString(36).slice(2, 10)}`;
  const env = {
    DATABASE_URL: DATABASE_URL!,
    DATABASE_SCHEMA: schema,
    TANDEM_DEMO: 'true',
    TANDEM_SEED_CUSTOMERS: '20',
    OFFER_TIMEOUT_SECONDS: '3',
    DISPATCH_SWEEP_SECONDS: '1',
    PRESENCE_TIMEOUT_SECONDS: '300',
  };
  let a: ServerProcess;
  let b: ServerProcess;
  let client: pg.Client;
  type Headers = Record<string, string>;
  const agents: { id: string; headers: Headers }[] = [];

  const call = async (url: string, method: string, path: string, headers: Headers = {}, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  async function waitingConversation(url: string): Promise<string> {
    const started = await call(url, 'POST', '/api/v1/conversations', {}, { locale: 'en-GB' });
    const id = started.body.id as string;
    const posted = await call(
      url,
      'POST',
      `/api/v1/conversations/${id}/messages`,
      {},
      { text: 'I want a human please' },
    );
    expect(posted.body.status).toBe('waiting_for_human');
    return id;
  }

  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await client.query<T>(text, values)).rows;

  beforeAll(async () => {
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`set search_path to ${schema}`);
    const admin = await logInOverHttp(a.url, 'admin@tandem.demo');
    const supervisor = await logInOverHttp(b.url, 'supervisor@tandem.demo');
    for (let i = 0; i < 5; i++) {
      const email = `mp-agent${i}@example.com`;
      const created = await call(a.url, 'POST', '/api/v1/admin/staff', admin, {
        email,
        name: `Agent ${i}`,
        password: 'long-enough-pw',
        roles: ['agent'],
      });
      expect(created.status).toBe(201);
      const headers = await logInOverHttp(i % 2 ? a.url : b.url, email, 'long-enough-pw');
      const signUp = await call(a.url, 'POST', '/api/v1/agents', headers, {
        displayName: `Agent${i}`,
        languages: ['en'],
        maxConcurrent: 10,
      });
      const id = (signUp.body.agent as { id: string }).id;
      expect((await call(b.url, 'POST', `/api/v1/agents/${id}/approve`, supervisor, {})).status).toBe(200);
      agents.push({ id, headers });
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await client?.query(`drop schema if exists ${schema} cascade`);
    await client?.end();
  });

  it('assigns every waiting conversation to exactly one agent while agents accept concurrently through both', async () => {
    const ids = await Promise.all(
      Array.from({ length: 24 }, (_, i) => waitingConversation(i % 2 ? a.url : b.url)),
    );
    let doublePending = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const rows = await q<{ n: number }>(
          `select count(*)::int as n from (select conversation_id from dispatch_offers where status = 'pending'
           group by conversation_id having count(*) > 1) twice`,
        );
        doublePending += rows[0]?.n ?? 0;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    for (const [i, agent] of agents.entries()) {
      await call(i % 2 ? a.url : b.url, 'POST', '/api/v1/agents/me/presence', agent.headers, {
        online: true,
      });
    }
    const deadline = Date.now() + 60_000;
    // Every agent races through both processes: poll, accept, and sometimes accept twice.
    await Promise.all(
      agents.map(async (agent, i) => {
        let round = 0;
        while (Date.now() < deadline) {
          const left = await q<{ n: number }>(
            `select count(*)::int as n from conversations where status = 'waiting_for_human'`,
          );
          if (!left[0]?.n) return;
          const url = (i + round++) % 2 ? a.url : b.url;
          const offers = (await call(url, 'GET', '/api/v1/agents/me/offers', agent.headers)).body.offers as {
            id: string;
          }[];
          for (const offer of offers) {
            await Promise.all(
              [a.url, b.url].map((u) =>
                call(u, 'POST', `/api/v1/offers/${offer.id}/accept`, agent.headers, {}),
              ),
            );
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      }),
    );
    watching = false;
    await watcher;
    const conversations = await q<{ id: string; status: string; assigned_agent_id: string | null }>(
      'select id, status, assigned_agent_id from conversations where id = any($1)',
      [ids],
    );
    expect(conversations.filter((c) => c.status === 'with_human')).toHaveLength(ids.length);
    const accepted = await q<{ conversation_id: string; agent_id: string }>(
      `select conversation_id, agent_id from dispatch_offers where status = 'accepted' and conversation_id = any($1)`,
      [ids],
    );
    expect(accepted).toHaveLength(ids.length);
    for (const c of conversations) {
      expect(accepted.filter((o) => o.conversation_id === c.id).map((o) => o.agent_id)).toEqual([
        c.assigned_agent_id,
      ]);
    }
    expect(doublePending).toBe(0);
    // The work was shared: more than one agent took conversations.
    expect(new Set(conversations.map((c) => c.assigned_agent_id)).size).toBeGreaterThan(1);
  }, 120_000);

  it('a process killed mid-dispatch loses nothing: its offers expire via the other process and are re-offered', async () => {
    const c = await spawnServer(env);
    const ids = await Promise.all(Array.from({ length: 4 }, () => waitingConversation(c.url)));
    const offered = async () =>
      q<{ id: string; conversation_id: string }>(
        `select id, conversation_id from dispatch_offers where status = 'pending' and conversation_id = any($1)`,
        [ids],
      );
    const deadline = Date.now() + 20_000;
    let first = await offered();
    while (first.length < ids.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      first = await offered();
    }
    expect(first.length).toBe(ids.length);
    await c.stop('SIGKILL');
    // Nobody answers: each first offer lapses, run by the surviving processes, and a new one follows.
    const until = Date.now() + 30_000;
    let reoffered = 0;
    while (Date.now() < until) {
      const rows = await q<{ n: number }>(
        `select count(distinct conversation_id)::int as n from dispatch_offers
         where conversation_id = any($1) and status = 'pending' and id <> all($2)`,
        [ids, first.map((o) => o.id)],
      );
      reoffered = rows[0]?.n ?? 0;
      if (reoffered === ids.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const firstNow = await q<{ status: string }>('select status from dispatch_offers where id = any($1)', [
      first.map((o) => o.id),
    ]);
    expect(firstNow.map((o) => o.status)).toEqual(ids.map(() => 'expired'));
    expect(reoffered).toBe(ids.length);
    const waiting = await q<{ n: number }>(
      `select count(*)::int as n from conversations where id = any($1) and status = 'waiting_for_human'`,
      [ids],
    );
    expect(waiting[0]?.n).toBe(ids.length);
  }, 90_000);
});
