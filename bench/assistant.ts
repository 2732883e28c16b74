/**
 * Assistant load benchmark: starts a real `tandem start` process (embedded PGlite, then the
 * PostgreSQL server when DATABASE_URL is set), drives concurrent simulated customers over
 * HTTP, and prints turns per second with p50/p95/p99 turn latency at each concurrency level.
 * Baseline, same run, client and concurrency: a plain account read (`GET /api/v1/me/next-payment`),
 * i.e. the HTTP + database floor the assistant's turn adds to.
 *
 * Each simulated customer is one keep-alive HTTP/1.1 connection sending one request at a time
 * (no pipelining), like a chat client; node:http costs the load generator about a third of the
 * CPU of fetch, which matters when it shares the machine with the server and PostgreSQL.
 *
 *   npm run bench:assistant -- [--concurrency 8,16,32] [--seconds 5] [--targets pglite,postgres]
 *
 * The postgres target runs only when DATABASE_URL is set.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { spawnServer } from '../test/support/spawn-server.js';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '8,16,32' },
    seconds: { type: 'string', default: '5' },
    targets: { type: 'string', default: 'pglite,postgres' },
  },
});
const levels = values.concurrency.split(',').map(Number);
const seconds = Number(values.seconds);
if (!levels.every((c) => Number.isInteger(c) && c >= 1) || !(seconds > 0)) {
  process.stderr.write(
    'bench:assistant: --concurrency must be positive integers (e.g. 8,16,32) and --seconds positive\n',
  );
  process.exit(2);
}
const maxConcurrency = Math.max(...levels);
const targets = new Set(values.targets.split(','));

const QUESTIONS = [
  ['en-US', 'When is my next payment due?'],
  ['en-US', 'How do returns work?'],
  ['sv-SE', 'När ska jag betala nästa gång?'],
  ['sv-SE', 'Hur fungerar det att dela upp betalningen i fyra delar?'],
  ['en-US', 'Thanks!'],
] as const;

interface Result {
  name: string;
  concurrency: number;
  count: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function summarise(
  name: string,
  concurrency: number,
  latencies: number[],
  errors: number,
  elapsedMs: number,
): Result {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    name,
    concurrency,
    count: sorted.length,
    errors,
    perSecond: sorted.length / (elapsedMs / 1000),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

interface Response {
  status: number;
  body: string;
}

/** One HTTP request over the keep-alive agent; resolves when the whole body has arrived. */
function call(
  agent: Agent,
  url: string,
  method: 'GET' | 'POST',
  path: string,
  token?: string,
  body?: unknown,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const req = request(`${url}${path}`, { method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const ok = (r: Response) => r.status >= 200 && r.status < 300;

async function tokens(agent: Agent, url: string, n: number): Promise<string[]> {
  const info = JSON.parse((await call(agent, url, 'GET', '/api/v1/demo/info')).body) as {
    customers: { id: string }[];
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const customerId = info.customers[i % info.customers.length]!.id;
    const res = await call(agent, url, 'POST', '/api/v1/demo/customer-token', undefined, { customerId });
    out.push((JSON.parse(res.body) as { token: string }).token);
  }
  return out;
}

/** Runs `work` in `concurrency` loops for the configured time and records each call's latency. */
async function drive(
  name: string,
  concurrency: number,
  work: (worker: number, i: number) => Promise<boolean>,
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t = performance.now();
        const ok = await work(worker, i).catch(() => false);
        if (ok) latencies.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  return summarise(name, concurrency, latencies, errors, performance.now() - started);
}

async function benchTarget(label: string, env: Record<string, string>): Promise<Result[]> {
  const server = await spawnServer({
    ...env,
    TANDEM_DEMO: 'true',
    TANDEM_SEED_CUSTOMERS: '200',
    LOG_LEVEL: 'error',
  });
  const agent = new Agent({ keepAlive: true, maxSockets: maxConcurrency });
  try {
    const url = server.url;
    const customerTokens = await tokens(agent, url, maxConcurrency);
    const conversations = await Promise.all(
      customerTokens.map(async (token, i) => {
        const [locale] = QUESTIONS[i % QUESTIONS.length]!;
        const res = await call(agent, url, 'POST', '/api/v1/conversations', token, { locale });
        return (JSON.parse(res.body) as { id: string }).id;
      }),
    );
    const turn = (w: number, text: string) =>
      call(agent, url, 'POST', `/api/v1/conversations/${conversations[w]}/messages`, customerTokens[w], {
        text,
      });
    // Warm-up, not measured: loads the help-centre index, opens pool connections and sockets, lets the JIT settle.
    for (let round = 0; round < 3; round++) {
      await Promise.all(conversations.map((_, w) => turn(w, QUESTIONS[(w + round) % QUESTIONS.length]![1])));
    }
    const results: Result[] = [];
    let handedOver = 0;
    for (const concurrency of levels) {
      results.push(
        await drive(`${label}: baseline GET /me/next-payment`, concurrency, async (w) =>
          ok(await call(agent, url, 'GET', '/api/v1/me/next-payment', customerTokens[w])),
        ),
      );
      results.push(
        await drive(`${label}: assistant turn`, concurrency, async (w, i) => {
          const res = await turn(w, QUESTIONS[(w + i) % QUESTIONS.length]![1]);
          // A conversation handed to a person gets no bot turn: it would flatter the figures.
          if (ok(res) && (JSON.parse(res.body) as { status: string }).status !== 'bot') handedOver++;
          return ok(res);
        }),
      );
    }
    if (handedOver) process.stderr.write(`${label}: ${handedOver} turns were not answered by the bot\n`);
    return results;
  } finally {
    agent.destroy();
    await server.stop();
  }
}

const results: Result[] = [];
if (targets.has('pglite')) {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-bench-assistant-'));
  try {
    results.push(...(await benchTarget('pglite', { DATABASE_URL: '', TANDEM_DATA_DIR: dir })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
if (targets.has('postgres') && process.env.DATABASE_URL) {
  const schema = `bench_assistant_${process.pid}`;
  try {
    results.push(
      ...(await benchTarget('postgres', {
        DATABASE_URL: process.env.DATABASE_URL,
        DATABASE_SCHEMA: schema,
        DATABASE_POOL_SIZE: '20',
      })),
    );
  } finally {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

const f = (n: number) => n.toFixed(1).padStart(8);
process.stdout.write(`\n${seconds} s per measurement; load generator, server and database on this machine\n`);
process.stdout.write(
  `${'measurement'.padEnd(46)} ${'conc'.padStart(4)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} errors\n`,
);
for (const r of results) {
  process.stdout.write(
    `${r.name.padEnd(46)} ${String(r.concurrency).padStart(4)} ${f(r.perSecond)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${r.errors}\n`,
  );
}
