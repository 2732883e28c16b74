import { z } from 'zod';
import { requireRoles } from '../identity/guards.js';
import { actorOf } from '../identity/principal.js';
import { INSIGHT_DECISIONS, type InsightDecision } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import type { HttpServer } from '../platform/http/types.js';
import { getSla } from './decisions/get-sla.js';
import { recordDecision } from './decisions/record-decision.js';
import { editTheme } from './review/edit-theme.js';
import { mergeThemes } from './review/merge-themes.js';
import { rejectTheme } from './review/reject-theme.js';
import { splitTheme } from './review/split-theme.js';
import { validateTheme } from './review/validate-theme.js';
import { exportFeedbackCsv } from './theme-pages/export-feedback-csv.js';
import { getTheme } from './theme-pages/get-theme.js';
import { listThemes } from './theme-pages/list-themes.js';

const READERS = requireRoles('product', 'insights_reviewer');
const REVIEWERS = requireRoles('insights_reviewer');
const DECIDERS = requireRoles('product');
const tags = ['insights'];
const id = z.object({ id: z.string().uuid() });
const reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(2000);
const edits = {
  label: z.string().trim().min(2).max(200).optional(),
  summary: z.string().trim().max(2000).optional(),
  productArea: z.string().trim().min(1).max(60).optional(),
};
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'a date (YYYY-MM-DD) or ISO date-time')
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a valid date');

/** Themes, review, decisions, SLA and export: the API the insights dashboard is built on. */
export function insightRoutes(app: HttpServer, deps: AppDeps) {
  const now = () => deps.clock.now();

  app.get(
    '/api/v1/insights/themes',
    {
      preHandler: READERS,
      schema: {
        tags,
        summary: 'Themes with counts, today vs 7-day baseline and spike flag; sort top or rising',
        querystring: z.object({
          status: z.enum(['draft', 'validated', 'rejected']).optional(),
          area: z.string().max(60).optional(),
          sort: z.enum(['top', 'rising']).default('top'),
          days: z.coerce.number().int().min(1).max(366).default(30),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => listThemes(deps.db, { ...request.query, now: now() }),
  );

  app.get(
    '/api/v1/insights/review-queue',
    { preHandler: READERS, schema: { tags, summary: 'Draft themes waiting for review, most items first' } },
    async () => listThemes(deps.db, { status: 'draft', sort: 'top', days: 366, limit: 500, now: now() }),
  );

  app.get(
    '/api/v1/insights/themes/:id',
    {
      preHandler: READERS,
      schema: {
        tags,
        summary: 'A theme: trend (30 days), quotes, items with source links, deliveries, decisions',
        params: id,
      },
    },
    async (request) => getTheme(deps.db, request.params.id, now()),
  );

  app.post(
    '/api/v1/insights/themes/:id/validate',
    {
      preHandler: REVIEWERS,
      schema: {
        tags,
        summary: 'Validate a draft (optionally edited); routes it to the owning team',
        params: id,
        body: z.object({ reason, ...edits }),
      },
    },
    async (request) => validateTheme(deps, actorOf(request), { themeId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/v1/insights/themes/:id/edit',
    {
      preHandler: REVIEWERS,
      schema: {
        tags,
        summary: 'Edit label, summary or area',
        params: id,
        body: z.object({ reason, ...edits }),
      },
    },
    async (request) => editTheme(deps, actorOf(request), { themeId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/v1/insights/themes/:id/reject',
    {
      preHandler: REVIEWERS,
      schema: { tags, summary: 'Reject a draft', params: id, body: z.object({ reason }) },
    },
    async (request) => rejectTheme(deps, actorOf(request), { themeId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/v1/insights/themes/:id/merge',
    {
      preHandler: REVIEWERS,
      schema: {
        tags,
        summary: 'Merge this draft into another theme',
        params: id,
        body: z.object({ reason, into: z.string().uuid() }),
      },
    },
    async (request) => mergeThemes(deps, actorOf(request), { themeId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/v1/insights/themes/:id/split',
    {
      preHandler: REVIEWERS,
      schema: {
        tags,
        summary: 'Move some items into a new draft theme',
        params: id,
        body: z.object({
          reason,
          itemIds: z.array(z.string().uuid()).min(1).max(1000),
          label: z.string().trim().min(2).max(200),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await splitTheme(deps, actorOf(request), { themeId: request.params.id, ...request.body })),
  );

  app.post(
    '/api/v1/insights/themes/:id/decision',
    {
      preHandler: DECIDERS,
      schema: {
        tags,
        summary: "The owning team's decision on a validated insight",
        params: id,
        body: z.object({
          decision: z.enum(INSIGHT_DECISIONS as [InsightDecision, ...InsightDecision[]]),
          note: z.string().trim().min(3, 'a note is required').max(4000),
        }),
      },
    },
    async (request) =>
      recordDecision(deps, actorOf(request), { themeId: request.params.id, ...request.body }),
  );

  app.get(
    '/api/v1/insights/sla',
    {
      preHandler: READERS,
      schema: {
        tags,
        summary: 'Open themes with elapsed hours and ok/warning/breached; decided ones; medians',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
      },
    },
    async (request) =>
      getSla(deps.db, {
        now: now(),
        targetHours: deps.config.insights.slaTargetHours,
        warningHours: deps.config.insights.slaWarningHours,
        days: request.query.days,
      }),
  );

  app.get(
    '/api/v1/insights/export.csv',
    {
      preHandler: READERS,
      schema: {
        tags,
        summary: 'Feedback items with theme label and status, CSV',
        querystring: z.object({ from: date, to: date }),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      if (to <= from) throw new AppError(400, 'bad_request', '`to` must be after `from`');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="feedback-${from.toISOString().slice(0, 10)}.csv"`,
        )
        .send(exportFeedbackCsv(deps.db, { from, to }));
    },
  );
}
