import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

// Works from both src/platform/db and dist/platform/db.
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending SQL migrations in name order, each in its own transaction.
 * An advisory lock makes concurrent starts of several processes safe.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7201020304)`.execute(trx);
    await sql`create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const done = await sql<{
      name: string;
      checksum: string;
    }>`select name, checksum from schema_migrations`.execute(trx);
    const known = new Map(done.rows.map((r) => [r.name, r.checksum]));
    const applied: string[] = [];
    for (const file of files) {
      const text = await readFile(`${dir}/${file}`, 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = known.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migration ${file} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migrations (name, checksum) values (${file}, ${checksum})`.execute(trx);
      applied.push(file);
    }
    return { applied, alreadyApplied: known.size };
  });
}
