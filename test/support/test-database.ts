import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  database: Database;
  close(): Promise<void>;
}

/** Always the in-memory PGlite; also the PostgreSQL server when DATABASE_URL is set. */
export function testDatabaseTargets(): TestDatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A migrated, empty database. On PostgreSQL each call gets its own schema (so test files
 * can run in parallel on one server); `close()` drops it.
 */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: undefined, schema: 'public' });
    await migrate(database);
    return { database, close: () => database.close() };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 8, schema });
  try {
    await migrate(database);
  } catch (err) {
    await database.exec(`drop schema if exists ${schema} cascade`).catch(() => {});
    await database.close();
    throw err;
  }
  return {
    database,
    async close() {
      try {
        await database.exec(`drop schema if exists ${schema} cascade`);
      } finally {
        await database.close();
      }
    },
  };
}
