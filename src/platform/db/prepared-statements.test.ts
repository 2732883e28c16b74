import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

// Prepared statements are a PostgreSQL-server matter; PGlite runs without them.
describe.skipIf(!process.env.DATABASE_URL)('queries on PostgreSQL as prepared statements', () => {
  it('keep working after a migration changes what a prepared `select *` returns', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    // One connection, so the second query surely reuses the statement the first one prepared.
    const database = await openDatabase({
      kind: 'postgres',
      url: process.env.DATABASE_URL ?? '',
      poolSize: 1,
      schema,
    });
    const select = (id: number) =>
      sql<Record<string, unknown>>`select * from notes where id = ${id}`.execute(database.db);
    try {
      await database.exec('create table notes (id int primary key, text text)');
      await sql`insert into notes (id, text) values (${1}, ${'first'})`.execute(database.db);
      expect((await select(1)).rows).toEqual([{ id: 1, text: 'first' }]);
      expect((await select(1)).rows).toEqual([{ id: 1, text: 'first' }]);

      await database.exec("alter table notes add column author text not null default 'ann'");
      // PostgreSQL refuses the old statement once; the retry prepares it again with the new columns.
      expect(await select(1).catch((err: { code?: string }) => err.code)).toBe('0A000');
      expect((await select(1)).rows).toEqual([{ id: 1, text: 'first', author: 'ann' }]);
    } finally {
      await database.exec(`drop schema if exists ${schema} cascade`);
      await database.close();
    }
  });
});
