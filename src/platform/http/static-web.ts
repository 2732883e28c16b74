import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { errorBody } from './error-handler.js';
import type { HttpServer } from './types.js';

// Works from both src/platform/http and dist/platform/http.
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * Serves the built web app and answers any other GET that is not an API call with
 * index.html, so client-side routes (/demo, /admin/...) survive a reload.
 */
export async function registerStaticWeb(app: HttpServer, dir = WEB_DIST_DIR) {
  const built = existsSync(`${dir}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/metrics' || path.startsWith('/docs');
    if (request.method === 'GET' && !isApi) {
      if (!built) {
        return reply
          .status(503)
          .type('text/plain')
          .send('The web app is not built. Run `npm run build` (npm install does it for you).');
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', `No route for ${request.method} ${path}`));
  });
}
