import type { HttpServer } from './types.js';

/** The API the embeddable chat widget calls from a shop's own pages. */
const WIDGET_API = /^\/api\/v1\/conversations(\/|\?|$)/;

/**
 * CORS for the conversation API only, so the widget works on any page that embeds it
 * (`allowed` origins, or `*`). The widget authenticates with a bearer customer token and
 * never with cookies, so credentials are not allowed: a foreign page cannot ride a staff
 * session. Every other route stays same-origin.
 */
export function allowWidgetOrigins(app: HttpServer, allowed: readonly string[]): void {
  const any = allowed.includes('*');
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !WIDGET_API.test(request.url)) return;
    if (!any && !allowed.includes(origin)) return;
    reply.header('access-control-allow-origin', any ? '*' : origin);
    if (!any) reply.header('vary', 'Origin');
    if (request.method !== 'OPTIONS') return;
    reply
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'authorization, content-type, idempotency-key, x-request-id')
      .header('access-control-max-age', '600')
      .code(204)
      .send();
  });
}
