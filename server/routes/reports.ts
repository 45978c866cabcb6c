/**
 * GET /cooperatives/{id}/reports/{report} (CONTRACT §8): for an admin, or a device of that
 * cooperative. A device of another cooperative gets the same 404 as a cooperative that does not
 * exist, so nothing about other cooperatives leaks. Reports run on the cached ledger with the
 * same domain code as the phone.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../src/domain/ids.ts';
import { runReport } from '../../src/domain/reports/index.ts';
import { requireAdmin } from '../auth/admin-session.ts';
import { authenticateDevice } from '../auth/device-auth.ts';
import type { ServerContext } from '../context.ts';
import { storeSource } from '../entries/ledger-cache.ts';
import { ApiError } from '../http/api-error.ts';
import { cooperativeNotFound } from './admin-cooperatives.ts';

const params = z.object({ id: z.string(), report: z.string() });

export function registerReportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/cooperatives/:id/reports/:report', async (request, reply) => {
    const { id, report } = params.parse(request.params);
    if (request.headers['x-device-id'] !== undefined) {
      const device = await authenticateDevice(context, request);
      if (device.cooperativeId !== id) throw cooperativeNotFound();
      await context.store.touchSync(device.cooperativeId, context.clock.now().toISOString());
    } else {
      await requireAdmin(context, request);
    }
    const cooperative = isUuid(id) ? await context.store.getCooperative(id) : null;
    if (cooperative === null) throw cooperativeNotFound();

    const outcome = await context.ledgers.exclusive(cooperative.id, async () => {
      const ledger = await context.ledgers.caughtUp(cooperative.id, storeSource(context.store, cooperative.id));
      return { result: runReport(report, ledger.state, request.query), lastSeq: ledger.lastSeq };
    });
    const { result } = outcome;
    if (!result.ok) {
      throw new ApiError(result.error.status, result.error.code, result.error.message, { details: result.error.details });
    }
    reply.header('cache-control', 'no-store');
    // Which entries the report covers, so a phone can tell whether it is comparing like with like.
    reply.header('x-lumbung-server-seq', String(outcome.lastSeq));
    return result.body;
  });
}
