import { z } from 'zod';
import { requireRoles } from '../../identity/guards.js';
import { actorOf } from '../../identity/principal.js';
import type { AppDeps } from '../../platform/deps.js';
import { badRequest, notFound } from '../../platform/errors.js';
import type { HttpServer } from '../../platform/http/types.js';
import { getStoredPersona, listStoredPersonas } from './get-persona.js';
import { savePersona } from './save-persona.js';

const idParams = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a persona id: lower-case letters, digits and dashes'),
});

/** Public hotline numbers, and the admin's view and edit of personas. */
export function personaRoutes(app: HttpServer, deps: AppDeps) {
  const adminOnly = { preHandler: requireRoles('admin') };

  app.get(
    '/api/v1/hotline/lines',
    {
      schema: { tags: ['hotline'], summary: 'Hotline numbers to call: persona, market and language of each' },
    },
    async () => ({
      lines: (await listStoredPersonas(deps.db)).flatMap(({ persona }) =>
        persona.numbers.map((n) => ({
          personaId: persona.id,
          personaName: persona.name,
          company: persona.company,
          number: n.number,
          market: n.market,
          language: n.language,
        })),
      ),
    }),
  );

  app.get(
    '/api/v1/hotline/personas',
    { ...adminOnly, schema: { tags: ['hotline'], summary: 'Hotline personas (without their corpus text)' } },
    async () => ({
      personas: (await listStoredPersonas(deps.db)).map(({ persona, updatedAt, updatedBy }) => ({
        id: persona.id,
        name: persona.name,
        company: persona.company,
        title: persona.title,
        languages: persona.languages,
        numbers: persona.numbers,
        passages: persona.corpus.length,
        updatedAt,
        updatedBy,
      })),
    }),
  );

  app.get(
    '/api/v1/hotline/personas/:id',
    {
      ...adminOnly,
      schema: { tags: ['hotline'], summary: 'One persona, with its corpus', params: idParams },
    },
    async (request) => {
      const stored = await getStoredPersona(deps.db, request.params.id);
      if (!stored) throw notFound('Persona');
      return { persona: stored.persona, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
    },
  );

  app.put(
    '/api/v1/hotline/personas/:id',
    {
      ...adminOnly,
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags: ['hotline'],
        summary:
          'Create or replace a persona (validated: disclosure per language, E.164 numbers, unique passage ids)',
        params: idParams,
        body: z.record(z.string(), z.unknown()).describe('The whole Persona'),
      },
    },
    async (request) => {
      if (request.body.id !== request.params.id)
        throw badRequest('The persona id in the body must match the URL');
      return { persona: await savePersona(deps, actorOf(request), request.body) };
    },
  );
}
