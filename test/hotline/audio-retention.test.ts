import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCallAudio } from '../../src/hotline/calls/call-audio.js';
import { pruneExpiredRows } from '../../src/platform/maintenance/prune-expired-rows.js';
import { fakePersona, insertFakePersona } from '../support/hotline-fakes.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('hotline call audio retention', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase('pglite');
  });
  afterAll(async () => tdb?.close());

  it('deletes recordings past their expiry and unlinks them from the call; keeps the rest', async () => {
    const db = tdb.database.db;
    await insertFakePersona(db);
    const dir = mkdtempSync(join(tmpdir(), 'hotline-prune-'));
    const now = new Date('2030-01-10T00:00:00Z');
    const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    const paths: string[] = [];
    for (const [i, id] of ids.entries()) {
      const path = await writeCallAudio(dir, id, [new Int16Array(800)], 8000);
      paths.push(path);
      await db
        .insertInto('hotline_calls')
        .values({
          id,
          persona_id: fakePersona.id,
          channel: 'phone',
          language: 'en',
          consent_notice: 'notice',
          status: 'ended',
          audio_path: path,
          audio_expires_at: i === 0 ? new Date('2030-01-09T00:00:00Z') : new Date('2030-02-01T00:00:00Z'),
          started_at: new Date('2030-01-01T00:00:00Z'),
        })
        .execute();
    }
    const result = await pruneExpiredRows(db, now);
    expect(result.hotlineAudio).toBe(1);
    expect(existsSync(paths[0]!)).toBe(false);
    expect(existsSync(paths[1]!)).toBe(true);
    const rows = await db.selectFrom('hotline_calls').select(['id', 'audio_path']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: ids[0], audio_path: null },
      { id: ids[1], audio_path: paths[1] },
    ]);
  });
});
