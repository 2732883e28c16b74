import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Allows staff holding at least one of `roles` (admin always passes). */
export function requireRoles(...roles: StaffRole[]): PreHandler {
  return async (request) => {
    const p = request.principal;
    if (p?.kind !== 'staff') throw new AppError(401, 'unauthenticated', 'Staff login required');
    if (p.roles.includes('admin') || p.roles.some((r) => roles.includes(r))) return;
    throw new AppError(403, 'forbidden', `This requires one of the roles: ${roles.join(', ')}`);
  };
}

/** Allows a customer identified by a valid signed customer token. */
export const requireCustomer: PreHandler = async (request) => {
  if (request.principal?.kind !== 'customer') {
    throw new AppError(401, 'unauthenticated', 'A valid customer token is required');
  }
};

/** Allows a server-to-server API key that carries `scope`. */
export function requireApiScope(scope: string): PreHandler {
  return async (request) => {
    const p = request.principal;
    if (p?.kind !== 'api_key') throw new AppError(401, 'unauthenticated', 'An API key is required');
    if (!p.scopes.includes(scope))
      throw new AppError(403, 'forbidden', `This API key lacks the scope ${scope}`);
  };
}
