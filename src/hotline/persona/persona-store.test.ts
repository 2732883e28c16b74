import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../../../test/support/test-database.js';
import { ensureDemoStaff } from '../../identity/demo-staff.js';
import type { Actor } from '../../platform/audit/write-audit.js';
import { systemClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { ensureDemoPersonas } from './ensure-demo-personas.js';
import { findLineForNumber } from './find-line-for-number.js';
import { getPersona, getStoredPersona, listPersonas } from './get-persona.js';
import { loadDemoPersonas } from './load-demo-personas.js';
import type { Persona } from './persona.js';
import { savePersona } from './save-persona.js';

describe.each(testDatabaseTargets())('hotline persona storage (%s)', (kind) => {
  let test: TestDatabase;
  let demo: Persona;
  let admin: Actor;
  const deps = () => ({ db: test.database.db, clock: systemClock });

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    [demo] = (await loadDemoPersonas()) as [Persona];
    await ensureDemoStaff(test.database.db);
    const row = await test.database.db
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', 'admin@tandem.demo')
      .executeTakeFirstOrThrow();
    admin = { type: 'staff', id: row.id, requestId: 'persona-test' };
  });
  afterAll(async () => test?.close());

  it('seeds the demo persona once, from the repo files', async () => {
    expect(await ensureDemoPersonas(test.database.db)).toEqual({ created: [demo.id], refreshed: [] });
    expect(await ensureDemoPersonas(test.database.db)).toEqual({ created: [], refreshed: [] });
    const stored = await getPersona(test.database.db, demo.id);
    expect(stored).toEqual(demo);
    expect((await listPersonas(test.database.db)).map((p) => p.id)).toEqual([demo.id]);
  });

  it('finds the line for a dialled number however it is formatted', async () => {
    for (const dialled of ['+46855501234', '+46 8-555 012 34', '0046 8 555 012 34', '+46 (8) 555.012.34']) {
      const found = await findLineForNumber(test.database.db, dialled);
      expect(found?.persona.id, dialled).toBe(demo.id);
      expect(found?.line).toEqual({ number: '+46855501234', market: 'SE', language: 'sv' });
    }
    expect((await findLineForNumber(test.database.db, '+1 415 555 0135'))?.line.market).toBe('US');
    expect(await findLineForNumber(test.database.db, '+14155550199')).toBeNull();
  });

  it('rejects an invalid persona with the field named, and changes nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['missing disclosure', { ...demo, disclosure: { en: demo.disclosure.en } }, 'disclosure.sv'],
      [
        'duplicate passage id',
        { ...demo, corpus: [...demo.corpus, demo.corpus[0]] },
        `corpus.${demo.corpus.length}.id`,
      ],
      [
        'number not E.164',
        { ...demo, numbers: [{ number: '555-CALL-NOW', market: 'US', language: 'en' }] },
        'numbers.0.number',
      ],
      ['unknown language', { ...demo, languages: ['en', 'sv', 'xx'] }, 'languages.2'],
      [
        'passage language not listed',
        { ...demo, languages: ['en'], disclosure: { en: 'x' } },
        'numbers.2.language',
      ],
    ];
    for (const [label, input, path] of cases) {
      const error = await savePersona(deps(), admin, input).catch((e: unknown) => e);
      expect(error, label).toBeInstanceOf(AppError);
      expect((error as AppError).status, label).toBe(400);
      expect((error as AppError).details, label).toContainEqual(expect.objectContaining({ path }));
    }
    expect(await getPersona(test.database.db, demo.id)).toEqual(demo);
  });

  it("saves an admin's edit with an audit row, and the seeding never overwrites it", async () => {
    const edited: Persona = {
      ...demo,
      title: 'co-founder and CEO',
      numbers: [...demo.numbers, { number: '+1 (415) 555-0136', market: 'US', language: 'en' }],
    };
    const saved = await savePersona(deps(), admin, edited);
    expect(saved.numbers.at(-1)!.number).toBe('+14155550136');
    const stored = await getStoredPersona(test.database.db, demo.id);
    expect(stored?.persona.title).toBe('co-founder and CEO');
    expect(stored?.updatedBy).toBe(admin.id);

    const audit = await test.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'hotline_persona')
      .where('action', '=', 'hotline.persona.updated')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_type: 'staff',
      actor_id: admin.id,
      entity_id: demo.id,
      request_id: 'persona-test',
    });
    expect((audit.before as Persona).title).toBe('co-founder');
    expect((audit.after as Persona).title).toBe('co-founder and CEO');

    expect(await ensureDemoPersonas(test.database.db)).toEqual({ created: [], refreshed: [] });
    expect((await getPersona(test.database.db, demo.id))?.title).toBe('co-founder and CEO');
    expect((await findLineForNumber(test.database.db, '+14155550136'))?.persona.id).toBe(demo.id);
  });

  it('refreshes a persona nobody edited when its files change', async () => {
    const other: Persona = { ...demo, id: 'second-founder', numbers: [] };
    await ensureDemoPersonas(test.database.db, [other]);
    const changed = { ...other, title: 'founder' };
    expect(await ensureDemoPersonas(test.database.db, [changed])).toEqual({
      created: [],
      refreshed: ['second-founder'],
    });
    expect((await getPersona(test.database.db, 'second-founder'))?.title).toBe('founder');
  });

  it('refuses a number that belongs to another persona', async () => {
    const clash: Persona = { ...demo, id: 'copycat', numbers: [demo.numbers[0]!] };
    const error = await savePersona(deps(), admin, clash).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(409);
    expect(await getPersona(test.database.db, 'copycat')).toBeNull();
  });
});
