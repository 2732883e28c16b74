import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireRoles } from '../../identity/guards.js';
import { actorOf } from '../../identity/principal.js';
import { FEEDBACK_KINDS, FEEDBACK_SOURCES } from '../../platform/db/schema.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { HttpServer } from '../../platform/http/types.js';
import type { FeedbackExtractor } from './extract-feedback.js';
import { getFeedbackOverview } from './get-feedback-overview.js';
import { importFeedbackItems } from './import-feedback-items.js';
import { listFeedback } from './list-feedback.js';
import { productAreaIds } from './product-areas.js';

const READERS = ['product', 'insights_reviewer'] as const;
const MAX_ITEMS = 1000;

const instant = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(v) && !Number.isNaN(Date.parse(v)),
    {
      message: 'a date (YYYY-MM-DD) or an ISO date-time with a zone',
    },
  )
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v));

/** An API key with `insights:import`, or staff who work on insights. */
async function requireImporter(request: FastifyRequest) {
  const p = request.principal;
  if (p?.kind === 'api_key') {
    if (!p.scopes.includes('insights:import'))
      throw new AppError(403, 'forbidden', 'This API key lacks the scope insights:import');
    return;
  }
  await requireRoles(...READERS)(request, undefined as never);
}

/** Feedback items in (from other systems) and out (for the dashboard). */
export function feedbackRoutes(extractor: FeedbackExtractor) {
  return (app: HttpServer, deps: AppDeps) => {
    const areas = productAreaIds(extractor.taxonomy) as [string, ...string[]];
    const maxChars = deps.config.insights.maxTextChars;

    app.post(
      '/api/v1/insights/feedback',
      {
        preHandler: requireImporter,
        bodyLimit: Math.max(deps.config.bodyLimitBytes, 16 * 1024 * 1024),
        schema: {
          tags: ['insights'],
          summary: 'Add feedback texts (reviews, survey answers); idempotent by externalId',
          body: z
            .array(
              z.object({
                text: z.string().max(maxChars, `at most ${maxChars} characters`),
                source: z
                  .string()
                  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a short label: letters, digits, . _ -')
                  .optional(),
                language: z.string().min(2).max(10).optional(),
                occurredAt: instant.optional(),
                externalId: z.string().min(1).max(200).optional(),
              }),
            )
            .min(1)
            .max(MAX_ITEMS),
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        const result = await importFeedbackItems({ ...deps, extractor }, actorOf(request), {
          createdBy:
            p.kind === 'api_key'
              ? `api_key:${p.apiKeyId}`
              : p.kind === 'staff'
                ? `staff:${p.staffUserId}`
                : 'unknown',
          items: request.body,
        });
        return reply.status(result.imported > 0 ? 201 : 200).send(result);
      },
    );

    app.get(
      '/api/v1/insights/feedback',
      {
        preHandler: requireRoles(...READERS),
        schema: {
          tags: ['insights'],
          summary: 'Feedback items, newest first, filtered; pass nextCursor as cursor for the next page',
          querystring: z.object({
            from: instant.optional(),
            to: instant.optional(),
            area: z.enum(areas).optional(),
            kind: z.enum(FEEDBACK_KINDS as [string, ...string[]]).optional(),
            source: z.enum(FEEDBACK_SOURCES as [string, ...string[]]).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.string().max(200).optional(),
          }),
        },
      },
      async (request) => {
        const q = request.query;
        return listFeedback(deps.db, {
          ...q,
          kind: q.kind as (typeof FEEDBACK_KINDS)[number] | undefined,
          source: q.source as (typeof FEEDBACK_SOURCES)[number] | undefined,
        });
      },
    );

    app.get(
      '/api/v1/insights/overview',
      {
        preHandler: requireRoles(...READERS),
        schema: {
          tags: ['insights'],
          summary: 'Feedback volume per day and by kind, area, sentiment and source',
          querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
        },
      },
      async (request) =>
        getFeedbackOverview(deps.db, extractor.taxonomy, { days: request.query.days, now: deps.clock.now() }),
    );
  };
}
