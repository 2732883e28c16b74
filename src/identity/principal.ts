import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/audit/write-audit.js';
import type { StaffRole } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';

/** Who is calling: set on the request by the authentication hooks. */
export type Principal =
  | { kind: 'staff'; staffUserId: string; email: string; name: string; roles: StaffRole[]; sessionId: string }
  | { kind: 'customer'; customerId: string }
  | { kind: 'api_key'; apiKeyId: string; scopes: string[] };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

export function staffPrincipal(request: FastifyRequest): Extract<Principal, { kind: 'staff' }> {
  const p = request.principal;
  if (p?.kind !== 'staff') throw new AppError(401, 'unauthenticated', 'Staff login required');
  return p;
}

export function customerPrincipal(request: FastifyRequest): Extract<Principal, { kind: 'customer' }> {
  const p = request.principal;
  if (p?.kind !== 'customer')
    throw new AppError(401, 'unauthenticated', 'A valid customer token is required');
  return p;
}

/** The audit actor for whoever made this request. */
export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  const requestId = request.id;
  if (!p) return { type: 'system', id: null, requestId };
  if (p.kind === 'staff') return { type: 'staff', id: p.staffUserId, requestId };
  if (p.kind === 'customer') return { type: 'customer', id: p.customerId, requestId };
  return { type: 'api_key', id: p.apiKeyId, requestId };
}
