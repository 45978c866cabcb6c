/**
 * The sync engine's own rows in the `meta` table (keys prefixed `sync.`), each validated on read
 * like the local store's own meta rows: the last sync receipt, the server clock offset and what the
 * server told us at enrollment. Nothing auth-related lives here: the device's authority is its
 * non-extractable key (the `keys` table), never a token.
 */
import { z } from 'zod';
import type { LumbungDb } from '../db/database.ts';

const receiptSchema = z.object({
  /** Device-clock instant when the run finished. */
  finishedAt: z.string(),
  /** Server's `serverTime` of the last answer. */
  serverTime: z.string(),
  pushed: z.number().int().min(0),
  acked: z.number().int().min(0),
  rejected: z.number().int().min(0),
  flagged: z.number().int().min(0),
  pulled: z.number().int().min(0),
  /** Highest serverSeq the server gave one of this device's entries, so far. */
  lastServerSeq: z.number().int().min(0).nullable(),
  /** Hash of this device's newest entry that the server acknowledged. */
  chainHead: z.object({ seq: z.number().int().min(0), hash: z.string() }).nullable(),
});
export type SyncReceipt = z.output<typeof receiptSchema>;

const enrollmentSchema = z.object({
  serverUrl: z.string(),
  deviceName: z.string(),
  chart: z.array(z.object({ code: z.string(), name: z.string(), type: z.string() })),
  settings: z.record(z.string(), z.unknown()),
  enrolledAt: z.string(),
});
export type EnrollmentRecord = z.output<typeof enrollmentSchema>;

const schemas = {
  'sync.receipt': receiptSchema,
  /** serverTime − device time in ms, from the latest answer: shown when the phone's clock is off. */
  'sync.clockOffsetMs': z.number().int(),
  'sync.enrollment': enrollmentSchema,
  /** Set when the server answered `device-revoked`: nothing is sent any more, everything is kept. */
  'sync.revoked': z.object({ at: z.string(), message: z.string() }),
  /**
   * Set when the server holds more of this device's chain than the phone (chain-guard.ts): nothing
   * is pushed until it is cleared. `forked`: the phone holds a different entry at the server's seq.
   */
  'sync.behind': z.object({
    at: z.string(),
    serverSeq: z.number().int().min(0),
    localSeq: z.number().int().min(0),
    forked: z.boolean(),
  }),
} as const;

type Key = keyof typeof schemas;
type ValueOf<K extends Key> = z.output<(typeof schemas)[K]>;

export async function readSyncMeta<K extends Key>(db: LumbungDb, key: K): Promise<ValueOf<K> | undefined> {
  const row = await db.meta.get(key);
  if (row === undefined) return undefined;
  const parsed = schemas[key].safeParse(row.value);
  // A damaged sync row is not worth failing over: it is advisory and rewritten by the next sync.
  return parsed.success ? (parsed.data as ValueOf<K>) : undefined;
}

export async function writeSyncMeta<K extends Key>(db: LumbungDb, key: K, value: ValueOf<K>): Promise<void> {
  await db.meta.put({ key, value: schemas[key].parse(value) });
}
