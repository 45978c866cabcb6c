/**
 * Reads the screens need that must stay fast with 5 000 members and 100 000 entries: each is one
 * index range, bounded by `limit` where a list can grow, never a scan of a whole table.
 *
 * Rows read here were written by this phone from the same types (projections.ts, entry-row.ts),
 * so they are typed by cast rather than re-parsed; what comes from outside is validated on the way in.
 */
import { Dexie } from 'dexie';
import type { CashMoveRow, LoanRow, MemberRow } from '../domain/ledger/index.ts';
import type { LumbungDb } from './database.ts';
import type { EntryRow } from './entry-row.ts';
import { sortKeyOfName, type ProjectionRow } from './projection-row.ts';

const members = (rows: readonly ProjectionRow[]): MemberRow[] => rows.map((r) => r.v as MemberRow);

/**
 * Members whose name has a word starting with `text`, or whose number starts with it; name matches
 * first. Case-insensitive. An empty query lists members in name order.
 */
export async function searchMembers(db: LumbungDb, text: string, limit = 50): Promise<MemberRow[]> {
  const query = sortKeyOfName(text);
  if (query === '') return members(await db.projections.orderBy('sortName').limit(limit).toArray());
  return db.transaction('r', db.projections, async () => {
    // Index order ties on the member id; the list reads better in name order.
    const byName = (await db.projections.where('words').startsWith(query).distinct().limit(limit).toArray()).sort((a, b) =>
      (a.sortName ?? '') < (b.sortName ?? '') ? -1 : (a.sortName ?? '') > (b.sortName ?? '') ? 1 : 0,
    );
    const seen = new Set(byName.map((r) => r.k));
    const room = limit - byName.length;
    const byNumber =
      room > 0
        ? (await db.projections.where('number').startsWithIgnoreCase(text.trim()).limit(limit).toArray()).filter(
            (r) => !seen.has(r.k),
          )
        : [];
    return members([...byName, ...byNumber.slice(0, Math.max(0, room))]);
  });
}

export async function memberByNumber(db: LumbungDb, number: string): Promise<MemberRow | undefined> {
  const row = await db.projections.where('number').equals(number).first();
  return row === undefined ? undefined : (row.v as MemberRow);
}

export async function memberById(db: LumbungDb, memberId: string): Promise<MemberRow | undefined> {
  const row = await db.projections.get(['members', memberId]);
  return row === undefined ? undefined : (row.v as MemberRow);
}

export async function loansOfMember(db: LumbungDb, memberId: string): Promise<LoanRow[]> {
  const rows = await db.projections.where('[t+ref]').equals(['loans', memberId]).toArray();
  return rows.map((r) => r.v as LoanRow);
}

/** A member's book: every entry that concerns them, oldest first by business date. */
export async function entriesOfMember(db: LumbungDb, memberId: string): Promise<EntryRow[]> {
  const rows = await db.entries.where('refs').equals(memberId).toArray();
  return rows.sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));
}

/** Entries dated `from`..`to` inclusive, in date then recording order (a journal of days). */
export async function entriesBetween(db: LumbungDb, from: string, to: string, limit = 500): Promise<EntryRow[]> {
  return db.entries.where('[date+order]').between([from, Dexie.minKey], [to, Dexie.maxKey]).limit(limit).toArray();
}

/** The latest entries recorded or received on this phone, newest first. */
export async function recentEntries(db: LumbungDb, limit = 20): Promise<EntryRow[]> {
  return db.entries.orderBy('order').reverse().limit(limit).toArray();
}

/** Cash, bank and QRIS movements dated `from`..`to` inclusive (key `date|entryId`), for the cash book. */
export async function cashMovesBetween(db: LumbungDb, from: string, to: string): Promise<CashMoveRow[]> {
  const rows = await db.projections.where('[t+k]').between(['cashMoves', `${from}|`], ['cashMoves', `${to}|\uffff`]).toArray();
  return rows.map((r) => r.v as CashMoveRow);
}
