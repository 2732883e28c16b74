/**
 * Voice benchmark: per-turn latency of the hotline's embedded speech pipeline over a real phone
 * protocol, and how many concurrent calls one machine carries.
 *
 *   npm run bench:voice -- [--quick] [--calls 5] [--levels 1,2,4,6,8,12,16] [--per-level 3]
 *     [--server URL --to +1… --auth-token T] [--json]
 *
 * Starts the real server in this process on in-memory PGlite in demo mode (or uses --server),
 * then places calls with the caller simulator (src/hotline/simulator): espeak-ng speech streamed as
 * 8 kHz μ-law in real time over Twilio Media Streams, with the persona's audio played out in real
 * time. (a) Sequential calls × 3 turns: p50/p95 of end-of-turn wait, recognition, reply, synthesis
 * and total (server-recorded, from the transcript endpoint) plus the caller-measured figure.
 * (b) Concurrency sweep: p50/p95 total per level until p95 exceeds 2× the single-call p95.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { synthesizeLine } from '../src/hotline/simulator/line-synthesis.js';
import { type CallReport, simulateCall } from '../src/hotline/simulator/simulate-call.js';
import { BENCH_AUTH_TOKEN, startVoiceServer, type VoiceServer } from './voice/voice-server.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    calls: { type: 'string' },
    levels: { type: 'string' },
    'per-level': { type: 'string' },
    server: { type: 'string' },
    to: { type: 'string' },
    'auth-token': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`bench:voice: ${message}\n`);
  process.exit(2);
}

function count(name: 'calls' | 'per-level', fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive whole number, got "${raw}"`);
  return n;
}

const quick = values.quick;
const sequentialCalls = count('calls', quick ? 2 : 5);
const perLevel = count('per-level', quick ? 2 : 3);
const levels = (values.levels ?? (quick ? '1,2,4' : '1,2,4,6,8,12,16')).split(',').map((s) => {
  const n = Number(s.trim());
  if (!Number.isInteger(n) || n < 1) fail(`--levels must be positive whole numbers, got "${values.levels}"`);
  return n;
});
if (levels[0] !== 1) levels.unshift(1); // the baseline is always measured in the same run
/** The concurrency sweep stops once p95 passes this multiple of the single-call p95. */
const DEGRADED = 2;
const TARGET_P50_MS = 800;

const SCRIPT = [
  'I tried to postpone my payment in the app and it kept failing.',
  'It matters because I was travelling and almost got a late fee.',
  'I would add a button that moves the due date by one week.',
];

const out = (line = '') => {
  if (!values.json) process.stdout.write(`${line}\n`);
};

interface Sample {
  endOfTurnMs: number | null;
  recognitionMs: number | null;
  replyMs: number | null;
  synthesisMs: number | null;
  totalMs: number | null;
  clientMs: number | null;
}

/** One sample per persona reply to a caller line. */
function samplesOf(report: CallReport): Sample[] {
  return report.turns
    .filter((t) => t.speaker === 'persona' && (t.latency || t.clientLatencyMs !== null))
    .map((t) => ({
      endOfTurnMs: t.latency?.endOfTurnMs ?? null,
      recognitionMs: t.latency?.recognitionMs ?? null,
      replyMs: t.latency?.replyMs ?? null,
      synthesisMs: t.latency?.synthesisMs ?? null,
      totalMs: t.latency?.firstAudioMs ?? null,
      clientMs: t.clientLatencyMs,
    }));
}

/** Nearest-rank percentile; null without data. */
function percentile(values: (number | null)[], p: number): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);

/** System-wide CPU busy share between two snapshots (covers the engines' child processes too). */
function cpuBusy(before: ReturnType<typeof cpus>, after: ReturnType<typeof cpus>): number {
  let busy = 0;
  let all = 0;
  after.forEach((cpu, i) => {
    const prev = before[i]!.times;
    const d = (k: keyof typeof cpu.times) => cpu.times[k] - prev[k];
    const total = d('user') + d('nice') + d('sys') + d('idle') + d('irq');
    busy += total - d('idle');
    all += total;
  });
  return all ? busy / all : 0;
}

async function findLine(server: string): Promise<string> {
  if (values.to) return values.to;
  const res = await fetch(`${server}/api/v1/hotline/lines`).catch(() => null);
  if (!res?.ok)
    fail(`GET ${server}/api/v1/hotline/lines failed (${res?.status ?? 'unreachable'}); pass --to`);
  const { lines } = (await res.json()) as {
    lines: { number: string; language: string; personaName: string }[];
  };
  const line =
    lines.find((l) => l.language === 'en') ?? fail('no English hotline line on the server; pass --to');
  out(`Calling ${line.personaName} on ${line.number}`);
  return line.number;
}

