/**
 * Dispatch benchmark, two parts.
 *
 * 1. Simulated day: a discrete-event simulation (seeded) of arrivals, agents' shifts, offers,
 *    declines, timeouts, handle times and abandonment, where Tandem's real dispatch code on a
 *    real database decides who is offered what, against round robin on the same day.
 * 2. Live latency: the real server with 1,000 agents online, each on its own WebSocket; the time
 *    from a customer's handoff request to `offer.created` on an agent's socket (baseline: 10 agents).
 *
 *   npm run bench:dispatch -- [--seed 1] [--arrivals 2500] [--agents 40] [--hours 8]
 *     [--decline 0.1] [--timeout 0.05] [--transfer-seconds 60] [--jobs decisions|full] [--skip-sim]
 *     [--live-agents 1000] [--live-baseline-agents 10] [--handoffs 300] [--concurrency 4] [--skip-live]
 *
 * The simulation uses PostgreSQL when DATABASE_URL is set (its own schema), else in-memory PGlite.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config.js';
import { openTestDatabase } from '../test/support/test-database.js';
import { runLiveLatency } from './dispatch/live-latency.js';
import { simulateRoundRobin } from './dispatch/round-robin.js';
import { buildScenario } from './dispatch/scenario.js';
import type { PolicySummary } from './dispatch/simulation.js';
import { insertAgents, simulateTandem } from './dispatch/tandem-policy.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    arrivals: { type: 'string', default: '2500' },
    agents: { type: 'string', default: '40' },
    hours: { type: 'string', default: '8' },
    'max-concurrent': { type: 'string', default: '2' },
    'handle-median': { type: 'string', default: '300' },
    patience: { type: 'string', default: '240' },
    decline: { type: 'string', default: '0.1' },
    timeout: { type: 'string', default: '0.05' },
    'transfer-seconds': { type: 'string', default: '60' },
    'live-agents': { type: 'string', default: '1000' },
    'live-baseline-agents': { type: 'string', default: '10' },
    handoffs: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '4' },
    jobs: { type: 'string', default: 'decisions' },
    'skip-sim': { type: 'boolean', default: false },
    'skip-live': { type: 'boolean', default: false },
  },
});

function number(name: keyof typeof values, min: number, max = Number.POSITIVE_INFINITY): number {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < min || n > max) {
    process.stderr.write(
      `bench:dispatch: --${name} must be a number in [${min}, ${max}], got "${values[name]}"\n`,
    );
    process.exit(2);
  }
  return n;
}

const config = loadConfig(process.env);
const dispatch = config.dispatch;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const secs = (x: number) => `${x.toFixed(1)} s`;

async function runSimulation() {
  const scenario = buildScenario({
    seed: number('seed', 0),
    arrivals: number('arrivals', 1),
    agents: number('agents', 1),
    hours: number('hours', 0.1, 24),
    maxConcurrent: number('max-concurrent', 1, 20),
    handleMedianSeconds: number('handle-median', 10),
    patienceMeanSeconds: number('patience', 1),
  });
  const behaviour = {
    seed: number('seed', 0),
    declineProbability: number('decline', 0, 1),
    timeoutProbability: number('timeout', 0, 1),
  };
  const transferSeconds = number('transfer-seconds', 0);
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const handlers = values.jobs;
  if (handlers !== 'decisions' && handlers !== 'full') {
    process.stderr.write('bench:dispatch: --jobs must be decisions or full\n');
    process.exit(2);
  }
  // Simulated commits need no durability: skip the WAL flush per transaction (this bench's sessions only).
  process.env.PGOPTIONS = `${process.env.PGOPTIONS ?? ''} -c synchronous_commit=off`.trim();
  const { options } = scenario;
  process.stdout.write(
    `Simulated day (seed ${options.seed}): ${scenario.conversations.length} handoffs over ${options.hours} h ` +
      `(en 55%, sv 20%, es 15%, de 10%; general 70%, disputes 15%, hardship 8%, fraud 7%), ` +
      `${options.agents} agents on shifts, ${options.maxConcurrent} chats each, handle time lognormal ` +
      `(median ${options.handleMedianSeconds} s), patience exponential (mean ${options.patienceMeanSeconds} s), ` +
      `offers declined ${pct(behaviour.declineProbability)} / left to time out ${pct(behaviour.timeoutProbability)}; ` +
      `wait target ${dispatch.waitTargetSeconds} s, offer timeout ${dispatch.offerTimeoutMs / 1000} s, ` +
      `sweep ${dispatch.sweepEveryMs / 1000} s; Tandem on ${kind}, job handlers: ${handlers}\n`,
  );
  const rr = simulateRoundRobin(scenario, behaviour, dispatch.waitTargetSeconds, transferSeconds, 'shared');
  const rrLanguage = simulateRoundRobin(
    scenario,
    behaviour,
    dispatch.waitTargetSeconds,
    transferSeconds,
    'language',
  );
  const test = await openTestDatabase(kind);
  let tandem: Awaited<ReturnType<typeof simulateTandem>>;
  try {
    await insertAgents(test.database.db, scenario.agents);
    tandem = await simulateTandem(test.database.db, scenario, dispatch, behaviour, handlers);
  } finally {
    await test.close();
  }
  const rows: [string, (s: PolicySummary) => string][] = [
    [`service level (answered ≤ ${dispatch.waitTargetSeconds} s)`, (s) => pct(s.serviceLevel)],
    ['mean wait (answered)', (s) => secs(s.meanWaitSeconds)],
    ['p95 wait (answered)', (s) => secs(s.p95WaitSeconds)],
    ['abandonment', (s) => pct(s.abandonmentRate)],
    ['agent utilisation (busy slot time)', (s) => pct(s.utilisation)],
    ['offers declined', (s) => String(s.offersDeclined)],
    ['offers expired', (s) => String(s.offersExpired)],
    ['offers withdrawn (agent went offline)', (s) => String(s.offersWithdrawn)],
    ['routed to agent lacking language/skill', (s) => String(s.misrouted)],
    ['transferred back', (s) => String(s.transfers)],
    ['unanswered at end of run', (s) => String(s.unansweredAtEnd)],
    ['assigned twice / over capacity', (s) => `${s.doubleAssigned} / ${s.overCapacity}`],
  ];
  const policies = [tandem.summary, rr.summary, rrLanguage.summary];
  process.stdout.write(`${''.padEnd(42)}${policies.map((p) => p.policy.padStart(18)).join('')}\n`);
  for (const [label, f] of rows) {
    process.stdout.write(`${label.padEnd(42)}${policies.map((p) => f(p).padStart(18)).join('')}\n`);
  }
  process.stdout.write(
    `Round robin assumption: an agent given a chat they cannot serve spends ${transferSeconds} s and hands it back ` +
      `(back in the queue in its place; that agent is skipped for it); no declines (picked up after the same delay); ` +
      `an agent who would let an offer lapse is away 20–120 s before picking up. "Round robin": one shared inbox; ` +
      `"RR per language": one inbox per language (skills still ignored).\n` +
      `Both: a customer past their patience counts as abandoned, but the chat stays queued (the simulation does ` +
      `not use Tandem's leave path, so both policies pay the same) and costs the agent who takes it 30 s.\n` +
      `Tandem run: ${tandem.events} events, ${tandem.jobsRun} jobs (${tandem.skippedSweeps} sweeps skipped: nobody waiting), ` +
      `${tandem.offers} offers in ${(tandem.elapsedMs / 1000).toFixed(1)} s wall ` +
      `(${((tandem.elapsedMs / Math.max(1, tandem.events + tandem.jobsRun)) * 1).toFixed(2)} ms per event or job); ` +
      `round robin ${(rr.elapsedMs / 1000).toFixed(2)} s\n`,
  );
  const perCall = [...tandem.spent].map(([k, [n, ms]]) => `${k} ${n}× ${(ms / n).toFixed(1)} ms`);
  process.stdout.write(`Tandem wall time per call: ${perCall.join(', ')}\n`);
  if (tandem.summary.conflicts)
    process.stdout.write(
      `Tandem: ${tandem.summary.conflicts} answers were 409 (offer lapsed or chat gone)\n`,
    );
  return { tandem: tandem.summary, roundRobin: rr.summary, roundRobinPerLanguage: rrLanguage.summary };
}

const results: Record<string, unknown> = {};
if (!values['skip-sim']) results.simulation = await runSimulation();
if (!values['skip-live']) {
  const live = await runLiveLatency({
    agents: number('live-agents', 1),
    baselineAgents: number('live-baseline-agents', 1),
    handoffs: number('handoffs', 1),
    concurrency: number('concurrency', 1, 50),
  });
  const ms = (x: number) => x.toFixed(1).padStart(8);
  process.stdout.write(
    `\nLive: handoff request sent → offer.created on an agent's socket (${live.target}; ` +
      `${live.concurrency} customers at a time; each agent on its own WebSocket; target p99 ≤ 100 ms)\n` +
      `${'agents online'.padEnd(14)} ${'count'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ` +
      `${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'missed'.padStart(6)}   turn response p50/p99 ms\n`,
  );
  for (const r of live.results) {
    process.stdout.write(
      `${String(r.agentsOnline).padEnd(14)} ${String(r.count).padStart(6)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ` +
        `${ms(r.max)} ${String(r.missed).padStart(6)}   ${r.turnP50.toFixed(1)} / ${r.turnP99.toFixed(1)}\n`,
    );
  }
  process.stdout.write(
    `\nLive: handoff committed (conversation.handoff_requested on a staff socket) → offer.created on the agent's socket\n` +
      `${'agents online'.padEnd(14)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}\n`,
  );
  for (const r of live.results) {
    const h = r.fromHandoff;
    process.stdout.write(
      `${String(r.agentsOnline).padEnd(14)} ${ms(h.p50)} ${ms(h.p95)} ${ms(h.p99)} ${ms(h.max)}\n`,
    );
  }
  results.live = live;
}
process.stdout.write(`${JSON.stringify({ bench: 'dispatch', ...results })}\n`);
