import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { requireRoles } from '../../identity/guards.js';
import type { Clock } from '../../platform/clock.js';
import type { Sql } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { HttpServer } from '../../platform/http/types.js';
import type { CallTokens } from './call-token.js';
import { getCall } from './get-call.js';
import { HOTLINE_STAFF_ROLES } from './hotline-deps.js';
import { listCalls } from './list-calls.js';

const idParams = z.object({ id: z.string().max(100) });

/** Staff call list, detail and audio; the caller's own transcript with the call's token. */
export function registerCallRoutes(app: HttpServer, deps: { db: Sql; clock: Clock; tokens: CallTokens }) {
  const staff = requireRoles(...HOTLINE_STAFF_ROLES);
  app.get(
    '/api/v1/hotline/calls',
    {
      preHandler: staff,
      schema: {
        tags: ['hotline'],
        summary: 'Hotline calls, newest first',
        querystring: z.object({
          status: z.enum(['active', 'ended']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => ({ calls: await listCalls(deps.db, request.query) }),
  );

  app.get(
    '/api/v1/hotline/calls/:id',
    {
      preHandler: staff,
      schema: { tags: ['hotline'], summary: 'One call with turns and feedback', params: idParams },
    },
    async (request) => {
      const { call, turns, feedbackItems } = await getCall(deps.db, request.params.id, deps.clock.now());
      return { call, turns, feedbackItems };
    },
  );

  app.get(
    '/api/v1/hotline/calls/:id/audio',
    {
      preHandler: staff,
      schema: { tags: ['hotline'], summary: 'The call recording (WAV)', params: idParams },
    },
    async (request, reply) => {
      const { row } = await getCall(deps.db, request.params.id, deps.clock.now());
      const expired = row.audio_expires_at && row.audio_expires_at <= deps.clock.now();
      if (!row.audio_path || expired) throw notFound('Call audio');
      const wav = await readFile(row.audio_path).catch(() => null);
      if (!wav) throw notFound('Call audio');
      return reply.type('audio/wav').send(wav);
    },
  );

  app.get(
    '/api/v1/hotline/calls/:id/transcript',
    {
      schema: {
        tags: ['hotline'],
        summary: "The caller's transcript, authorised by the call's stream token",
        params: idParams,
        querystring: z.object({ token: z.string().max(200).optional() }),
      },
    },
    async (request) => {
      const { id } = request.params;
      const { row, turns, feedbackItems } = await getCall(deps.db, id, deps.clock.now());
      if (!deps.tokens.verify(id, request.query.token)) {
        throw new AppError(403, 'forbidden', 'The token does not match this call');
      }
      return {
        callId: row.id,
        status: row.status,
        endReason: row.end_reason,
        turns: turns.map(({ seq, speaker, text, startedAt, interrupted, latency }) => ({
          seq,
          speaker,
          text,
          startedAt,
          interrupted,
          latency,
        })),
        summary: row.summary,
        feedbackItems,
      };
    },
  );
}
