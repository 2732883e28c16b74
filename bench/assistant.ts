/**
 * Assistant load benchmark: starts a real `tandem start` process (embedded PGlite, then the
 * PostgreSQL server when DATABASE_URL is set), drives concurrent simulated customers over
 * HTTP, and prints turns per second with p50/p95/p99 turn latency. Baseline, same run and
 * concurrency: a plain account read (`GET /api/v1/me/next-payment`), i.e. the HTTP + database
 * floor the assistant's turn adds to.
 *
 *   npm run bench:assistant -- [--concurrency 32] [--seconds 10]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { spawnServer } from '../test/support/spawn-server.js';

const { values } = parseArgs({
  options: { concurrency: { type: 'string', default: '32' }, seconds: { type: 'string', default: '10' } },
});
const concurrency = Number(values.concurrency);
const seconds = Number(values.seconds);
if (!Number.isInteger(concurrency) || concurrency < 1 || !(seconds > 0)) {
  process.stderr.write('bench:assistant: --concurrency must be a positive integer and --seconds positive\n');
  process.exit(2);
}

const QUESTIONS = [
  ['en-US', 'When is my next payment due?'],
  ['en-US', 'How do returns work?'],
  ['sv-SE', 'När ska jag betala nästa gång?'],
  ['sv-SE', 'Hur fungerar det att dela upp betalningen i fyra delar?'],
  ['en-US', 'Thanks!'],
] as const;

interface Result {
  name: string;
  count: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function summarise(name: string, latencies: number[], errors: number, elapsedMs: number): Result {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    name,
    count: sorted.length,
    errors,
    perSecond: sorted.length / (elapsedMs / 1000),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

async function tokens(url: string, n: number): Promise<string[]> {
  const info = (await (await fetch(`${url}/api/v1/demo/info`)).json()) as { customers: { id: string }[] };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const customerId = info.customers[i % info.customers.length]!.id;
    const res = await fetch(`${url}/api/v1/demo/customer-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId }),
    });
    out.push(((await res.json()) as { token: string }).token);
  }
  return out;
}

/** Runs `work` in `concurrency` loops for the configured time and records each call's latency. */
async function drive(name: string, work: (worker: number, i: number) => Promise<boolean>): Promise<Result> {
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
  return summarise(name, latencies, errors, performance.now() - started);
}

async function benchTarget(label: string, env: Record<string, string>): Promise<Result[]> {
  const server = await spawnServer({
    ...env,
    TANDEM_DEMO: 'true',
    TANDEM_SEED_CUSTOMERS: '200',
    LOG_LEVEL: 'error',
  });
  try {
    const url = server.url;
    const customerTokens = await tokens(url, concurrency);
    const conversations = await Promise.all(
      customerTokens.map(async (token, i) => {
        const [locale] = QUESTIONS[i % QUESTIONS.length]!;
        const res = await fetch(`${url}/api/v1/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ locale }),
        });
        return ((await res.json()) as { id: string }).id;
      }),
    );
    // Warm-up, not measured: loads the help-centre index and opens pool connections.
    await Promise.all(
      conversations.map((id, w) =>
        fetch(`${url}/api/v1/conversations/${id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${customerTokens[w]}` },
          body: JSON.stringify({ text: QUESTIONS[w % QUESTIONS.length]![1] }),
        }).then((r) => r.arrayBuffer()),
      ),
    );
    const baseline = await drive(`${label}: baseline GET /me/next-payment`, async (w) => {
      const res = await fetch(`${url}/api/v1/me/next-payment`, {
        headers: { authorization: `Bearer ${customerTokens[w]}` },
      });
      await res.arrayBuffer();
      return res.ok;
    });
    const turns = await drive(`${label}: assistant turn`, async (w, i) => {
      const [, text] = QUESTIONS[(w + i) % QUESTIONS.length]!;
      const res = await fetch(`${url}/api/v1/conversations/${conversations[w]}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customerTokens[w]}` },
        body: JSON.stringify({ text }),
      });
      await res.arrayBuffer();
      return res.ok;
    });
    return [baseline, turns];
  } finally {
    await server.stop();
  }
}

const results: Result[] = [];
const dir = await mkdtemp(join(tmpdir(), 'tandem-bench-assistant-'));
try {
  results.push(...(await benchTarget('pglite', { DATABASE_URL: '', TANDEM_DATA_DIR: dir })));
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (process.env.DATABASE_URL) {
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
process.stdout.write(`\nconcurrency ${concurrency}, ${seconds} s per measurement\n`);
process.stdout.write(
  `${'measurement'.padEnd(46)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} errors\n`,
);
for (const r of results) {
  process.stdout.write(
    `${r.name.padEnd(46)} ${f(r.perSecond)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${r.errors}\n`,
  );
}
