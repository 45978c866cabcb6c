/**
 * Backup files: every signed entry on the phone, verbatim, so a treasurer can carry the books to
 * the district office on a flash drive or restore them onto a new phone.
 *
 * Restoring is all-or-nothing. The file is checked completely before a single row is written —
 * format, cooperative, every entry's schema, hash and signature, each device's hash chain, and
 * agreement with what the phone already holds — and a refused file leaves the database untouched.
 * Entries already present are skipped, so restoring the same file twice changes nothing.
 */
import { z } from 'zod';
import { entrySchema, ZERO_HASH, type Entry } from '../domain/entry/schema.ts';
import { entryHash, entrySigningBytes } from '../domain/hashing.ts';
import { verifyBytes } from '../domain/signing.ts';
import type { LumbungDb } from './database.ts';
import { entryRow, refsOf, type SyncState } from './entry-row.ts';
import { readChainHead, readMeta, writeMeta } from './meta.ts';
import { bumpMark, commitLedger, dropLedgerCache, foldAndWrite, takeLedgerForFold } from './projections.ts';
import { classifyStorageError, failure, type StorageErrorCode, type StorageResult } from './storage-errors.ts';

export const BACKUP_FORMAT = 'lumbung-backup';
export const BACKUP_VERSION = 1;

export type BackupFile = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  cooperativeId: string;
  deviceId: string;
  entries: Entry[];
};

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  cooperativeId: z.string(),
  deviceId: z.string(),
  entries: z.array(z.unknown()),
});

/** Every entry in the order this phone folded them (each device's entries thus in seq order). */
export async function exportBackup(db: LumbungDb, now: Date = new Date()): Promise<StorageResult<BackupFile>> {
  try {
    return await db.transaction('r', db.entries, db.meta, async (): Promise<StorageResult<BackupFile>> => {
      const identity = await readMeta(db, 'identity');
      if (identity === undefined) return failure('not-initialised');
      const rows = await db.entries.orderBy('order').toArray();
      const file: BackupFile = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now.toISOString(),
        cooperativeId: identity.cooperativeId,
        deviceId: identity.deviceId,
        entries: rows.map((r) => r.entry),
      };
      return { ok: true, value: file };
    });
  } catch (error) {
    return classifyStorageError(error);
  }
}

export const RESTORE_REFUSALS = [
  'not-a-backup',
  'foreign-cooperative',
  'entry-invalid',
  'hash-mismatch',
  'signature-invalid',
  'signature-unverifiable',
  'chain-broken',
  'id-conflict',
  'chain-conflict',
] as const;
export type RestoreRefusal = (typeof RESTORE_REFUSALS)[number];

export type RestoreSummary = {
  added: number;
  skipped: number;
  /** Added entries of this phone's own device id: they go to the outbox. */
  pending: number;
  /** Added entries of other device ids: kept and folded, pushed only by the office's import. */
  restored: number;
};

export type RestoreResult =
  | { ok: true; value: RestoreSummary }
  | { ok: false; error: RestoreRefusal | StorageErrorCode; details?: unknown };

/** The public key of a device, when known (own key, or keys the sync layer learnt). */
export type VerifyKeyFor = (deviceId: string) => CryptoKey | undefined | Promise<CryptoKey | undefined>;

const refuse = (error: RestoreRefusal | StorageErrorCode, details?: unknown): RestoreResult =>
  details === undefined ? { ok: false, error } : { ok: false, error, details };

