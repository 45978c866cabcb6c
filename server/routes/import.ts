/**
 * POST /admin/cooperatives/{id}/import: a backup file exported from a phone, for when a phone
 * cannot sync (broken screen, no signal for months) but its backup reached the office.
 *
 * The file's entries are pushed "as if by their device": grouped by deviceId, in seq order, each
 * group through the same push path with that device's enrolled key, so every hash, signature and
 * chain link is checked exactly as on a sync. Importing the same file twice changes nothing
 * (every entry is a `duplicate` the second time).
 *
 * Refused as a whole, with nothing stored: a file of another cooperative (`wrong-cooperative`),
 * including one whose entries name another cooperative. Entries of a device that is not enrolled
 * in this cooperative are answered `rejected` / `device-unknown` and not stored. Entries of a
 * revoked device are imported: they were signed while the device was trusted, and the backup is
 * brought in by an admin.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../src/domain/ids.ts';
import { adminOnly } from '../auth/admin-session.ts';
import { publicKeyOf } from '../auth/device-auth.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import type { DeviceRecord } from '../storage/store.ts';
import { MAX_PUSH_ENTRIES, pushEntries, type PushResult, type PushStatus } from '../entries/push.ts';
import { rawField as field, rawId as idOf, rawSeq as seqOf } from '../entries/raw-fields.ts';
import { cooperativeNotFound } from './admin-cooperatives.ts';

export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 250_000;

const backupFile = z.object({
  format: z.literal('lumbung-backup'),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  cooperativeId: z.string(),
  deviceId: z.string(),
  entries: z.array(z.unknown()).max(MAX_IMPORT_ENTRIES),
});

type ImportResult = PushResult & { deviceId: string | null; seq: number | null };

export function registerImportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post(
    '/admin/cooperatives/:id/import',
    { bodyLimit: IMPORT_BODY_LIMIT, config: { inflatedLimit: IMPORT_BODY_LIMIT }, preHandler: adminOnly(context) },
    async (request, reply) => {
      const { id } = z.object({ id: z.string() }).parse(request.params);
      const cooperative = isUuid(id) ? await context.store.getCooperative(id) : null;
      if (cooperative === null) throw cooperativeNotFound();
      const parsed = backupFile.safeParse(request.body);
      if (!parsed.success) {
        throw new ApiError(400, 'invalid-backup', 'Berkas cadangan tidak dikenali (harus format lumbung-backup versi 1).', {
          details: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
        });
      }
      const file = parsed.data;
      const foreign = file.entries.some((raw) => {
        const coop = field(raw, 'cooperativeId');
        return typeof coop === 'string' && coop !== cooperative.id;
      });
      if (file.cooperativeId !== cooperative.id || foreign) {
        throw new ApiError(400, 'wrong-cooperative', 'Berkas cadangan ini milik koperasi lain; tidak ada yang disimpan.', {
          details: { fileCooperativeId: file.cooperativeId, cooperativeId: cooperative.id },
        });
      }

      // Group by device, keep each device's entries in seq order; remember the file order for the answer.
      const groups = new Map<string, { raw: unknown; index: number }[]>();
      const results: (ImportResult | null)[] = file.entries.map(() => null);
      file.entries.forEach((raw, index) => {
        const deviceId = field(raw, 'deviceId');
        if (typeof deviceId !== 'string') {
          results[index] = { id: idOf(raw), deviceId: null, seq: seqOf(raw), status: 'rejected', reason: 'schema-invalid' };
          return;
        }
        const group = groups.get(deviceId) ?? [];
        group.push({ raw, index });
        groups.set(deviceId, group);
      });

      const receivedAt = context.clock.now().toISOString();
      for (const [deviceId, group] of groups) {
        group.sort((a, b) => (seqOf(a.raw) ?? 0) - (seqOf(b.raw) ?? 0));
        const device: DeviceRecord | null = isUuid(deviceId) ? await context.store.getDevice(deviceId) : null;
        if (device?.cooperativeId !== cooperative.id) {
          for (const { raw, index } of group) {
            results[index] = { id: idOf(raw), deviceId, seq: seqOf(raw), status: 'rejected', reason: 'device-unknown' };
          }
          continue;
        }
        const key = await publicKeyOf(device);
        for (let start = 0; start < group.length; start += MAX_PUSH_ENTRIES) {
          const chunk = group.slice(start, start + MAX_PUSH_ENTRIES);
          const pushed = await pushEntries(context, { device, key, entries: chunk.map((c) => c.raw), receivedAt });
          pushed.forEach((result, k) => {
            const item = chunk[k];
            if (item !== undefined) results[item.index] = { ...result, deviceId, seq: seqOf(item.raw) };
          });
          if (pushed.length < chunk.length || pushed.at(-1)?.status === 'gap') break;
        }
      }

      const counts: Record<PushStatus | 'notProcessed', number> = {
        accepted: 0,
        accepted_flagged: 0,
        duplicate: 0,
        rejected: 0,
        gap: 0,
        notProcessed: 0,
      };
      const answer = results.map((result, index) => {
        if (result === null) {
          // After a gap in its device's chain: the missing entries must come first.
          counts.notProcessed += 1;
          const raw = file.entries[index];
          const deviceId = field(raw, 'deviceId');
          return { id: idOf(raw), deviceId: typeof deviceId === 'string' ? deviceId : null, seq: seqOf(raw), status: 'not-processed' as const };
        }
        counts[result.status] += 1;
        return result;
      });
      reply.header('cache-control', 'no-store');
      return { cooperativeId: cooperative.id, total: file.entries.length, counts, results: answer, serverTime: context.clock.now().toISOString() };
    },
  );
}
