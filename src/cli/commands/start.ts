import type { Command } from 'commander';
import { buildDeps, createApp, openInfrastructure } from '../../app.js';
import { prepareDemo } from '../../demo/prepare-demo.js';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../identity/demo-staff.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { CliUsageError, reportCliError } from '../cli-errors.js';

export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description('Run the Tandem server (embedded PGlite by default, PostgreSQL when DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or localhost)')
    .action(async (opts: { port?: string; host?: string }) => {
      try {
        const env = { ...process.env };
        if (opts.port !== undefined) {
          if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535) {
            throw new CliUsageError(`--port must be a number from 0 to 65535, got "${opts.port}"`);
          }
          env.PORT = opts.port;
        }
        if (opts.host !== undefined) env.HOST = opts.host;
        await startServer(env);
      } catch (err) {
        reportCliError(err);
      }
    });
}

export async function startServer(env: Record<string, string | undefined>) {
  const config = loadConfig(env);
  const logger = createLogger({
    level: config.logLevel,
    pretty: process.stdout.isTTY && config.env !== 'production',
  });
  const infra = await openInfrastructure(config, logger);
  if (config.demoMode) await prepareDemo(infra.database, config, logger);
  const app = await createApp(buildDeps(config, logger, infra));
  await infra.jobs.start();
  const address = await app.http.listen({ port: config.port, host: config.host });

  const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `  Tandem is running at ${url}`,
    `  Database: ${config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL server'}`,
    `  API docs: ${url}/docs    Demo customer page: ${url}/demo`,
  ];
  if (config.demoMode) {
    lines.push(`  Demo staff logins (password "${DEMO_STAFF_PASSWORD}"):`);
    for (const s of DEMO_STAFF) lines.push(`    ${s.email.padEnd(26)} ${s.roles.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close();
      await infra.database.close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return app;
}
