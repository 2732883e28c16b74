import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sql } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { verifyApiKey } from './api-keys.js';
import type { CustomerTokenService } from './customer-tokens.js';
import './principal.js';
import { resolveStaffSession, SESSION_COOKIE } from './staff-sessions.js';
import { safeEqual } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticateDeps {
  db: Sql;
  customerTokens: CustomerTokenService;
  now: () => Date;
}

/**
 * Sets `request.principal` from, in order: an API key (`x-api-key` or `Bearer tdm_…`),
 * a customer token (`Bearer <jwt>`), or the staff session cookie. A cookie-authenticated
 * request that changes state must also carry the session's CSRF token.
 */
export function createAuthenticateHook(deps: AuthenticateDeps) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply) {
    request.principal = undefined;
    // Only the API uses a principal: the web app's files, docs and health checks need no session lookup.
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const apiKeyHeader = request.headers['x-api-key'];
    const apiKey =
      typeof apiKeyHeader === 'string' ? apiKeyHeader : bearer?.startsWith('tdm_') ? bearer : undefined;

    if (apiKey) {
      const key = await verifyApiKey(deps.db, apiKey, deps.now());
      if (!key) throw new AppError(401, 'unauthenticated', 'API key is invalid or revoked');
      request.principal = { kind: 'api_key', apiKeyId: key.id, scopes: key.scopes };
      return;
    }
    if (bearer) {
      const { customerId } = await deps.customerTokens.verify(bearer);
      request.principal = { kind: 'customer', customerId };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await resolveStaffSession(deps.db, cookie, deps.now());
    if (!session) return; // An expired cookie is the same as none; routes that need staff say 401.
    request.principal = {
      kind: 'staff',
      staffUserId: session.user.id,
      email: session.user.email,
      name: session.user.name,
      roles: session.user.roles,
      sessionId: session.sessionId,
    };
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !safeEqual(presented, session.csrfToken)) {
        throw new AppError(403, 'csrf_failed', 'Missing or wrong x-csrf-token header for this session');
      }
    }
  };
}
