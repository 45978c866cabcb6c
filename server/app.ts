/**
 * The Fastify app factory: one function that wires the district server from injectable parts
 * (store, clock, static dir, logger), so tests run the real HTTP app in-process.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ApiError } from './http/api-error.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerJsonBody } from './http/json-body.ts';
import { SECURITY_HEADERS } from './http/security-headers.ts';
import { createStaticFiles } from './http/static-files.ts';
import { systemClock, type Clock } from './clock.ts';
import { readPackageVersion } from './version.ts';

export interface AppOptions {
  /** Directory of the built app (vite build output); null serves the API only. */
  staticDir: string | null;
  clock?: Clock;
  /** pino options through Fastify, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** Trust X-Forwarded-* from a reverse proxy (for client IPs and https detection). */
  trustProxy?: boolean;
}

export const API_PREFIX = '/api/v1';

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const version = options.version ?? readPackageVersion();
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Small by default; the push and import routes raise it for themselves.
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  registerErrorHandler(app);
  registerJsonBody(app);

  app.get(`${API_PREFIX}/health`, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { ok: true, version, serverTime: clock.now().toISOString() };
  });

  const staticFiles = options.staticDir === null ? null : createStaticFiles(options.staticDir);
  app.setNotFoundHandler(async (request, reply) => {
    if (staticFiles !== null && (await staticFiles.serve(request, reply))) return reply;
    throw new ApiError(404, 'not-found', 'Alamat yang diminta tidak ditemukan.');
  });

  return app;
}
