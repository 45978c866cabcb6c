/**
 * District admin: cooperatives, their overview, enrollment codes and device revocation.
 * Every route here requires an admin session.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { isUuid } from '../../src/domain/ids.ts';
import { cooperativeTotals } from '../admin/cooperative-summary.ts';
import { adminOnly } from '../auth/admin-session.ts';
import { randomCode } from '../auth/password.ts';
import { hashSecret } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { storeSource } from '../entries/ledger-cache.ts';
import { ApiError } from '../http/api-error.ts';
import { plainText } from '../http/plain-text.ts';
import type { CooperativeRecord, DeviceRecord } from '../storage/store.ts';

export const ENROLLMENT_CODE_LENGTH = 12;
export const ENROLLMENT_CODE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const cooperativeBody = z.object({
  name: plainText(100),
  village: plainText(100),
  district: plainText(100),
});

const idParams = z.object({ id: z.string() });
const deviceParams = z.object({ deviceId: z.string() });

export const cooperativeNotFound = (): ApiError => new ApiError(404, 'cooperative-not-found', 'Koperasi tidak ditemukan.');

/** Groups of four for reading aloud and typing: ABCD-EFGH-JKLM. */
function displayCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

function deviceView(device: DeviceRecord) {
  return {
    id: device.id,
    name: device.name,
    enrolledAt: device.enrolledAt,
    lastSeenAt: device.lastSeenAt,
    revokedAt: device.revokedAt,
    status: device.revokedAt === null ? 'active' : 'revoked',
  };
}

export function registerAdminCooperativeRoutes(app: FastifyInstance, context: ServerContext): void {
  const onlyAdmins = { preHandler: adminOnly(context) };

  async function summary(cooperative: CooperativeRecord) {
    const asOf = todayInJakarta(context.clock.now().getTime());
    const [stats, totals] = await Promise.all([
      context.store.cooperativeStats(cooperative.id),
      context.ledgers.exclusive(cooperative.id, async () => {
        const ledger = await context.ledgers.caughtUp(cooperative.id, storeSource(context.store, cooperative.id));
        return cooperativeTotals(ledger.state, asOf);
      }),
    ]);
    return {
      id: cooperative.id,
      name: cooperative.name,
      village: cooperative.village,
      district: cooperative.district,
      createdAt: cooperative.createdAt,
      lastSyncAt: cooperative.lastSyncAt,
      entries: cooperative.lastSeq,
      members: totals.members,
      pendingFlags: totals.flags,
      rejectedEntries: stats.rejectedEntries,
      devices: stats.activeDevices,
      devicesTotal: stats.devices,
      totals: {
        asOf: totals.asOf,
        savings: totals.savings.total,
        savingsByKind: { pokok: totals.savings.pokok, wajib: totals.savings.wajib, sukarela: totals.savings.sukarela },
        loansOutstanding: totals.loansOutstanding,
        loansCount: totals.loansCount,
        overdueOutstanding: totals.overdueOutstanding,
        nplBp: totals.nplBp,
      },
    };
  }

  async function cooperativeOr404(id: string): Promise<CooperativeRecord> {
    if (!isUuid(id)) throw cooperativeNotFound();
    const cooperative = await context.store.getCooperative(id);
    if (cooperative === null) throw cooperativeNotFound();
    return cooperative;
  }

  app.post('/admin/cooperatives', onlyAdmins, async (request, reply) => {
    const body = cooperativeBody.parse(request.body);
    const cooperative = await context.store.createCooperative({
      id: randomUUID(),
      ...body,
      createdAt: context.clock.now().toISOString(),
    });
    reply.code(201);
    return { cooperative: await summary(cooperative) };
  });

  app.get('/admin/cooperatives', onlyAdmins, async (_request, reply) => {
    const cooperatives = await context.store.listCooperatives();
    const summaries = [];
    // One at a time: each may fold a ledger, and the machine has two cores.
    for (const cooperative of cooperatives) summaries.push(await summary(cooperative));
    reply.header('cache-control', 'no-store');
    return { cooperatives: summaries, serverTime: context.clock.now().toISOString() };
  });

  app.get('/admin/cooperatives/:id', onlyAdmins, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const cooperative = await cooperativeOr404(id);
    const devices = await context.store.listDevices(cooperative.id);
    reply.header('cache-control', 'no-store');
    return { cooperative: await summary(cooperative), devices: devices.map(deviceView) };
  });

  app.post('/admin/cooperatives/:id/enrollment-codes', onlyAdmins, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const cooperative = await cooperativeOr404(id);
    const now = context.clock.now();
    const code = randomCode(ENROLLMENT_CODE_LENGTH);
    const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_LIFETIME_MS).toISOString();
    await context.store.createEnrollmentCode({ codeHash: hashSecret(code), cooperativeId: cooperative.id, createdAt: now.toISOString(), expiresAt });
    reply.code(201);
    reply.header('cache-control', 'no-store');
    return { code: displayCode(code), expiresAt, cooperativeId: cooperative.id };
  });

  app.post('/admin/devices/:deviceId/revoke', onlyAdmins, async (request) => {
    const { deviceId } = deviceParams.parse(request.params);
    const device = isUuid(deviceId) ? await context.store.revokeDevice(deviceId, context.clock.now().toISOString()) : null;
    if (device === null) throw new ApiError(404, 'device-not-found', 'Perangkat tidak ditemukan.');
    return { device: { ...deviceView(device), cooperativeId: device.cooperativeId } };
  });
}
