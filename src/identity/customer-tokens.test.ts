import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { newId } from '../platform/ids.js';
import { createCustomerTokenService } from './customer-tokens.js';

const SECRET = 'customer-token-test-secret-0123456789abcdef';

/** A service whose clock the test moves. */
function service(start: Date) {
  let now = start;
  const tokens = createCustomerTokenService(SECRET, () => now);
  return { tokens, advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)) };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err: { code?: string; message?: string }) => `${err.code}: ${err.message}`,
  );

describe('customer tokens, verified more than once', () => {
  it('stops accepting a token at its expiry even after it was accepted before', async () => {
    const { tokens, advance } = service(new Date('2026-01-01T10:00:00Z'));
    const customerId = newId();
    const token = await tokens.issue(customerId, 60);
    expect(await tokens.verify(token)).toEqual({ customerId });
    advance(59);
    expect(await tokens.verify(token)).toEqual({ customerId });
    advance(1);
    expect(await code(tokens.verify(token))).toBe('unauthenticated: Customer token has expired');
  });

  it('does not let an accepted token vouch for an altered one', async () => {
    const { tokens } = service(new Date());
    const token = await tokens.issue(newId());
    await tokens.verify(token);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect(await code(tokens.verify(forged))).toBe('unauthenticated: Customer token is invalid');
    const other = Buffer.from(JSON.stringify({ sub: newId(), exp: 9_999_999_999 })).toString('base64url');
    expect(await code(tokens.verify(`${header}.${other}.${token.split('.')[2]}`))).toBe(
      'unauthenticated: Customer token is invalid',
    );
  });

  it('refuses a token before its not-before time, then accepts it', async () => {
    const start = new Date('2026-01-01T10:00:00Z');
    const { tokens, advance } = service(start);
    const customerId = newId();
    const iat = Math.floor(start.getTime() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(customerId)
      .setNotBefore(iat + 30)
      .setExpirationTime(iat + 600)
      .sign(new TextEncoder().encode(SECRET));
    expect(await code(tokens.verify(token))).toMatch(/^unauthenticated: Customer token rejected/);
    advance(30);
    expect(await tokens.verify(token)).toEqual({ customerId });
    expect(await tokens.verify(token)).toEqual({ customerId });
  });
});