async function main() {
  let server: VoiceServer;
  if (values.server) {
    server = {
      url: values.server.replace(/\/+$/, ''),
      label: `external server ${values.server}`,
      close: async () => {},
    };
  } else {
    out('Starting the server (in-memory PGlite, demo mode, embedded speech engines)…');
    server = await startVoiceServer();
  }
  const authToken =
    values['auth-token'] ?? (values.server ? process.env.HOTLINE_CARRIER_AUTH_TOKEN : BENCH_AUTH_TOKEN);
  const cache = new Map<string, Promise<Buffer>>();
  const synthesize = (text: string) => {
    if (!cache.has(text)) cache.set(text, synthesizeLine(text, { voice: 'en-us' }));
    return cache.get(text)!;
  };
  const cpu = cpus();
  const machine = {
    cpus: cpu.length,
    model: cpu[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeMemoryGb: Math.round(freemem() / 2 ** 30),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
  };
  out(
    `Machine: ${machine.cpus} CPU (${machine.model}), ${machine.memoryGb} GB RAM (${machine.freeMemoryGb} free), ` +
      `load ${machine.loadAverage.join(' ')}, Node ${machine.node} ${machine.platform}; ${server.label}`,
  );
  try {
    const to = await findLine(server.url);
    const call = () =>
      simulateCall({
        server: server.url,
        to,
        lines: SCRIPT,
        synthesize,
        authToken,
        timeouts: { hangupMs: 3000 },
      });

    // (a) Sequential calls.
    out(
      `\n(a) ${sequentialCalls} sequential calls × ${SCRIPT.length} caller turns (each call in real time)…`,
    );
    const sequential: Sample[] = [];
    for (let i = 0; i < sequentialCalls; i++) {
      const report = await call();
      sequential.push(...samplesOf(report));
      out(
        `  call ${i + 1}: ${report.turns.length} turns, ${(report.durationMs / 1000).toFixed(1)} s, ended by ${report.endedBy}`,
      );
    }
    const rows: [string, keyof Sample][] = [
      ['end-of-turn wait', 'endOfTurnMs'],
      ['recognition', 'recognitionMs'],
      ['reply', 'replyMs'],
      ['synthesis (to first audio)', 'synthesisMs'],
      ['total, server (end of speech → first audio)', 'totalMs'],
      ['total, measured by the caller', 'clientMs'],
    ];
    const split = Object.fromEntries(
      rows.map(([, key]) => [
        key,
        {
          p50: percentile(
            sequential.map((s) => s[key]),
            50,
          ),
          p95: percentile(
            sequential.map((s) => s[key]),
            95,
          ),
        },
      ]),
    ) as Record<keyof Sample, { p50: number | null; p95: number | null }>;
    out(`\n  ${sequential.length} persona replies${''.padEnd(30)}${'p50'.padStart(10)}${'p95'.padStart(10)}`);
    for (const [label, key] of rows)
      out(`  ${label.padEnd(46)}${fmt(split[key].p50).padStart(10)}${fmt(split[key].p95).padStart(10)}`);
    const headline = split.totalMs.p50 ?? split.clientMs.p50;
    out(
      `  Target p50 end of speech → first audio ≤ ${TARGET_P50_MS} ms: ${fmt(headline)} — ` +
        (headline === null
          ? 'no figures'
          : headline <= TARGET_P50_MS
            ? 'met'
            : `missed by ${Math.round(headline - TARGET_P50_MS)} ms`),
    );

    // (b) Concurrency sweep.
    out(
      `\n(b) Concurrency sweep (levels ${levels.join(', ')}; at least ${perLevel} calls per level; stop when p95 > ${DEGRADED}× the 1-call p95)`,
    );
    out(
      `  ${'calls'.padStart(5)}${'turns'.padStart(7)}${'p50 total'.padStart(12)}${'p95 total'.padStart(12)}${'p95 caller'.padStart(12)}${'CPU busy'.padStart(10)}${'failed'.padStart(8)}`,
    );
    const sweep: {
      level: number;
      turns: number;
      p50: number | null;
      p95: number | null;
      clientP95: number | null;
      cpuBusy: number;
      failed: number;
      firstError?: string;
    }[] = [];
    let baseline: number | null = null;
    let carries = 0;
    for (const level of levels) {
      const total = Math.max(level, perLevel);
      const samples: Sample[] = [];
      const errors: string[] = [];
      let next = 0;
      const before = cpus();
      // `level` callers dial in turn, starts spread over the first seconds like real arrivals.
      await Promise.all(
        Array.from({ length: level }, async (_, k) => {
          await new Promise((r) => setTimeout(r, k * Math.min(500, 3000 / level)));
          while (next < total) {
            next++;
            try {
              samples.push(...samplesOf(await call()));
            } catch (err) {
              errors.push((err as Error).message);
            }
          }
        }),
      );
      const totals = samples.map((s) => s.totalMs ?? s.clientMs);
      const row = {
        level,
        turns: samples.length,
        p50: percentile(totals, 50),
        p95: percentile(totals, 95),
        clientP95: percentile(
          samples.map((s) => s.clientMs),
          95,
        ),
        cpuBusy: cpuBusy(before, cpus()),
        failed: errors.length,
        ...(errors[0] ? { firstError: errors[0] } : {}),
      };
      sweep.push(row);
      out(
        `  ${String(level).padStart(5)}${String(row.turns).padStart(7)}${fmt(row.p50).padStart(12)}${fmt(row.p95).padStart(12)}` +
          `${fmt(row.clientP95).padStart(12)}${`${Math.round(row.cpuBusy * 100)}%`.padStart(10)}${String(row.failed).padStart(8)}`,
      );
      if (row.firstError) out(`        first failure: ${row.firstError}`);
      if (level === 1) baseline = row.p95;
      const degraded =
        row.failed > 0 || row.p95 === null || baseline === null || row.p95 > DEGRADED * baseline;
      if (degraded) break;
      carries = level;
    }
    out(
      `\nCarries ${carries} concurrent call${carries === 1 ? '' : 's'} before p95 degrades ` +
        `(baseline 1 call: p95 ${fmt(baseline)}; limit ${fmt(baseline === null ? null : DEGRADED * baseline)}; ` +
        `${machine.cpus} CPU${carries === levels.at(-1) ? '; the sweep reached its last level' : ''}).`,
    );
    out(
      'Callers run in the same process as the server (in-process mode): their 20 ms media clocks share its event loop.',
    );
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ machine, server: server.label, script: SCRIPT, sequential: { calls: sequentialCalls, replies: sequential.length, split, targetP50Ms: TARGET_P50_MS }, sweep, carries, baselineP95Ms: baseline })}\n`,
      );
    }
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench:voice: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
