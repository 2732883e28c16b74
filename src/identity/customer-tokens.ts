import { errors, jwtVerify, SignJWT } from 'jose';
import { sql } from 'kysely';
import type { Sql } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { isUuid } from '../platform/ids.js';
import { randomToken } from './tokens.js';

/**
 * Customer identity comes from the host app: it signs an HS256 JWT whose `sub` is
 * the customer id, with the deployment's secret, the way help-desk widgets verify users.
 */
export interface CustomerTokenService {
  issue(customerId: string, ttlSeconds?: number): Promise<string>;
  verify(token: string): Promise<{ customerId: string }>;
}

const MAX_TTL_SECONDS = 24 * 3600;

/** Verified tokens remembered per process; a chat client sends the same token on every message. */
const VERIFIED_CACHE_SIZE = 10_000;

interface VerifiedToken {
  customerId: string;
  /** Seconds since the epoch, as in the token. */
  exp: number;
  nbf: number | undefined;
}

export function createCustomerTokenService(
  secret: string,
  now: () => Date = () => new Date(),
): CustomerTokenService {
  const key = new TextEncoder().encode(secret);
  // Token string → its verified claims. The signature is a pure function of the token and the
  // secret, so only the time claims need checking again; HMAC verification through WebCrypto
  // was about a tenth of the server's CPU per chat turn.
  const verified = new Map<string, VerifiedToken>();
  const remember = (token: string, claims: VerifiedToken) => {
    if (verified.size >= VERIFIED_CACHE_SIZE) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
    verified.set(token, claims);
  };
  return {
    async issue(customerId, ttlSeconds = 3600) {
      const iat = Math.floor(now().getTime() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(customerId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + Math.min(ttlSeconds, MAX_TTL_SECONDS))
        .sign(key);
    },
    async verify(token) {
      const seconds = Math.floor(now().getTime() / 1000);
      const known = verified.get(token);
      // The same time rules as jwtVerify; anything else goes through it again for its exact error.
      if (known && known.exp > seconds && (known.nbf === undefined || known.nbf <= seconds)) {
        return { customerId: known.customerId };
      }
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          requiredClaims: ['sub', 'exp'],
          currentDate: now(),
        });
        if (!payload.sub || !isUuid(payload.sub)) {
          throw new AppError(401, 'unauthenticated', 'Customer token has no valid customer id (sub)');
        }
        // requiredClaims guarantees exp.
        remember(token, { customerId: payload.sub, exp: payload.exp ?? 0, nbf: payload.nbf });
        return { customerId: payload.sub };
      } catch (err) {
        if (err instanceof AppError) throw err;
        if (err instanceof errors.JWTExpired)
          throw new AppError(401, 'unauthenticated', 'Customer token has expired');
        if (err instanceof errors.JWTClaimValidationFailed) {
          throw new AppError(401, 'unauthenticated', `Customer token rejected: ${err.message}`);
        }
        throw new AppError(401, 'unauthenticated', 'Customer token is invalid');
      }
    },
  };
}

/**
 * The configured secret, or (outside production) one generated once and kept in
 * the database so every process of this deployment verifies the same tokens.
 */
export async function resolveCustomerTokenSecret(db: Sql, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const candidate = JSON.stringify(randomToken(48));
  await sql`insert into app_settings (key, value) values ('customer_token_secret', ${candidate}::jsonb)
    on conflict (key) do nothing`.execute(db);
  const row = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', 'customer_token_secret')
    .executeTakeFirstOrThrow();
  return row.value as string;
}
