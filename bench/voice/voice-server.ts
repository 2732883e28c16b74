import { createServer } from 'node:net';
import { buildDeps, createApp, openInfrastructure } from '../../src/app.js';
import { prepareDemo } from '../../src/demo/prepare-demo.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';

export const BENCH_AUTH_TOKEN = 'bench-carrier-token';

export interface VoiceServer {
  url: string;
  label: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real app in this process on in-memory PGlite, demo mode (so the demo persona and its numbers
 * exist), embedded speech engines. Like test/support/test-server.ts, but on a port chosen first so
 * HOTLINE_PUBLIC_URL (the TwiML stream URL and the signed webhook URL) points at it.
 */
export async function startVoiceServer(): Promise<VoiceServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: '',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    TANDEM_DEMO: 'true',
    TANDEM_SEED_CUSTOMERS: '30',
    JOB_WORKERS: '1',
    HOTLINE_PUBLIC_URL: url,
    HOTLINE_CARRIER_AUTH_TOKEN: BENCH_AUTH_TOKEN,
    // The sweep measures where latency degrades, so the server must not turn callers away first.
    HOTLINE_MAX_CALLS: '1000',
  });
  const database =
    config.database.kind === 'pglite' ? { ...config.database, dataDir: undefined } : config.database;
  const logger = createLogger({ level: config.logLevel });
  const infra = await openInfrastructure({ ...config, database }, logger);
  await prepareDemo(infra.database, config, logger);
  const app = await createApp(buildDeps({ ...config, database }, logger, infra));
  await infra.jobs.start();
  await app.http.listen({ port, host: '127.0.0.1' });
  return {
    url,
    label: 'pglite in memory, server in the bench process',
    async close() {
      await app.close();
      await infra.database.close();
    },
  };
}
