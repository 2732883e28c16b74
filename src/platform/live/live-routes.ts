import '@fastify/websocket';
import { z } from 'zod';
import type { CustomerTokenService } from '../../identity/customer-tokens.js';
import { AppError } from '../errors.js';
import type { HttpServer } from '../http/types.js';
import type { LivePrincipal, SocketHub } from './socket-hub.js';

/**
 * `GET /api/v1/live` upgrades to a WebSocket. Staff authenticate with their session
 * cookie; customers with `?token=<customer token>` (browsers cannot set headers on a
 * WebSocket); the visitor of an anonymous conversation with `?conversation=<id>`, which
 * grants that conversation's topic only. `?topics=a,b` subscribes at once; more with
 * {"type":"subscribe"}.
 */
export function registerLiveRoutes(app: HttpServer, hub: SocketHub, customerTokens: CustomerTokenService) {
  app.get(
    '/api/v1/live',
    {
      websocket: true,
      schema: {
        tags: ['live'],
        summary: 'WebSocket for live events',
        querystring: z.object({
          token: z.string().max(4000).optional(),
          conversation: z.string().uuid().optional(),
          topics: z.string().max(8000).optional(),
        }),
      },
      preValidation: async (request) => {
        if (request.principal) return;
        const { token, conversation } = request.query as { token?: string; conversation?: string };
        if (!token && conversation) return;
        if (!token)
          throw new AppError(
            401,
            'unauthenticated',
            'Log in, or pass ?token=<customer token> or ?conversation=<anonymous conversation id>',
          );
        const { customerId } = await customerTokens.verify(token);
        request.principal = { kind: 'customer', customerId };
      },
    },
    (socket, request) => {
      const topics = (request.query.topics ?? '').split(',').filter(Boolean);
      // Without a principal the query named a conversation (checked in preValidation); the topic
      // rule decides whether it is anonymous and so may be followed by its holder.
      const principal: LivePrincipal = request.principal ?? {
        kind: 'conversation_holder',
        conversationId: request.query.conversation ?? '',
      };
      hub.attach(socket, principal, topics).catch((err) => {
        request.log.warn({ err }, 'socket attach failed');
        socket.close(1011, 'internal error');
      });
    },
  );
}
