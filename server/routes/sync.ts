/** POST /sync/push and GET /sync/pull: the device's half of sync (CONTRACT §7). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { encodeCursor, parseCursor } from '../../src/domain/ledger/index.ts';
import { authenticateDevice, publicKeyOf } from '../auth/device-auth.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { pullPosition } from '../entries/pull-position.ts';
import { MAX_PUSH_ENTRIES, pushDeviceBatch } from '../entries/push.ts';
import { faultPoint } from '../fault-point.ts';

export const PUSH_BODY_LIMIT = 2 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;

/** Far longer than any cursor we write; a longer one is answered `invalid-cursor`, never read. */
const MAX_CURSOR_LENGTH = 100;

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
  // An addition to CONTRACT §7 (docs/api.md): the phone's pull cursor. The answer says whether it
  // still holds (`afterHolds`), before the phone moves it over its own new entries without pulling
  // them back (src/sync/pull-skip.ts). Never a reason to refuse the push: whatever comes is read,
  // and what is not a cursor does not hold.
  after: z.unknown().optional(),
});

const pullQuery = z.object({
  after: z.string().optional(),
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
      const { entries, head, after } = parsed.data;
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
      const lastSeq = cooperative?.lastSeq ?? 0;
      const newest = lastSeq === 0 ? null : await context.store.chainMarkAt(device.cooperativeId, lastSeq);
      const stored = { results, serverTime: context.clock.now().toISOString(), cursor: encodeCursor(lastSeq, newest?.chainMark ?? null) };
      reply.header('cache-control', 'no-store');
      if (after === undefined) return stored;
      // An unreadable cursor does not hold either: the phone then pulls from the beginning, which
      // mends it, and the entries just stored are not refused for it.
      const cursor = typeof after !== 'string' || after.length > MAX_CURSOR_LENGTH ? null : parseCursor(after);
      const afterHolds = cursor !== null && (await pullPosition(context.store, device.cooperativeId, cursor)).holds;
      return { ...stored, afterHolds };
    },
  );

  app.get('/sync/pull', async (request, reply) => {
    const device = await authenticateDevice(context, request);
    const query = pullQuery.safeParse(request.query);
    if (!query.success) throw new ApiError(400, 'invalid-request', 'Parameter penarikan tidak sah.');
    const afterText = query.data.after ?? '0';
    const cursor = afterText.length > MAX_CURSOR_LENGTH ? null : parseCursor(afterText);
    if (cursor === null) throw new ApiError(400, 'invalid-cursor', 'Penanda posisi (cursor) tidak sah. Tarik ulang dari awal.');
    const limitText = query.data.limit ?? String(DEFAULT_PULL_LIMIT);
    const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
      throw new ApiError(400, 'invalid-limit', `Batas jumlah harus 1–${String(MAX_PULL_LIMIT)}.`);
    }
    // A cursor whose history is no longer this server's (a server restored from an older backup,
    // entries/pull-position.ts) starts again from the beginning, and the answer says so.
    const position = await pullPosition(context.store, device.cooperativeId, cursor);
    const from = position.holds ? position : { serverSeq: 0, chainMark: null };
    const rows = await context.store.acceptedAfter(device.cooperativeId, from.serverSeq, limit + 1);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1) ?? from;
    // On the last page, the device's own chain as stored here, after everything it pushed: a phone
    // holding acknowledged entries beyond it knows the server lost them and sends them again
    // (src/sync/pull.ts). Only there: ~100 bytes a hash cannot compress, on each of a year's pages.
    const deviceHead = more ? '' : `,"device":${JSON.stringify(await context.store.deviceHead(device.cooperativeId, device.id))}`;
    const now = context.clock.now().toISOString();
    await context.store.touchSync(device.cooperativeId, now);
    // The stored JSON goes out as stored: no parse and re-serialise of thousands of entries.
    // `serverSeqs` (an addition to CONTRACT §7, docs/api.md) is parallel to `entries`: entries stay
    // verbatim, and phones resolve member profile edits in server order with it.
    const entries = page.map((row) => row.body).join(',');
    const serverSeqs = page.map((row) => String(row.serverSeq)).join(',');
    const restart = position.holds ? '' : ',"restart":true';
    const text = `{"entries":[${entries}],"serverSeqs":[${serverSeqs}],"cursor":${JSON.stringify(encodeCursor(last.serverSeq, last.chainMark))},"more":${String(more)}${deviceHead}${restart},"serverTime":${JSON.stringify(now)}}`;
    return sendJsonText(reply, text);
  });
}
