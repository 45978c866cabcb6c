/**
 * GET /sync/head — an addition to CONTRACT §7 (docs/api.md): this device's chain head as the server
 * holds it (its last stored entry, accepted or rejected). A phone whose books came back older than
 * they were (an old copy of the browser profile restored) asks once before it pushes, so it can say
 * so instead of pushing entries that reuse seq numbers the server already holds (issue 6).
 */
import type { FastifyInstance } from 'fastify';
import { ZERO_HASH } from '../../src/domain/entry/zero-hash.ts';
import { authenticateDevice } from '../auth/device-auth.ts';
import type { ServerContext } from '../context.ts';

export function registerSyncHeadRoute(app: FastifyInstance, context: ServerContext): void {
  app.get('/sync/head', async (request, reply) => {
    const device = await authenticateDevice(context, request);
    // Read under the cooperative's lock, like a push: a push of this device committing at the same
    // moment is either wholly in the answer or wholly after it.
    const head = await context.store.withCooperativeLock(device.cooperativeId, (tx) => tx.deviceHead(device.id));
    reply.header('cache-control', 'no-store');
    return { seq: head?.seq ?? 0, hash: head?.hash ?? ZERO_HASH, serverTime: context.clock.now().toISOString() };
  });
}
