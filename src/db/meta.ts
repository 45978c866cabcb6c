/**
 * The `meta` table: one row per key, each with its own schema. Values are validated when read, so a
 * damaged or hand-edited row shows up as a clear error instead of a wrong number later.
 *
 * Every function here uses `db.meta`, which Dexie binds to the surrounding transaction when called
 * inside one, so the same accessors serve both a lone read and the append transaction.
 */
import { z } from 'zod';
import type { CooperativeId, DeviceId } from '../domain/ids.ts';
import { UUID_PATTERN } from '../domain/ids.ts';
import { ZERO_HASH } from '../domain/entry/zero-hash.ts';
import type { LumbungDb } from './database.ts';

const uuid = z.string().regex(UUID_PATTERN);

const cooperativeInfo = z.object({ name: z.string(), village: z.string(), district: z.string() });
export type CooperativeInfo = z.output<typeof cooperativeInfo>;

/**
 * Who this phone is. `local`: trying the app before enrollment, with ids made on the phone;
 * `enrolled`: ids issued by the district server.
 */
const identitySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local'), cooperativeId: uuid, deviceId: uuid, createdAt: z.string() }),
  z.object({
    mode: z.literal('enrolled'),
    cooperativeId: uuid,
    deviceId: uuid,
    cooperative: cooperativeInfo,
    enrolledAt: z.string(),
  }),
]);
export type Identity =
  | { mode: 'local'; cooperativeId: CooperativeId; deviceId: DeviceId; createdAt: string }
  | {
      mode: 'enrolled';
      cooperativeId: CooperativeId;
      deviceId: DeviceId;
      cooperative: CooperativeInfo;
      enrolledAt: string;
    };

const chainHeadSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });
export type ChainHead = z.output<typeof chainHeadSchema>;
export const GENESIS_HEAD: ChainHead = { seq: 0, hash: ZERO_HASH };

/**
 * `order`: how many entries have been folded into the projections (the last `EntryRow.order`).
 * `generation`: bumped by every rebuild. Together they tell a cached in-memory ledger whether the
 * tables moved under it (another tab, the service worker). `format`: see PROJECTION_FORMAT.
 */
const projectionMarkSchema = z.object({
  order: z.number().int().min(0),
  generation: z.number().int().min(0),
  /** PROJECTION_FORMAT of the rows (projections.ts); absent in stores written before it existed = 1. */
  format: z.number().int().min(1).optional(),
});
export type ProjectionMark = z.output<typeof projectionMarkSchema>;
export const EMPTY_MARK: ProjectionMark = { order: 0, generation: 0 };

const lastSyncSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
  pushed: z.number().int().min(0).optional(),
  pulled: z.number().int().min(0).optional(),
});
export type LastSync = z.output<typeof lastSyncSchema>;

const metaSchemas = {
  identity: identitySchema,
  chainHead: chainHeadSchema,
  projection: projectionMarkSchema,
  /** Opaque cursor from `GET /sync/pull`, saved in the same transaction as the pulled entries. */
  pullCursor: z.string(),
  /** Last `X-Device-Counter` used; strictly increasing (CONTRACT §7). */
  requestCounter: z.number().int().min(0),
  lastSync: lastSyncSchema,
} as const;

export type MetaKey = keyof typeof metaSchemas;
type MetaValueOf = {
  identity: Identity;
  chainHead: ChainHead;
  projection: ProjectionMark;
  pullCursor: string;
  requestCounter: number;
  lastSync: LastSync;
};
export type MetaValue<K extends MetaKey> = MetaValueOf[K];
export type MetaRow = { key: string; value: unknown };

export class MetaCorrupt extends Error {
  constructor(readonly key: MetaKey, readonly issues: unknown) {
    super(`meta row "${key}" does not match its schema`);
    this.name = 'MetaCorrupt';
  }
}

export async function readMeta<K extends MetaKey>(db: LumbungDb, key: K): Promise<MetaValue<K> | undefined> {
  const row = await db.meta.get(key);
  if (row === undefined) return undefined;
  const parsed = metaSchemas[key].safeParse(row.value);
  if (!parsed.success) throw new MetaCorrupt(key, parsed.error.issues);
  return parsed.data as MetaValue<K>;
}

export async function writeMeta<K extends MetaKey>(db: LumbungDb, key: K, value: MetaValue<K>): Promise<void> {
  await db.meta.put({ key, value });
}

export const readChainHead = async (db: LumbungDb): Promise<ChainHead> =>
  (await readMeta(db, 'chainHead')) ?? GENESIS_HEAD;

export const readProjectionMark = async (db: LumbungDb): Promise<ProjectionMark> =>
  (await readMeta(db, 'projection')) ?? EMPTY_MARK;

export const readPullCursor = async (db: LumbungDb): Promise<string | undefined> => readMeta(db, 'pullCursor');

/**
 * Reserves the next request counter for a signed sync request. It is written before the request is
 * sent, so a crash after sending can never make the phone reuse a counter the server has seen.
 */
export async function nextRequestCounter(db: LumbungDb): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const next = ((await readMeta(db, 'requestCounter')) ?? 0) + 1;
    await writeMeta(db, 'requestCounter', next);
    return next;
  });
}

export async function recordLastSync(db: LumbungDb, value: LastSync): Promise<void> {
  await writeMeta(db, 'lastSync', value);
}
