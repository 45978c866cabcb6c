/**
 * Local-only mode and enrollment.
 *
 * A treasurer may try Lumbung before the district office enrolls the phone. Entries recorded then
 * carry a provisional cooperative and device id made on the phone, signed with the phone's own key.
 * On enrollment the server issues the real ids; before anything is synced, `completeEnrollment`
 * re-issues every local entry under them: same entry ids, same business facts and recording times,
 * a new seq/hash chain and new signatures.
 *
 * Why this is not "editing an entry" (entries are never edited, CONTRACT §2): immutability protects
 * what others have seen. A provisional entry has never left the phone — no server, device or backup
 * (a backup of a local-only phone is refused by any cooperative: its id is unknown) holds it — and
 * every one of them is still pending. Re-issuing therefore changes no fact anyone relies on; it
 * gives the same facts their first public identity. Once a single entry is acknowledged or the
 * phone is enrolled, re-issue is refused.
 */
import { buildUnsignedEntry, signEntry } from '../domain/entry/create.ts';
import type { Entry } from '../domain/entry/schema.ts';
import type { CooperativeId, DeviceId } from '../domain/ids.ts';
import { ZERO_HASH } from '../domain/entry/schema.ts';
import { DEMO_SETTING } from '../domain/demo/demo-setting.ts';
import type { LumbungDb } from './database.ts';
import { ensureDeviceKeys } from './device-keys.ts';
import type { EntryRow } from './entry-row.ts';
import { readMeta, writeMeta, type CooperativeInfo, type Identity } from './meta.ts';
import { commitLedger, dropLedgerCache, rebuildInTransaction } from './projections.ts';
import { classifyStorageError, failure, StorageAbort, type StorageResult } from './storage-errors.ts';

/** Starts local-only mode: a provisional identity and the device key. Returns the identity in force. */
export async function startLocalMode(db: LumbungDb, now: Date = new Date()): Promise<Identity> {
  await ensureDeviceKeys(db, now);
  return db.transaction('rw', db.meta, async () => {
    const existing = await readMeta(db, 'identity');
    if (existing !== undefined) return existing;
    const identity: Identity = {
      mode: 'local',
      cooperativeId: crypto.randomUUID() as CooperativeId,
      deviceId: crypto.randomUUID() as DeviceId,
      createdAt: now.toISOString(),
    };
    await writeMeta(db, 'identity', identity);
    return identity;
  });
}

export type Enrollment = { cooperativeId: string; deviceId: string; cooperative: CooperativeInfo };
export type EnrollmentSummary = { reissued: number };

/**
 * Records the identity the server issued (`POST /devices`) and re-issues local-only entries under
 * it. The key enrolled must be the one stored on this phone (ensureDeviceKeys); the server learnt
 * its public half at enrollment. `alongside` writes more meta rows in the same transaction: what
 * must be there by the time anything sees the phone enrolled (the sync engine starts then). The
 * transaction can still abort after it (then none of its writes are stored).
 */
/**
 * Whether this phone's books are the demo cooperative. Its entries have ids fixed by the seed and
 * the date, so another phone's demo, or the server's `--demo` cooperative, already holds the same
 * ids with other hashes: pushed, each would be an `id-conflict` that leaves a hole in this device's
 * chain, and every real entry after it would wait behind that hole for ever. Demo books never join
 * a cooperative.
 */
export async function holdsDemoBooks(db: LumbungDb): Promise<boolean> {
  return (await db.projections.get(['settings', DEMO_SETTING])) !== undefined;
}

export async function completeEnrollment(
  db: LumbungDb,
  enrollment: Enrollment,
  now: Date = new Date(),
  alongside: (stored: EnrollmentSummary) => Promise<void> = () => Promise.resolve(),
): Promise<StorageResult<EnrollmentSummary>> {
  const keys = await ensureDeviceKeys(db, now);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await readMeta(db, 'identity');
      if (current?.mode === 'enrolled') return failure('already-enrolled');
      if (await holdsDemoBooks(db)) return failure('demo-books');
      const rows = await db.entries.orderBy('order').toArray();
      if (rows.some((r) => r.sync !== 'pending' || r.deviceId !== current?.deviceId)) return failure('already-synced');
      const reissued = await reissue(rows, enrollment, keys.privateKey);
      const identity: Identity = {
        mode: 'enrolled',
        cooperativeId: enrollment.cooperativeId as CooperativeId,
        deviceId: enrollment.deviceId as DeviceId,
        cooperative: enrollment.cooperative,
        enrolledAt: now.toISOString(),
      };
      try {
        const rebuilt = await db.transaction('rw', [db.entries, db.meta, db.projections], async () => {
          // Another tab may have saved while we were signing: then sign again.
          const count = await db.entries.count();
          const head = await readMeta(db, 'chainHead');
          const last = rows.at(-1);
          if (count !== rows.length || (head?.hash ?? ZERO_HASH) !== (last?.entry.hash ?? ZERO_HASH)) {
            throw new StorageAbort('chain-moved');
          }
          await db.entries.bulkPut(reissued);
          const top = reissued.at(-1);
          await writeMeta(db, 'chainHead', top === undefined ? { seq: 0, hash: ZERO_HASH } : { seq: top.seq, hash: top.entry.hash });
          await writeMeta(db, 'identity', identity);
          await alongside({ reissued: reissued.length });
          // Device ids live in the ledger's entry index: recompute rather than patch.
          return rebuildInTransaction(db);
        });
        commitLedger(db, rebuilt.state, rebuilt.mark);
        return { ok: true, value: { reissued: reissued.length } };
      } catch (error) {
        if (error instanceof StorageAbort && error.code === 'chain-moved') continue;
        throw error;
      }
    }
    return failure('chain-moved');
  } catch (error) {
    dropLedgerCache(db);
    return classifyStorageError(error);
  }
}

/** Re-signs the rows as a fresh chain under the enrolled ids, outside any transaction. */
async function reissue(rows: readonly EntryRow[], enrollment: Enrollment, privateKey: CryptoKey): Promise<EntryRow[]> {
  const out: EntryRow[] = [];
  const byId = new Map<string, Entry>();
  let prevHash = ZERO_HASH;
  for (const [i, row] of rows.entries()) {
    const old = row.entry;
    const original = old.type === 'entry.reversed' ? byId.get(old.data.entryId)?.lines : undefined;
    // Same id, business facts and recording time; only the envelope's identity and chain are new.
    const unsigned = buildUnsignedEntry({
      ...old,
      cooperativeId: enrollment.cooperativeId,
      deviceId: enrollment.deviceId,
      seq: i + 1,
      prevHash,
      ...(original === undefined ? {} : { original }),
    });
    const entry = await signEntry(unsigned, privateKey);
    byId.set(entry.id, entry);
    prevHash = entry.hash;
    out.push({ ...row, deviceId: entry.deviceId, seq: entry.seq, entry });
  }
  return out;
}