export async function restoreBackup(db: LumbungDb, file: unknown, verifyKeyFor: VerifyKeyFor): Promise<RestoreResult> {
  const envelope = envelopeSchema.safeParse(file);
  if (!envelope.success) return refuse('not-a-backup', envelope.error.issues);
  const identity = await readMeta(db, 'identity');
  if (identity === undefined) return refuse('not-initialised');
  if (envelope.data.cooperativeId !== identity.cooperativeId) {
    return refuse('foreign-cooperative', { file: envelope.data.cooperativeId, phone: identity.cooperativeId });
  }
  const checked = await checkEntries(envelope.data.entries, identity.cooperativeId, verifyKeyFor);
  if (!checked.ok) return checked;
  const entries = checked.entries;
  const chainProblem = checkChains(entries, envelope.data.deviceId);
  if (chainProblem !== undefined) return chainProblem;

  try {
    const outcome = await db.transaction('rw', [db.entries, db.meta, db.projections], async () => {
      const summary: RestoreSummary = { added: 0, skipped: 0, pending: 0, restored: 0 };
      const fresh: Entry[] = [];
      // Compare with what the phone holds first; throwing here aborts before any write.
      for (const entry of entries) {
        const stored = await db.entries.get(entry.id);
        if (stored !== undefined) {
          if (stored.entry.hash !== entry.hash) throw new RestoreRefused('id-conflict', { id: entry.id });
          summary.skipped++;
          continue;
        }
        const sameSeat = await db.entries.where('[deviceId+seq]').equals([entry.deviceId, entry.seq]).first();
        if (sameSeat !== undefined) throw new RestoreRefused('chain-conflict', { id: entry.id, stored: sameSeat.id });
        const previous = await db.entries.where('[deviceId+seq]').equals([entry.deviceId, entry.seq - 1]).first();
        if (previous !== undefined && previous.entry.hash !== entry.prevHash) {
          throw new RestoreRefused('chain-broken', { id: entry.id });
        }
        fresh.push(entry);
      }
      const { state, mark } = await takeLedgerForFold(db);
      let ownTop: Entry | undefined;
      for (const [i, entry] of fresh.entries()) {
        const own = entry.deviceId === identity.deviceId;
        const sync: SyncState = own ? 'pending' : 'restored';
        if (own) {
          summary.pending++;
          if (ownTop === undefined || entry.seq > ownTop.seq) ownTop = entry;
        } else summary.restored++;
        const reversed = entry.type === 'entry.reversed' ? (await db.entries.get(entry.data.entryId))?.entry : undefined;
        await db.entries.add(entryRow(entry, { order: mark.order + i + 1, sync, refs: refsOf(entry, reversed) }));
      }
      const head = await readChainHead(db);
      if (ownTop !== undefined && ownTop.seq > head.seq) await writeMeta(db, 'chainHead', { seq: ownTop.seq, hash: ownTop.hash });
      await foldAndWrite(db, state, fresh);
      const nextMark = await bumpMark(db, mark, fresh.length);
      summary.added = fresh.length;
      return { summary, state, nextMark };
    });
    commitLedger(db, outcome.state, outcome.nextMark);
    return { ok: true, value: outcome.summary };
  } catch (error) {
    dropLedgerCache(db);
    if (error instanceof RestoreRefused) return refuse(error.reason, error.details);
    return classifyStorageError(error);
  }
}

class RestoreRefused extends Error {
  constructor(
    readonly reason: RestoreRefusal,
    readonly details: unknown,
  ) {
    super(reason);
    this.name = 'RestoreRefused';
  }
}

async function checkEntries(
  raw: readonly unknown[],
  cooperativeId: string,
  verifyKeyFor: VerifyKeyFor,
): Promise<{ ok: true; entries: Entry[] } | { ok: false; error: RestoreRefusal; details: unknown }> {
  const entries: Entry[] = [];
  const keys = new Map<string, CryptoKey | undefined>();
  for (const [index, item] of raw.entries()) {
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) return { ok: false, error: 'entry-invalid', details: { index, issues: parsed.error.issues } };
    const entry = parsed.data;
    if (entry.cooperativeId !== cooperativeId) return { ok: false, error: 'foreign-cooperative', details: { index } };
    if ((await entryHash(entry)) !== entry.hash) return { ok: false, error: 'hash-mismatch', details: { index, id: entry.id } };
    if (!keys.has(entry.deviceId)) keys.set(entry.deviceId, await verifyKeyFor(entry.deviceId));
    const key = keys.get(entry.deviceId);
    if (key === undefined) return { ok: false, error: 'signature-unverifiable', details: { index, deviceId: entry.deviceId } };
    if (!(await verifyBytes(key, entry.sig, entrySigningBytes(entry)))) {
      return { ok: false, error: 'signature-invalid', details: { index, id: entry.id } };
    }
    entries.push(entry);
  }
  return { ok: true, entries };
}

/**
 * Within the file: no seq twice per device, each entry linking to its predecessor when the file has
 * it, seq 1 linking to the zero hash, and the exporting device's own entries complete from seq 1 (a
 * phone holds all of its own entries; other devices' may have holes where the server rejected one).
 */
function checkChains(entries: readonly Entry[], exportingDevice: string): RestoreResult | undefined {
  const byDevice = new Map<string, Map<number, Entry>>();
  for (const e of entries) {
    const seats = byDevice.get(e.deviceId) ?? new Map<number, Entry>();
    byDevice.set(e.deviceId, seats);
    const taken = seats.get(e.seq);
    if (taken !== undefined && taken.id !== e.id) return refuse('chain-broken', { id: e.id, seq: e.seq, reason: 'seq-twice' });
    seats.set(e.seq, e);
  }
  for (const [deviceId, seats] of byDevice) {
    for (const e of seats.values()) {
      if (e.seq === 1 && e.prevHash !== ZERO_HASH) return refuse('chain-broken', { id: e.id });
      const previous = seats.get(e.seq - 1);
      if (previous !== undefined && previous.hash !== e.prevHash) return refuse('chain-broken', { id: e.id });
    }
    if (deviceId === exportingDevice) {
      for (let s = 1; s <= seats.size; s++) {
        if (!seats.has(s)) return refuse('chain-broken', { deviceId, missingSeq: s });
      }
    }
  }
  return undefined;
}
