import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { errorBody } from './error-handler.js';
import type { HttpServer } from './types.js';

export interface Readiness {
  shuttingDown: boolean;
}

export function registerHealthRoutes(app: HttpServer, deps: AppDeps, readiness: Readiness) {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness: the process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Readiness: the database answers and the process is not draining',
      },
    },
    async (_request, reply) => {
      if (readiness.shuttingDown) {
        return reply.status(503).send(errorBody('service_unavailable', 'Shutting down'));
      }
      try {
        const row = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(
          deps.db,
        );
        return { status: 'ready', database: deps.database.kind, migrations: row.rows[0]?.n ?? 0 };
      } catch (err) {
        deps.logger.warn({ err }, 'readiness check failed');
        return reply.status(503).send(errorBody('service_unavailable', 'Database unavailable'));
      }
    },
  );
}
