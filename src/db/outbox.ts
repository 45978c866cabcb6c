/**
 * The outbox is the ledger itself: entries whose `sync` is `pending`, read in seq order through the
 * `[sync+seq]` index. Acknowledging changes a row's sync state; nothing here (or anywhere in src/db)
 * deletes an entry row, so an unsynced entry cannot be lost to an error path.
 */
import type { Entry } from '../domain/entry/schema.ts';
import { Dexie } from 'dexie';
import type { LumbungDb } from './database.ts';
import type { EntryRow } from './entry-row.ts';
import {
  commitLedger,
  dropLedgerCache,
  rebuildInTransaction,
  recordServerNumbers,
  takeLedgerForFold,
  type ServerNumber,
} from './projections.ts';

/** One item of `POST /sync/push`'s `results` (CONTRACT §7). */
export type PushResult =
  | { id: string; status: 'accepted' | 'duplicate'; serverSeq: number }
  | { id: string; status: 'accepted_flagged'; serverSeq: number; reason: string }
  | { id: string; status: 'rejected'; reason: string }
  | { id: string; status: 'gap' };

/** The outbox as an index range (this device's own entries not yet acknowledged, in seq order). */
export const pendingRange = (db: LumbungDb) =>
  db.entries.where('[sync+seq]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]);

/** The oldest `limit` unsynced entries of this device, in seq order, verbatim as signed. */
export async function pendingEntries(db: LumbungDb, limit: number): Promise<Entry[]> {
  const rows = await pendingRange(db).limit(limit).toArray();
  return rows.map((r) => r.entry);
}

export type OutboxApplied = { acked: number; rejected: number; gap: number; unknown: string[] };

/**
 * Applies the server's answers to a push in one transaction. `gap` leaves the entry pending (the
 * engine resends from the expected seq); an id we do not hold is reported back, not invented.
 * The serverSeq of each acknowledged entry also reaches the projections in the same transaction:
 * member profiles resolve edits in server order (src/domain/ledger/members.ts).
 */
export async function markAcked(db: LumbungDb, results: readonly PushResult[]): Promise<OutboxApplied> {
  try {
    const outcome = await db.transaction('rw', [db.entries, db.meta, db.projections], async () => {
      const applied = await applyAnswers(db, results);
      if (applied.booksChanged) {
        // A rejected entry is not part of the books (the server never folded it): recompute the
        // projections without it — or with it, when a row rejected before is now acknowledged (a
        // server restored from an older backup took the resent entry). Rare either way.
        const rebuilt = await rebuildInTransaction(db);
        return { applied: applied.tally, state: rebuilt.state, nextMark: rebuilt.mark };
      }
      const { state, mark } = await takeLedgerForFold(db);
      const nextMark = await recordServerNumbers(db, state, mark, applied.numbers);
      return { applied: applied.tally, state, nextMark };
    });
    commitLedger(db, outcome.state, outcome.nextMark);
    return outcome.applied;
  } catch (error) {
    dropLedgerCache(db);
    throw error;
  }
}

async function applyAnswers(
  db: LumbungDb,
  results: readonly PushResult[],
): Promise<{ tally: OutboxApplied; numbers: ServerNumber[]; booksChanged: boolean }> {
  const applied: OutboxApplied = { acked: 0, rejected: 0, gap: 0, unknown: [] };
  const rows = await db.entries.bulkGet(results.map((r) => r.id));
  const updated: EntryRow[] = [];
  /** An entry left the books (newly rejected) or came back into them (rejected before, acknowledged now). */
  let booksChanged = false;
  results.forEach((result, i) => {
    const row = rows[i];
    if (row === undefined) {
      applied.unknown.push(result.id);
      return;
    }
    // A `duplicate` that confirms the serverSeq we already hold is a resent batch answered again:
    // keep the first acknowledgement, whose status and flag reason a `duplicate` does not repeat.
    // Any other answer for an acked row means our earlier acknowledgement disagrees with the
    // server (e.g. a server restored from an older backup got the entry again). The server's
    // record is the truth (CONTRACT §7: `duplicate` carries the ORIGINAL serverSeq), so the old
    // serverSeq, status and reason are replaced by the answer below.
    if (row.sync === 'acked' && result.status === 'duplicate' && row.serverSeq === result.serverSeq) {
      applied.acked++;
      return;
    }
    if (row.sync === 'rejected' && result.status !== 'rejected' && result.status !== 'gap') booksChanged = true;
    switch (result.status) {
      case 'accepted':
      case 'duplicate':
        updated.push({ ...withoutReason(row), sync: 'acked', serverStatus: result.status, serverSeq: result.serverSeq });
        applied.acked++;
        return;
      case 'accepted_flagged':
        updated.push({
          ...row,
          sync: 'acked',
          serverStatus: 'accepted_flagged',
          serverSeq: result.serverSeq,
          reason: result.reason,
        });
        applied.acked++;
        return;
      case 'rejected':
        if (row.sync !== 'rejected') booksChanged = true;
        updated.push({ ...row, sync: 'rejected', reason: result.reason });
        applied.rejected++;
        return;
      case 'gap':
        applied.gap++;
        return;
    }
  });
  await db.entries.bulkPut(updated);
  const numbers: ServerNumber[] = [];
  for (const r of updated) if (r.sync === 'acked' && r.serverSeq !== undefined) numbers.push({ id: r.id, serverSeq: r.serverSeq });
  return { tally: applied, numbers, booksChanged };
}

/**
 * Marks one entry rejected (e.g. a push answered 4xx for the whole batch because of it) and takes it
 * out of the projections, in one transaction.
 */
export async function markRejected(db: LumbungDb, id: string, reason: string): Promise<boolean> {
  try {
    const outcome = await db.transaction('rw', [db.entries, db.meta, db.projections], async () => {
      const changed = await db.entries.update(id, { sync: 'rejected', reason });
      return changed === 1 ? { changed: true, rebuilt: await rebuildInTransaction(db) } : { changed: false, rebuilt: null };
    });
    if (outcome.rebuilt !== null) commitLedger(db, outcome.rebuilt.state, outcome.rebuilt.mark);
    return outcome.changed;
  } catch (error) {
    dropLedgerCache(db);
    throw error;
  }
}

function withoutReason(row: EntryRow): EntryRow {
  const { reason: _reason, ...rest } = row;
  return rest;
}

export type OutboxStats = {
  pending: number;
  rejected: number;
  /** `recordedAt` of the oldest unsynced entry, when there is one. */
  oldestPendingAt?: string;
  oldestPendingAgeMs?: number;
};

export async function outboxStats(db: LumbungDb, now: Date = new Date()): Promise<OutboxStats> {
  return db.transaction('r', db.entries, async () => {
    const pending = await pendingRange(db).count();
    const rejected = await db.entries
      .where('[sync+seq]')
      .between(['rejected', Dexie.minKey], ['rejected', Dexie.maxKey])
      .count();
    const oldest = await pendingRange(db).first();
    if (oldest === undefined) return { pending, rejected };
    const at = oldest.entry.recordedAt;
    return { pending, rejected, oldestPendingAt: at, oldestPendingAgeMs: Math.max(0, now.getTime() - Date.parse(at)) };
  });
}

/** Entries the server rejected, newest first, for the screen that shows them to the treasurer. */
export async function rejectedEntries(db: LumbungDb): Promise<EntryRow[]> {
  return db.entries
    .where('[sync+seq]')
    .between(['rejected', Dexie.minKey], ['rejected', Dexie.maxKey])
    .reverse()
    .toArray();
}
