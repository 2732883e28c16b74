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

export function createCustomerTokenService(
  secret: string,
  now: () => Date = () => new Date(),
): CustomerTokenService {
  const key = new TextEncoder().encode(secret);
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
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          requiredClaims: ['sub', 'exp'],
          currentDate: now(),
        });
        if (!payload.sub || !isUuid(payload.sub)) {
          throw new AppError(401, 'unauthenticated', 'Customer token has no valid customer id (sub)');
        }
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
