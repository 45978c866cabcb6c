/**
 * The shapes of the server's answers (CONTRACT §7), checked before anything is believed: a reply is
 * a trust boundary like any other, and a half-understood reply must never acknowledge an entry.
 * Objects are not strict here: a newer server may add fields, which we ignore.
 */
import { z } from 'zod';

const instant = z.string().min(1);

export const PUSH_STATUSES = ['accepted', 'accepted_flagged', 'duplicate', 'rejected', 'gap'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

const serverSeq = z.number().int().positive();

/**
 * One result per entry. Each status must carry what the phone needs to act on it (an acknowledgement
 * without a serverSeq, or a rejection without a reason, is not an answer we can record).
 */
export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted'), serverSeq }),
  z.object({ id: z.string(), status: z.literal('duplicate'), serverSeq }),
  z.object({ id: z.string(), status: z.literal('accepted_flagged'), serverSeq, reason: z.string() }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: z.string() }),
  // `expectedSeq` is not in CONTRACT §7's table; our server sends it, an older one may not.
  z.object({ id: z.string(), status: z.literal('gap'), expectedSeq: z.number().int().positive().optional() }),
]);
export type PushResult = z.output<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  serverTime: instant,
  /**
   * Not in CONTRACT §7's table (an addition, docs/api.md): the cooperative's newest serverSeq after
   * the push, as a pull cursor. Older servers omit it; the phone then always pulls.
   */
  cursor: z.string().max(100).optional(),
  /**
   * An addition (docs/api.md): whether the pull cursor the push carried (`after`) still holds: the
   * server's history up to it is the one this phone pulled. False after a restore from an older backup.
   */
  afterHolds: z.boolean().optional(),
});
export type PushResponse = z.output<typeof pushResponseSchema>;

export const pullResponseSchema = z
  .object({
    // Each entry is validated by the local store's ingest (schema, hash) — here only "an object".
    entries: z.array(z.unknown()),
    /**
     * Not in CONTRACT §7's table (an addition, docs/api.md): each entry's serverSeq, parallel to
     * `entries`. Our server sends it; an older one may not, and then member profile edits fall back
     * to arrival order on this phone.
     */
    serverSeqs: z.array(serverSeq).optional(),
    cursor: z.string(),
    more: z.boolean(),
    serverTime: instant,
    /**
     * Additions (docs/api.md), both for a server restored from an older backup: `device`, on the
     * last page, is this device's chain as the server holds it (null: nothing of it); `restart` says the cursor we sent
     * no longer named the entry we pulled there, so this page starts from the beginning.
     */
    device: z
      .object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .nullable()
      .optional(),
    restart: z.boolean().optional(),
  })
  .refine((body) => body.serverSeqs === undefined || body.serverSeqs.length === body.entries.length, {
    error: 'serverSeqs must have one number per entry',
  });
export type PullResponse = z.output<typeof pullResponseSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.string().min(1),
  cooperative: z.object({ id: z.string().min(1), name: z.string(), village: z.string(), district: z.string() }),
  chart: z.array(z.object({ code: z.string(), name: z.string(), type: z.string() })),
  settings: z.record(z.string(), z.unknown()),
  serverTime: instant,
});
export type EnrollResponse = z.output<typeof enrollResponseSchema>;
