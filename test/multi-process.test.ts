import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { logInOverHttp } from './support/http.js';
import { type ServerProcess, spawnServer } from './support/spawn-server.js';

const DATABASE_URL = process.env.DATABASE_URL;

describe.skipIf(!DATABASE_URL)('two server processes on one PostgreSQL database', () => {
  const schema = `mp_${Math.random().toString(36).slice(2, 10)}`;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    const env = {
      DATABASE_URL: DATABASE_URL!,
      DATABASE_SCHEMA: schema,
      TANDEM_DEMO: 'true',
      TANDEM_SEED_CUSTOMERS: '20',
    };
    // Started together: migrations and demo preparation must be safe to race.
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  it('shares state: a change made through one process is visible through the other', async () => {
    const headersA = await logInOverHttp(a.url, 'admin@tandem.demo');
    const created = await fetch(`${a.url}/api/v1/admin/staff`, {
      method: 'POST',
      headers: { ...headersA, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'shared@example.com',
        name: 'Shared',
        password: 'long-enough-pw',
        roles: ['agent'],
      }),
    });
    expect(created.status).toBe(201);
    // The session created on A is honoured by B: sessions live in the database.
    const listed = await fetch(`${b.url}/api/v1/admin/staff`, { headers: headersA });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { staff: { email: string }[] };
    expect(body.staff.map((s) => s.email)).toContain('shared@example.com');
  });

  it('delivers a live event published by one process to a WebSocket connected to the other', async () => {
    const headersB = await logInOverHttp(b.url, 'admin@tandem.demo');
    const socket = new WebSocket(`${b.url.replace('http', 'ws')}/api/v1/live?topics=staff`, {
      headers: { cookie: headersB.cookie },
    });
    const messages: { type: string; event?: { type: string; data: { email: string }; origin: string } }[] =
      [];
    socket.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no subscription ack')), 10_000);
      socket.on('message', () => {
        if (messages.some((m) => m.type === 'subscribed')) {
          clearTimeout(timer);
          resolve();
        }
      });
      socket.on('error', reject);
    });

    const headersA = await logInOverHttp(a.url, 'admin@tandem.demo');
    const created = await fetch(`${a.url}/api/v1/admin/staff`, {
      method: 'POST',
      headers: { ...headersA, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'live@example.com',
        name: 'Live',
        password: 'long-enough-pw',
        roles: ['agent'],
      }),
    });
    expect(created.status).toBe(201);

    const event = await new Promise<NonNullable<(typeof messages)[number]['event']>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no event; got ${JSON.stringify(messages)}`)), 10_000);
      const look = () => {
        const m = messages.find((x) => x.type === 'event' && x.event?.data.email === 'live@example.com');
        if (m?.event) {
          clearTimeout(timer);
          resolve(m.event);
        }
      };
      look();
      socket.on('message', look);
    });
    expect(event.type).toBe('staff_user.created');
    socket.close();
  });
});
