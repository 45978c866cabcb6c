/**
 * Storing entries pulled from the server (`GET /sync/pull`): other devices' entries and, after a
 * lost answer or a restore, our own. One transaction holds the new entries, their projection rows
 * and the new pull cursor, so a crash either keeps all of it or none of it and the next pull simply
 * asks again from the old cursor (DESIGN Principle 5).
 *
 * Idempotent: an id already stored is not stored again. If it is one of our own still marked
 * pending, the server evidently has it, so it becomes acked. A stored id with a different hash is
 * kept as it is (ours is the signed original) and reported as a conflict.
 *
 * `serverSeqs` (an addition to CONTRACT §7's pull answer, docs/api.md) gives each pulled entry's
 * serverSeq: new entries are folded with it and entries we already hold learn it, so member
 * profiles resolve edits in the server's order here too. Numbers are recorded before the new
 * entries are folded: the page is in server order, and what we held was folded earlier.
 *
 * Pulled entries cross a trust boundary: each is parsed with the entry schema and its hash checked
 * (outside the transaction: hashing is async WebCrypto) before anything is written.
 */
import { entryHash } from '../domain/hashing.ts';
import { entrySchema, type Entry } from '../domain/entry/schema.ts';
import type { Flag } from '../domain/ledger/index.ts';
import type { LumbungDb } from './database.ts';
import { entryRow, refsOf, type EntryRow } from './entry-row.ts';
import { readChainHead, readMeta, writeMeta } from './meta.ts';
import {
  bumpMark,
  commitLedger,
  dropLedgerCache,
  foldAndWrite,
  recordServerNumbers,
  takeLedgerForFold,
  type ServerNumber,
} from './projections.ts';
import { classifyStorageError, failure, type StorageResult } from './storage-errors.ts';

export type IngestSummary = {
  added: number;
  /** Already stored with the same hash. */
  skipped: number;
  /** Our own pending entries the pull proved the server has. */
  acked: number;
  /** Ids stored here with a different hash than the server's copy. */
  conflicts: string[];
  flags: Flag[];
};

/** `serverSeqs`, when the server sends it, is parallel to `entries`. */
export type PulledBatch = { entries: readonly unknown[]; cursor: string; serverSeqs?: readonly number[] | undefined };

export async function validatePulled(raw: readonly unknown[]): Promise<StorageResult<Entry[]>> {
  const entries: Entry[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) return failure('entry-invalid', { index, issues: parsed.error.issues });
    if ((await entryHash(parsed.data)) !== parsed.data.hash) return failure('entry-invalid', { index, reason: 'hash-mismatch' });
    entries.push(parsed.data);
  }
  return { ok: true, value: entries };
}

export async function ingestPulled(db: LumbungDb, batch: PulledBatch): Promise<StorageResult<IngestSummary>> {
  const valid = await validatePulled(batch.entries);
  if (!valid.ok) return valid;
  const serverSeqs = batch.serverSeqs;
  if (serverSeqs !== undefined && !isServerOrder(serverSeqs, valid.value.length)) {
    return failure('entry-invalid', { reason: 'server-seqs-invalid' });
  }
  try {
    const outcome = await db.transaction('rw', [db.entries, db.meta, db.projections], async () => {
      const identity = await readMeta(db, 'identity');
      const summary: IngestSummary = { added: 0, skipped: 0, acked: 0, conflicts: [], flags: [] };
      const taken = await takeLedgerForFold(db);
      const state = taken.state;
      const fresh: Entry[] = [];
      const freshSeqs: (number | undefined)[] = [];
      const numbers: ServerNumber[] = [];
      let ownTop = 0;
      for (const [index, entry] of valid.value.entries()) {
        const serverSeq = serverSeqs?.[index];
        const stored = await db.entries.get(entry.id);
        if (stored !== undefined) {
          const number = await reconcile(db, stored, entry, serverSeq, summary);
          if (number !== undefined) numbers.push(number);
          continue;
        }
        const reversed = entry.type === 'entry.reversed' ? (await db.entries.get(entry.data.entryId))?.entry : undefined;
        const row = entryRow(entry, { order: taken.mark.order + fresh.length + 1, sync: 'acked', refs: refsOf(entry, reversed) });
        await db.entries.add(serverSeq === undefined ? row : { ...row, serverSeq });
        fresh.push(entry);
        freshSeqs.push(serverSeq);
        if (identity !== undefined && entry.deviceId === identity.deviceId) ownTop = Math.max(ownTop, entry.seq);
      }
      // Our own entries we did not hold (a reinstall): never sign a seq the server already has.
      const head = await readChainHead(db);
      if (ownTop > head.seq) {
        const top = valid.value.find((e) => e.seq === ownTop && e.deviceId === identity?.deviceId);
        if (top !== undefined) await writeMeta(db, 'chainHead', { seq: top.seq, hash: top.hash });
      }
      const mark = await recordServerNumbers(db, state, taken.mark, numbers);
      const folded = await foldAndWrite(db, state, fresh, freshSeqs);
      for (const f of folded) summary.flags.push(...f.flags);
      summary.added = fresh.length;
      const nextMark = await bumpMark(db, mark, fresh.length);
      await writeMeta(db, 'pullCursor', batch.cursor);
      return { summary, state, nextMark };
    });
    commitLedger(db, outcome.state, outcome.nextMark);
    return { ok: true, value: outcome.summary };
  } catch (error) {
    dropLedgerCache(db);
    return classifyStorageError(error);
  }
}

/** Settles an entry we already hold; returns the server number its projections must learn, if new. */
async function reconcile(
  db: LumbungDb,
  stored: EntryRow,
  pulled: Entry,
  serverSeq: number | undefined,
  summary: IngestSummary,
): Promise<ServerNumber | undefined> {
  if (stored.entry.hash !== pulled.hash) {
    summary.conflicts.push(pulled.id);
    return undefined;
  }
  // What the server refused stays refused here (shown to the treasurer); never renumbered.
  if (stored.sync === 'rejected') {
    summary.skipped++;
    return undefined;
  }
  const numbered = serverSeq !== undefined && stored.serverSeq !== serverSeq;
  if (stored.sync === 'pending' || stored.sync === 'restored') {
    await db.entries.update(stored.id, numbered ? { sync: 'acked', serverSeq } : { sync: 'acked' });
    summary.acked++;
  } else {
    // The pull is the server's word on where the entry stands, even over an earlier push answer.
    if (numbered) await db.entries.update(stored.id, { serverSeq });
    summary.skipped++;
  }
  return numbered ? { id: stored.id, serverSeq } : undefined;
}

/** Positive, strictly increasing, one per entry: the only shape a page in server order can have. */
function isServerOrder(serverSeqs: readonly number[], count: number): boolean {
  if (serverSeqs.length !== count) return false;
  let last = 0;
  for (const n of serverSeqs) {
    if (!Number.isSafeInteger(n) || n <= last) return false;
    last = n;
  }
  return true;
}
