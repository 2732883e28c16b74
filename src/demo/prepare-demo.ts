import type { Logger } from 'pino';
import { ensureDemoPersonas } from '../hotline/persona/ensure-demo-personas.js';
import { ensureDemoStaff } from '../identity/demo-staff.js';
import { importKnowledgeBase } from '../knowledge/import-articles.js';
import type { AppConfig } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';
import { ensureDemoAgent } from '../workforce/ensure-demo-agent.js';
import { isDatabaseEmpty, seedDemoCompany } from './seed-database.js';

/**
 * In demo mode: seeds the demo company on first start, loads the help centre,
 * creates demo staff and seeds the demo hotline persona. Several processes may start at once on one server, so the
 * work runs under a session advisory lock and each step checks what exists.
 */
export async function prepareDemo(database: Database, config: AppConfig, logger: Logger): Promise<void> {
  if (database.kind === 'pglite') return prepareDemoUnlocked(database, config, logger);
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(7201020305)');
    await prepareDemoUnlocked(database, config, logger);
  } finally {
    await client.query('select pg_advisory_unlock(7201020305)').catch(() => {});
    client.release();
  }
}

/** The demo company is the same on every machine: a fixed seed. */
export const DEMO_SEED = 20240201;

async function prepareDemoUnlocked(database: Database, config: AppConfig, logger: Logger) {
  if (await isDatabaseEmpty(database)) {
    const summary = await seedDemoCompany(database, {
      customers: config.demoSeedCustomers,
      seed: DEMO_SEED,
      // Small demo companies generate faster on this thread than with worker start-up.
      workers: config.demoSeedCustomers > 20_000 ? undefined : 0,
    });
    logger.info(
      { customers: summary.customers, rows: summary.totalRows, ms: summary.elapsedMs },
      'demo company seeded',
    );
  }
  const kb = await importKnowledgeBase(database.db);
  if (kb.created.length + kb.updated.length > 0) {
    logger.info({ created: kb.created.length, updated: kb.updated.length }, 'help centre imported');
  }
  const created = await ensureDemoStaff(database.db);
  if (created) logger.info({ created }, 'demo staff accounts created');
  if (await ensureDemoAgent(database.db)) logger.info('demo agent profile approved');
  const personas = await ensureDemoPersonas(database.db);
  if (personas.created.length + personas.refreshed.length > 0) {
    logger.info(personas, 'demo hotline personas seeded');
  }
}
