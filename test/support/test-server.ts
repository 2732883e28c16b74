import { buildDeps, createApp, openInfrastructure, type TandemApp } from '../../src/app.js';
import { prepareDemo } from '../../src/demo/prepare-demo.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import type { TestDatabaseKind } from './test-database.js';

export interface TestServer {
  url: string;
  app: TandemApp;
  close(): Promise<void>;
}

/**
 * Runs the real app in this process on a free port: embedded PGlite in memory,
 * demo mode with a small seeded demo company and the demo staff accounts.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    database?: TestDatabaseKind;
    /** Parts injected into createApp (scripted assistant, hotline fakes). */
    app?: Parameters<typeof createApp>[1];
  } = {},
): Promise<TestServer> {
  const onServer = options.database === 'postgres';
  if (onServer && !process.env.DATABASE_URL)
    throw new Error('DATABASE_URL is required for a postgres test server');
  const schema = onServer ? `t_${Math.random().toString(36).slice(2, 10)}` : 'public';
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    TANDEM_DEMO: 'true',
    TANDEM_SEED_CUSTOMERS: '30',
    JOB_WORKERS: '1',
    ...(onServer
      ? { DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: '4' }
      : {}),
    ...options.env,
  });
  // No data dir: an in-memory database per test server.
  const database =
    config.database.kind === 'pglite' ? { ...config.database, dataDir: undefined } : config.database;
  const logger = createLogger({ level: config.logLevel });
  const infra = await openInfrastructure({ ...config, database }, logger);
  if (config.demoMode) await prepareDemo(infra.database, config, logger);
  const app = await createApp(buildDeps({ ...config, database }, logger, infra), options.app);
  await infra.jobs.start();
  const address = await app.http.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    async close() {
      await app.close();
      if (onServer) await infra.database.exec(`drop schema if exists ${schema} cascade`);
      await infra.database.close();
    },
  };
}

/** The databases the suite runs against: PGlite always, the server when DATABASE_URL is set. */
export { testDatabaseTargets as serverTestTargets } from './test-database.js';
