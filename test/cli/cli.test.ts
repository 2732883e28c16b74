import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { logInOverHttp } from '../support/http.js';
import { spawnServer } from '../support/spawn-server.js';

const BIN = fileURLToPath(new URL('../../bin/tandem.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));

function tandem(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: '', TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tandem CLI', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints help listing the commands', () => {
    const r = tandem(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'users']) expect(r.stdout).toContain(command);
  });

  it('exits 2 with a clear message for an unknown command or option', () => {
    const unknown = tandem(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const option = tandem(['migrate', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--bogus'");
  });

  it('voice simulate-call: a bad number is a usage error, an unreachable server a clear failure', () => {
    const bad = tandem(['voice', 'simulate-call', '--to', '555-0134', '--say', 'Hello.']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--to must be an E.164 number');
    const down = tandem([
      'voice',
      'simulate-call',
      '--to',
      '+14155550134',
      '--say',
      'Hello.',
      '--server',
      'http://127.0.0.1:9',
    ]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('cannot reach the Tandem server at http://127.0.0.1:9');
    expect(down.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for bad configuration without a stack trace', () => {
    const r = tandem(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL must start with postgres://');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrates, then reports the database is up to date', () => {
    const first = tandem(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    const second = tandem(['migrate']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
  });

  it('creates a staff user and refuses bad input with exit code 2', () => {
    const ok = tandem([
      'users',
      'create',
      '--email',
      'ops@example.com',
      '--name',
      'Ops',
      '--role',
      'admin',
      'supervisor',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Created staff user ops@example.com (admin, supervisor)');
    expect(ok.stdout).toMatch(/Password: \S{12,}/);
    const duplicate = tandem([
      'users',
      'create',
      '--email',
      'ops@example.com',
      '--name',
      'Ops',
      '--role',
      'admin',
    ]);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('already exists');
    const badRole = tandem([
      'users',
      'create',
      '--email',
      'x@example.com',
      '--name',
      'X',
      '--role',
      'wizard',
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('unknown role(s) wizard');
    const badEmail = tandem(['users', 'create', '--email', 'nope', '--name', 'X', '--role', 'agent']);
    expect(badEmail.code).toBe(2);
    const missing = tandem(['users', 'create', '--email', 'x@example.com']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('required option');
  });

  it('refuses bad seed options, and a second seed of a seeded database, with a clear message', () => {
    for (const args of [
      ['--customers', 'abc'],
      ['--customers', '0'],
      ['--seed', '-1'],
    ]) {
      const r = tandem(['seed', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/--customers|--seed/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const first = tandem(['seed', '--customers', '5']);
    expect(first.code).toBe(0);
    const again = tandem(['seed', '--customers', '5']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already');
    // Five CLI processes, two of which migrate and seed an embedded database.
  }, 120_000);

  it('refuses a bad port', () => {
    const r = tandem(['start', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be a number');
  });

  it('keeps data across a restart of the embedded database and shuts down cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-restart-'));
    const env = { DATABASE_URL: '', TANDEM_DATA_DIR: dir, TANDEM_SEED_CUSTOMERS: '10' };
    try {
      const first = await spawnServer(env);
      const headers = {
        ...(await logInOverHttp(first.url, 'admin@tandem.demo')),
        'content-type': 'application/json',
      };
      const created = await fetch(`${first.url}/api/v1/admin/api-keys`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'survives restart', scopes: ['customers:read'] }),
      });
      expect(created.status).toBe(201);
      expect(await first.stop('SIGTERM')).toBe(0);

      const second = await spawnServer(env);
      const listed = await fetch(`${second.url}/api/v1/admin/api-keys`, { headers });
      expect(listed.status).toBe(200); // the session also survived
      const body = (await listed.json()) as { apiKeys: { name: string }[] };
      expect(body.apiKeys.map((k) => k.name)).toContain('survives restart');
      expect(await second.stop('SIGTERM')).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
