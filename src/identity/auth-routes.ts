import { z } from 'zod';
import { writeAudit } from '../platform/audit/write-audit.js';
import type { AppDeps } from '../platform/deps.js';
import type { HttpServer } from '../platform/http/types.js';
import { logInStaff } from './log-in-staff.js';
import { actorOf, staffPrincipal } from './principal.js';
import { resolveStaffSession, revokeStaffSession, SESSION_COOKIE } from './staff-sessions.js';

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
});

export function registerAuthRoutes(app: HttpServer, deps: AppDeps) {
  const secureCookie = deps.config.env === 'production';

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Staff login; sets an httpOnly session cookie and returns the CSRF token',
        body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: userSchema, csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await logInStaff(
        { db: deps.db, config: deps.config, now: deps.clock.now() },
        {
          email: request.body.email,
          password: request.body.password,
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
        },
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie,
        path: '/',
        expires: result.expiresAt,
      });
      request.log.info({ staffUserId: result.user.id }, 'staff logged in');
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current staff session, with its CSRF token',
        response: { 200: z.object({ user: userSchema, csrfToken: z.string() }) },
      },
    },
    async (request) => {
      const p = staffPrincipal(request);
      const cookie = request.cookies[SESSION_COOKIE] ?? '';
      const session = await resolveStaffSession(deps.db, cookie, deps.clock.now());
      return {
        user: { id: p.staffUserId, email: p.email, name: p.name, roles: p.roles },
        csrfToken: session?.csrfToken ?? '',
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Ends the staff session (needs x-csrf-token)' } },
    async (request, reply) => {
      const p = staffPrincipal(request);
      await revokeStaffSession(deps.db, p.sessionId, deps.clock.now());
      await writeAudit(deps.db, actorOf(request), {
        action: 'staff_user.logged_out',
        entityType: 'staff_user',
        entityId: p.staffUserId,
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
}
