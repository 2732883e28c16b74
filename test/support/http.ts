import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestServer } from './test-server.js';

export interface StaffSession {
  headers: { cookie: string; 'x-csrf-token': string };
  user: { id: string; email: string; roles: string[] };
}

/** Logs in through the real endpoint and returns the headers a browser would send. */
export async function logInAs(
  server: TestServer,
  email: string,
  password = 'tandem-demo',
): Promise<StaffSession> {
  const res = await server.app.http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tandem_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json() as { csrfToken: string; user: StaffSession['user'] };
  return {
    headers: { cookie: `tandem_session=${cookie.value}`, 'x-csrf-token': body.csrfToken },
    user: body.user,
  };
}

export function errorCode(res: LightMyRequestResponse): string | undefined {
  return (res.json() as { error?: { code?: string } }).error?.code;
}

/** `server.app.http.inject` with its options typed, for brevity in tests. */
export function injector(server: () => TestServer) {
  return (opts: InjectOptions): Promise<LightMyRequestResponse> => server().app.http.inject(opts);
}

/** Logs in over real HTTP (for spawned server processes) and returns the headers a browser would send. */
export async function logInOverHttp(
  url: string,
  email: string,
  password = 'tandem-demo',
): Promise<StaffSession['headers']> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = /tandem_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: `tandem_session=${cookie}`, 'x-csrf-token': body.csrfToken };
}
