import { z } from 'zod';
import { STAFF_ROLES } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/deps.js';
import type { HttpServer } from '../platform/http/types.js';
import { API_SCOPES, createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import { requireRoles } from './guards.js';
import { actorOf } from './principal.js';
import { createStaffUser, listStaffUsers, updateStaffUser } from './staff-users.js';

const roleSchema = z
  .enum(STAFF_ROLES as [string, ...string[]])
  .transform((r) => r as (typeof STAFF_ROLES)[number]);
const idParams = z.object({ id: z.string().uuid() });

export function registerAdminRoutes(app: HttpServer, deps: AppDeps) {
  const adminOnly = { preHandler: requireRoles('admin') };

  app.get(
    '/api/v1/admin/staff',
    { ...adminOnly, schema: { tags: ['admin'], summary: 'List staff users' } },
    async () => ({
      staff: await listStaffUsers(deps.db),
    }),
  );

  app.post(
    '/api/v1/admin/staff',
    {
      ...adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Create a staff user',
        body: z.object({
          email: z.string().trim().email().max(320),
          name: z.string().trim().min(1).max(200),
          password: z.string().min(10).max(200),
          roles: z.array(roleSchema).min(1),
        }),
      },
    },
    async (request, reply) => {
      const staff = await createStaffUser(deps.db, actorOf(request), request.body, deps.events);
      return reply.status(201).send({ staff });
    },
  );

  app.patch(
    '/api/v1/admin/staff/:id',
    {
      ...adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Change a staff user: name, roles, status, password, or clear a lockout',
        params: idParams,
        body: z
          .object({
            name: z.string().trim().min(1).max(200).optional(),
            roles: z.array(roleSchema).min(1).optional(),
            status: z.enum(['active', 'disabled']).optional(),
            password: z.string().min(10).max(200).optional(),
            unlock: z.literal(true).optional().describe('Clear a login lockout'),
          })
          .refine((b) => Object.keys(b).length > 0, 'Nothing to change'),
      },
    },
    async (request) => ({
      staff: await updateStaffUser(
        deps.db,
        actorOf(request),
        request.params.id,
        request.body,
        deps.clock.now(),
        deps.events,
      ),
    }),
  );

  app.get(
    '/api/v1/admin/api-keys',
    { ...adminOnly, schema: { tags: ['admin'], summary: 'List API keys' } },
    async () => ({
      apiKeys: await listApiKeys(deps.db),
    }),
  );

  app.post(
    '/api/v1/admin/api-keys',
    {
      ...adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Create an API key; the secret is shown only in this response',
        body: z.object({
          name: z.string().trim().min(1).max(120),
          scopes: z.array(z.enum(API_SCOPES)).min(1),
        }),
      },
    },
    async (request, reply) => {
      const created = await createApiKey(deps.db, actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/admin/api-keys/:id',
    { ...adminOnly, schema: { tags: ['admin'], summary: 'Revoke an API key', params: idParams } },
    async (request) => ({
      apiKey: await revokeApiKey(deps.db, actorOf(request), request.params.id, deps.clock.now()),
    }),
  );

  app.get(
    '/api/v1/admin/audit',
    {
      ...adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Audit log, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          entityType: z.string().max(60).optional(),
          entityId: z.string().max(100).optional(),
          before: z.coerce.number().int().positive().optional(),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      let query = deps.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit);
      if (q.entityType) query = query.where('entity_type', '=', q.entityType);
      if (q.entityId) query = query.where('entity_id', '=', q.entityId);
      if (q.before) query = query.where('id', '<', q.before);
      const rows = await query.execute();
      return {
        entries: rows.map((r) => ({
          id: r.id,
          actorType: r.actor_type,
          actorId: r.actor_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
          reason: r.reason,
          requestId: r.request_id,
          occurredAt: r.occurred_at,
        })),
      };
    },
  );
}
