import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../src/hotline/persona/persona.js';
import { errorCode, injector, logInAs } from '../support/http.js';
import { serverTestTargets, startTestServer, type TestServer } from '../support/test-server.js';

const ID = 'tandem-pay-founder';

describe.each(serverTestTargets())('hotline persona API (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database });
  });
  afterAll(async () => server?.close());
  const inject = injector(() => server);

  it('lists the demo hotline numbers publicly', async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/hotline/lines' });
    expect(res.statusCode).toBe(200);
    const { lines } = res.json() as { lines: { number: string; market: string; language: string }[] };
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      personaId: ID,
      personaName: 'Jonas Ekholm',
      company: 'Tandem Pay',
      number: '+14155550134',
      market: 'US',
      language: 'en',
    });
    expect(lines.filter((l) => l.market === 'SE').map((l) => l.language)).toEqual(['sv', 'en']);
  });

  it('keeps personas to admins: 401 without a login, 403 for other staff', async () => {
    expect((await inject({ method: 'GET', url: '/api/v1/hotline/personas' })).statusCode).toBe(401);
    expect((await inject({ method: 'GET', url: `/api/v1/hotline/personas/${ID}` })).statusCode).toBe(401);
    const product = await logInAs(server, 'product@tandem.demo');
    for (const url of ['/api/v1/hotline/personas', `/api/v1/hotline/personas/${ID}`]) {
      const res = await inject({ method: 'GET', url, headers: product.headers });
      expect(res.statusCode, url).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
    }
    const put = await inject({
      method: 'PUT',
      url: `/api/v1/hotline/personas/${ID}`,
      headers: product.headers,
      payload: {},
    });
    expect(put.statusCode).toBe(403);
  });

  it('lets an admin read, reject a bad edit with the field named, and save a good one with an audit row', async () => {
    const admin = await logInAs(server, 'admin@tandem.demo');
    const list = await inject({ method: 'GET', url: '/api/v1/hotline/personas', headers: admin.headers });
    expect((list.json() as { personas: { id: string; passages: number }[] }).personas).toEqual([
      expect.objectContaining({ id: ID, passages: expect.any(Number) }),
    ]);
    const one = await inject({
      method: 'GET',
      url: `/api/v1/hotline/personas/${ID}`,
      headers: admin.headers,
    });
    const persona = (one.json() as { persona: Persona }).persona;
    expect(persona.corpus.length).toBeGreaterThan(45);

    const bad = await inject({
      method: 'PUT',
      url: `/api/v1/hotline/personas/${ID}`,
      headers: admin.headers,
      payload: { ...persona, disclosure: { en: persona.disclosure.en } },
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json() as { error: { code: string; message: string; details: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details).toContainEqual(expect.objectContaining({ path: 'disclosure.sv' }));
    expect(body.error.message).toContain('disclosure.sv');

    const mismatch = await inject({
      method: 'PUT',
      url: '/api/v1/hotline/personas/someone-else',
      headers: admin.headers,
      payload: persona,
    });
    expect(mismatch.statusCode).toBe(400);

    const edited = {
      ...persona,
      humanContact: { ...persona.humanContact, en: 'call +1 415 555 0100 any day' },
    };
    const saved = await inject({
      method: 'PUT',
      url: `/api/v1/hotline/personas/${ID}`,
      headers: admin.headers,
      payload: edited,
    });
    expect(saved.statusCode).toBe(200);
    const after = await inject({
      method: 'GET',
      url: `/api/v1/hotline/personas/${ID}`,
      headers: admin.headers,
    });
    expect(after.json()).toMatchObject({
      persona: { humanContact: { en: 'call +1 415 555 0100 any day' } },
      updatedBy: admin.user.id,
    });

    const audit = await inject({
      method: 'GET',
      url: '/api/v1/admin/audit?limit=20',
      headers: admin.headers,
    });
    const entry = (
      audit.json() as { entries: { action: string; entityId: string; actorId: string; after: Persona }[] }
    ).entries.find((e) => e.action === 'hotline.persona.updated');
    expect(entry).toMatchObject({ entityId: ID, actorId: admin.user.id });
    expect(entry!.after.humanContact.en).toBe('call +1 415 555 0100 any day');
  });

  it('answers unknown and malformed persona ids with 404 and 400', async () => {
    const admin = await logInAs(server, 'admin@tandem.demo');
    const missing = await inject({
      method: 'GET',
      url: '/api/v1/hotline/personas/nobody',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
    const malformed = await inject({
      method: 'GET',
      url: '/api/v1/hotline/personas/%00',
      headers: admin.headers,
    });
    expect(malformed.statusCode).toBe(400);
  });
});

describe('hotline lines outside demo mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TANDEM_DEMO: 'false' } });
  });
  afterAll(async () => server?.close());

  it('has a working, empty persona table until an admin adds a persona', async () => {
    const res = await server.app.http.inject({ method: 'GET', url: '/api/v1/hotline/lines' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ lines: [] });
  });
});
