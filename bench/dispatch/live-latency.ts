import { sql } from 'kysely';
import WebSocket from 'ws';
import { createStaffSession, SESSION_COOKIE } from '../../src/identity/staff-sessions.js';
import type { Sql } from '../../src/platform/db/database.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { spawnServer } from '../../test/support/spawn-server.js';
import { startTestServer } from '../../test/support/test-server.js';
import { type SimAgent, simId } from './scenario.js';
import { insertAgents } from './tandem-policy.js';

interface Target {
  label: string;
  url: string;
  db: Sql;
  close(): Promise<void>;
}

/** Server settings for the run: presence never lapses mid-run (the agents send no heartbeats). */
const SERVER_ENV = {
  TANDEM_DEMO: 'true',
  TANDEM_SEED_CUSTOMERS: '50',
  LOG_LEVEL: 'error',
  PRESENCE_TIMEOUT_SECONDS: '3600',
};

/** `tandem start` as its own process on PostgreSQL (own schema), else the app in this process on PGlite. */
async function openTarget(): Promise<Target> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_dispatch_${process.pid}`;
    const server = await spawnServer({
      ...SERVER_ENV,
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      DATABASE_POOL_SIZE: '20',
    });
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 4, schema });
    return {
      label: 'postgres, server in its own process',
      url: server.url,
      db: database.db,
      async close() {
        await server.stop();
        await database.exec(`drop schema if exists ${schema} cascade`);
        await database.close();
      },
    };
  }
  process.stderr.write(
    'bench:dispatch: DATABASE_URL is not set; live latency on PGlite, server in this process\n',
  );
  const server = await startTestServer({ env: SERVER_ENV });
  return {
    label: 'pglite, server in the bench process',
    url: server.url,
    db: server.app.deps.db,
    close: () => server.close(),
  };
}

interface LiveAgent {
  agent: SimAgent;
  cookie: string;
  csrf: string;
  socket: WebSocket;
}

type Live = {
  type: string;
  event?: { type: string; data: { offer?: { id: string; conversationId: string } } };
};

async function post(target: Target, path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Each agent's session (as a login creates it) and its socket subscribed to `agent:<staffUserId>`. */
async function connectAgents(
  target: Target,
  agents: SimAgent[],
  onOffer: (a: LiveAgent, offer: { id: string; conversationId: string }) => void,
) {
  const live: LiveAgent[] = [];
  const wsUrl = `${target.url.replace(/^http/, 'ws')}/api/v1/live`;
  for (let i = 0; i < agents.length; i += 50) {
    live.push(
      ...(await Promise.all(
        agents.slice(i, i + 50).map(async (agent) => {
          const session = await createStaffSession(target.db, {
            staffUserId: agent.staffUserId,
            ttlMs: 3_600_000,
            ip: null,
            userAgent: 'bench:dispatch',
            now: new Date(),
          });
          const cookie = `${SESSION_COOKIE}=${session.token}`;
          const socket = new WebSocket(`${wsUrl}?topics=agent:${agent.staffUserId}`, { headers: { cookie } });
          const me: LiveAgent = { agent, cookie, csrf: session.csrfToken, socket };
          await new Promise<void>((resolve, reject) => {
            socket.on('error', reject);
            socket.on('message', (raw) => {
              const m = JSON.parse(raw.toString()) as Live;
              if (m.type === 'subscribed') resolve();
              if (m.event?.type === 'offer.created' && m.event.data.offer) onOffer(me, m.event.data.offer);
            });
          });
          return me;
        }),
      )),
    );
  }
  return live;
}

/** A socket on the `staff` topic that reports each `conversation.handoff_requested` as it arrives. */
async function watchHandoffs(target: Target, cookie: string, onHandoff: (conversationId: string) => void) {
  const socket = new WebSocket(`${target.url.replace(/^http/, 'ws')}/api/v1/live?topics=staff`, {
    headers: { cookie },
  });
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { type: string; event?: { type: string; data: unknown } };
      if (m.type === 'subscribed') resolve();
      const data = m.event?.data as { conversationId?: unknown } | undefined;
      if (m.event?.type === 'conversation.handoff_requested' && typeof data?.conversationId === 'string')
        onHandoff(data.conversationId);
    });
  });
  return socket;
}

export interface LatencyResult {
  agentsOnline: number;
  /** p50 / p99 of the message POST's own response (the customer's turn, handoff included). */
  turnP50: number;
  turnP99: number;
  count: number;
  missed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** From the handoff's commit (its `conversation.handoff_requested` event on a `staff` socket) to the offer. */
  fromHandoff: { p50: number; p95: number; p99: number; max: number };
}

const quantile = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

function summarise(
  agentsOnline: number,
  latencies: number[],
  turns: number[],
  missed: number,
  fromHandoff: number[],
): LatencyResult {
  const at = quantile(latencies);
  const turn = quantile(turns);
  const committed = quantile(fromHandoff);
  return {
    fromHandoff: { p50: committed(0.5), p95: committed(0.95), p99: committed(0.99), max: committed(1) },
    agentsOnline,
    turnP50: turn(0.5),
    turnP99: turn(0.99),
    count: latencies.length,
    missed,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: at(1),
  };
}

/**
 * The time from a customer's "I want to talk to a real person" being sent to `offer.created`
 * arriving on an agent's socket, through the real path: HTTP turn, assistant, handoff, the
 * dispatch job, the offer, the event bus and the socket hub. Agents accept and close each chat
 * over HTTP (not timed), so they stay available.
 */
export async function runLiveLatency(options: {
  agents: number;
  baselineAgents: number;
  handoffs: number;
  concurrency: number;
}) {
  const target = await openTarget();
  const sockets: WebSocket[] = [];
  try {
    const agents: SimAgent[] = Array.from({ length: options.agents }, (_, index) => ({
      index,
      id: simId(2, index),
      staffUserId: simId(3, index),
      languages: ['en'],
      skills: [],
      maxConcurrent: 3,
      onlineAt: 0,
      offlineAt: 0,
    }));
    const t0 = performance.now();
    await insertAgents(target.db, agents);
    const waiting = new Map<string, (at: number) => void>();
    const chores: Promise<unknown>[] = [];
    let agentErrors = 0;
    const live = await connectAgents(target, agents, (me, offer) => {
      const now = performance.now();
      waiting.get(offer.conversationId)?.(now);
      const headers = { cookie: me.cookie, 'x-csrf-token': me.csrf };
      chores.push(
        post(target, `/api/v1/offers/${offer.id}/accept`, {}, headers)
          .then(() =>
            post(
              target,
              `/api/v1/conversations/${offer.conversationId}/close`,
              { resolutionCode: 'resolved' },
              headers,
            ),
          )
          .catch(() => agentErrors++),
      );
    });
    sockets.push(...live.map((l) => l.socket));
    // When each handoff committed, as any staff socket hears it (the same bus and hub as the offer).
    const handedOff = new Map<string, number>();
    const watcher = await watchHandoffs(target, live[0]!.cookie, (id) =>
      handedOff.set(id, performance.now()),
    );
    sockets.push(watcher);
    process.stderr.write(
      `  ${agents.length} agents with sessions and sockets in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const info = (await (await fetch(`${target.url}/api/v1/demo/info`)).json()) as {
      customers: { id: string }[];
    };
    const tokens = await Promise.all(
      info.customers
        .slice(0, options.concurrency)
        .map(
          async (c) =>
            (await post(target, '/api/v1/demo/customer-token', { customerId: c.id }, {})).token as string,
        ),
    );

    const measure = async (online: number): Promise<LatencyResult> => {
      const now = new Date();
      await target.db.deleteFrom('agent_presence').execute();
      await target.db
        .insertInto('agent_presence')
        .values(
          agents.slice(0, online).map((a) => ({
            agent_id: a.id,
            online: true,
            last_heartbeat_at: now,
            online_since: new Date(now.getTime() - a.index),
          })),
        )
        .execute();
      // Planner statistics for the bulk-loaded rows, as a database in service has (without them
      // the candidate query took 130–335 ms once a few thousand offers existed).
      await sql`analyze`.execute(target.db);
      const latencies: number[] = [];
      const fromHandoff: number[] = [];
      const turns: number[] = [];
      let missed = 0;
      let next = 0;
      const warmUp = Math.min(20, Math.floor(options.handoffs / 10));
      await Promise.all(
        tokens.map(async (token) => {
          const auth = { authorization: `Bearer ${token}` };
          for (let i = next++; i < options.handoffs + warmUp; i = next++) {
            const conversation = (await post(target, '/api/v1/conversations', { locale: 'en-US' }, auth))
              .id as string;
            const offered = new Promise<number>((resolve) => {
              waiting.set(conversation, resolve);
              setTimeout(() => resolve(Number.NaN), 10_000);
            });
            const sent = performance.now();
            await post(
              target,
              `/api/v1/conversations/${conversation}/messages`,
              { text: 'I want to talk to a real person' },
              auth,
            );
            const answered = performance.now();
            const at = await offered;
            waiting.delete(conversation);
            if (i < warmUp) continue;
            if (Number.isNaN(at)) missed++;
            else {
              latencies.push(at - sent);
              const committed = handedOff.get(conversation);
              if (committed !== undefined) fromHandoff.push(at - committed);
            }
            handedOff.delete(conversation);
            turns.push(answered - sent);
          }
        }),
      );
      await Promise.all(chores.splice(0));
      return summarise(online, latencies, turns, missed, fromHandoff);
    };
    const results = [await measure(options.baselineAgents), await measure(options.agents)];
    if (agentErrors) process.stderr.write(`  ${agentErrors} agent accept/close calls failed\n`);
    return { target: target.label, concurrency: options.concurrency, results };
  } finally {
    for (const s of sockets) s.terminate();
    await target.close();
  }
}
