/**
 * The Fastify app factory: one function that wires the district server from injectable parts
 * (store, clock, static dir, logger, limits), so tests run the real HTTP app in-process.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { systemClock, type Clock } from './clock.ts';
import type { ServerContext } from './context.ts';
import { ApiError } from './http/api-error.ts';
import { rateLimited } from './http/client-limits.ts';
import { registerResponseCompression } from './http/compress-response.ts';
import { answerFrameworkError, registerErrorHandler } from './http/error-handler.ts';
import { FailureThrottle, type ThrottlePolicy } from './http/failure-throttle.ts';
import { registerJsonBody } from './http/json-body.ts';
import { SECURITY_HEADERS } from './http/security-headers.ts';
import { createStaticFiles } from './http/static-files.ts';
import { TokenBuckets } from './http/token-bucket.ts';
import { registerAdminAuthRoutes } from './routes/admin-auth.ts';
import { registerAdminCooperativeRoutes } from './routes/admin-cooperatives.ts';
import { registerDeviceRoutes } from './routes/devices.ts';
import { registerImportRoutes } from './routes/import.ts';
import { registerReportRoutes } from './routes/reports.ts';
import { registerSyncRoutes } from './routes/sync.ts';
import { registerSyncHeadRoute } from './routes/sync-head.ts';
import type { Store } from './storage/store.ts';
import { LedgerCache } from './entries/ledger-cache.ts';
import { readPackageVersion } from './version.ts';

export interface RateLimits {
  /** Requests per IP to /api: burst and sustained per second. */
  ipBurst: number;
  ipPerSecond: number;
  /** Authenticated requests per device. */
  deviceBurst: number;
  devicePerSecond: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { ipBurst: 600, ipPerSecond: 20, deviceBurst: 120, devicePerSecond: 5 };

const LOGIN_THROTTLE: ThrottlePolicy = { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 60 * 60_000, forgetAfterMs: 24 * 60 * 60_000 };
const ENROLL_THROTTLE: ThrottlePolicy = { freeFailures: 5, baseLockMs: 60_000, maxLockMs: 60 * 60_000, forgetAfterMs: 24 * 60 * 60_000 };

export interface AppOptions {
  store: Store;
  /** Directory of the built app (vite build output); null serves the API only. */
  staticDir: string | null;
  clock?: Clock;
  /** pino options through Fastify, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** Trust X-Forwarded-* from a reverse proxy (client IPs, https detection for the Secure cookie). */
  trustProxy?: boolean;
  rateLimits?: RateLimits;
  /** Close the store when the app closes (main.ts: yes; tests that share a store: no). */
  closeStoreOnClose?: boolean;
}

export const API_PREFIX = '/api/v1';

export function buildApp(options: AppOptions): FastifyInstance {
  const clock = options.clock ?? systemClock;
  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  const context: ServerContext = {
    store: options.store,
    clock,
    version: options.version ?? readPackageVersion(),
    ledgers: new LedgerCache(),
    throttles: {
      loginByIp: new FailureThrottle(clock, LOGIN_THROTTLE),
      loginByUser: new FailureThrottle(clock, LOGIN_THROTTLE),
      enrollByIp: new FailureThrottle(clock, ENROLL_THROTTLE),
    },
    rates: {
      perIp: new TokenBuckets(clock, limits.ipBurst, limits.ipPerSecond),
      perDevice: new TokenBuckets(clock, limits.deviceBurst, limits.devicePerSecond),
    },
  };

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Small by default; push and import raise it for themselves.
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    // A whole request must arrive within 5 minutes (a 2 MB push over 2G fits; a slowloris does not).
    requestTimeout: 300_000,
    forceCloseConnections: 'idle',
    frameworkErrors: (error, _request, reply) => {
      answerFrameworkError(error, reply);
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.startsWith('/api/')) {
      // Every API answer is someone's books or session: never stored by a browser or proxy
      // (ASVS 14.3.2), whichever route forgets to say so.
      reply.header('cache-control', 'no-store');
      const wait = context.rates.perIp.take(request.ip);
      if (wait > 0) throw rateLimited(wait);
    }
  });
  registerErrorHandler(app);
  registerJsonBody(app);
  registerResponseCompression(app);

  void app.register(
    (api, _opts, done) => {
      api.get('/health', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        try {
          await context.store.ping();
        } catch {
          // A load balancer should route around a process that cannot reach its database.
          throw new ApiError(503, 'store-unavailable', 'Server tidak dapat menghubungi basis data. Coba lagi sebentar lagi.');
        }
        return { ok: true, version: context.version, serverTime: clock.now().toISOString() };
      });
      registerAdminAuthRoutes(api, context);
      registerAdminCooperativeRoutes(api, context);
      registerDeviceRoutes(api, context);
      registerSyncRoutes(api, context);
      registerSyncHeadRoute(api, context);
      registerReportRoutes(api, context);
      registerImportRoutes(api, context);
      done();
    },
    { prefix: API_PREFIX },
  );

  const staticFiles = options.staticDir === null ? null : createStaticFiles(options.staticDir);
  app.setNotFoundHandler(async (request, reply) => {
    if (staticFiles !== null && (await staticFiles.serve(request, reply))) return reply;
    throw new ApiError(404, 'not-found', 'Alamat yang diminta tidak ditemukan.');
  });

  if (options.closeStoreOnClose === true) {
    app.addHook('onClose', async () => {
      await options.store.close();
    });
  }
  return app;
}
