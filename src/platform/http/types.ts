import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';

/** The Fastify instance with zod schemas as its type provider. */
export type HttpServer = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Each domain exports one of these; the composition root registers them all. */
export type RouteModule = (app: HttpServer, deps: AppDeps) => void | Promise<void>;
