/** POST /sync/push and GET /sync/pull: the device's half of sync (CONTRACT §7). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../src/domain/ledger/index.ts';
import { authenticateDevice, publicKeyOf } from '../auth/device-auth.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { MAX_PUSH_ENTRIES, pushDeviceBatch } from '../entries/push.ts';
import { faultPoint } from '../fault-point.ts';

export const PUSH_BODY_LIMIT = 2 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;

const pushBody = z.object({
  entries: z.array(z.unknown()),
  // An addition to CONTRACT §7 (docs/api.md): the phone's view of its own chain just before the
  // first entry. With it a phone restored from an old copy is refused before anything is stored.
  head: z
    .object({
      seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});

const pullQuery = z.object({
  after: z.string().max(100).optional(),
  limit: z.string().max(10).optional(),
});

function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  reply.header('cache-control', 'no-store');
  return reply.type('application/json; charset=utf-8').send(text);
}

export function registerSyncRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post(
    '/sync/push',
    { bodyLimit: PUSH_BODY_LIMIT, config: { inflatedLimit: PUSH_BODY_LIMIT } },
    async (request, reply) => {
      const device = await authenticateDevice(context, request);
      const parsed = pushBody.safeParse(request.body);
      if (!parsed.success) {
        throw new ApiError(400, 'invalid-request', 'Isi permintaan harus berbentuk {"entries": [...], "head"?: {"seq", "hash"}}.');
      }
      const { entries, head } = parsed.data;
      if (entries.length > MAX_PUSH_ENTRIES) {
        throw new ApiError(400, 'too-many-entries', `Paling banyak ${String(MAX_PUSH_ENTRIES)} catatan per kiriman.`, {
          details: { max: MAX_PUSH_ENTRIES, received: entries.length },
        });
      }
      const receivedAt = context.clock.now().toISOString();
      const answer = await pushDeviceBatch(context, { device, key: await publicKeyOf(device), entries, receivedAt, head });
      if (answer.kind === 'chain-behind') {
        throw new ApiError(
          409,
          'device-chain-behind',
          'Server sudah menyimpan catatan lain dari HP ini pada urutan yang sama: buku di HP ini lebih lama dari salinan server. Tidak ada yang disimpan.',
          { details: { seq: answer.serverHead.seq, hash: answer.serverHead.hash } },
        );
      }
      const { results } = answer;
      faultPoint('push-after-commit'); // test-only crash point (server/fault-point.ts)
      // An addition to CONTRACT §7 (docs/api.md): the cooperative's newest serverSeq after this
      // commit, as a pull cursor. A phone whose cursor is already there (its own entries were the
      // newest) skips the pull and its round trip — on 2G and Slow 4G, most of a small sync.
      const cooperative = await context.store.getCooperative(device.cooperativeId);
      reply.header('cache-control', 'no-store');
      return { results, serverTime: context.clock.now().toISOString(), cursor: encodeCursor(cooperative?.lastSeq ?? 0) };
    },
  );

  app.get('/sync/pull', async (request, reply) => {
    const device = await authenticateDevice(context, request);
    const query = pullQuery.safeParse(request.query);
    if (!query.success) throw new ApiError(400, 'invalid-request', 'Parameter penarikan tidak sah.');
    const afterText = query.data.after ?? '0';
    const after = decodeCursor(afterText);
    if (after === null || after < 0) throw new ApiError(400, 'invalid-cursor', 'Penanda posisi (cursor) tidak sah. Tarik ulang dari awal.');
    const limitText = query.data.limit ?? String(DEFAULT_PULL_LIMIT);
    const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
      throw new ApiError(400, 'invalid-limit', `Batas jumlah harus 1–${String(MAX_PULL_LIMIT)}.`);
    }
    const rows = await context.store.acceptedAfter(device.cooperativeId, after, limit + 1);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1)?.serverSeq ?? after;
    const now = context.clock.now().toISOString();
    await context.store.touchSync(device.cooperativeId, now);
    // The stored JSON goes out as stored: no parse and re-serialise of thousands of entries.
    // `serverSeqs` (an addition to CONTRACT §7, docs/api.md) is parallel to `entries`: entries stay
    // verbatim, and phones resolve member profile edits in server order with it.
    const entries = page.map((row) => row.body).join(',');
    const serverSeqs = page.map((row) => String(row.serverSeq)).join(',');
    const text = `{"entries":[${entries}],"serverSeqs":[${serverSeqs}],"cursor":${JSON.stringify(encodeCursor(last))},"more":${String(more)},"serverTime":${JSON.stringify(now)}}`;
    return sendJsonText(reply, text);
  });
}
