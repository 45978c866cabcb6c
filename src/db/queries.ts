/**
 * Reads the screens need that must stay fast with 5 000 members and 100 000 entries: each is one
 * index range, bounded by `limit` where a list can grow, never a scan of a whole table.
 *
 * Rows read here were written by this phone from the same types (projections.ts, entry-row.ts),
 * so they are typed by cast rather than re-parsed; what comes from outside is validated on the way in.
 */
import { Dexie } from 'dexie';
import type { CashMoveRow, FlagRow, LoanRow, MemberRow } from '../domain/ledger/index.ts';
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
    const byNumber = room > 0 ? (await membersByNumberPrefix(db, text.trim(), limit)).filter((r) => !seen.has(r.k)) : [];
    return members([...byName, ...byNumber.slice(0, Math.max(0, room))]);
  });
}

/**
 * Numbers starting with `typed` as typed, upper-cased or lower-cased: each a plain prefix range on
 * the `number` index (one `getAll` each), in index order. Dexie's `startsWithIgnoreCase` walks a
 * cursor that jumps between every case variant of every character, ~190 ms a keystroke at CPU ×4
 * on 5 000 members; member numbers are letters in one case and digits, which these three ranges cover.
 */
async function membersByNumberPrefix(db: LumbungDb, typed: string, limit: number): Promise<ProjectionRow[]> {
  if (typed === '') return [];
  const variants = [...new Set([typed, typed.toLocaleUpperCase('id'), typed.toLocaleLowerCase('id')])];
  const found = await Promise.all(variants.map((v) => db.projections.where('number').startsWith(v).limit(limit).toArray()));
  return found.flat().sort((a, b) => compareKeys(a.number ?? '', b.number ?? '') || compareKeys(a.k, b.k));
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every member row, for a screen that searches them in memory (the member list: one read when it
 * opens, then each keystroke is a lookup with no IndexedDB round trip). One range of the primary key.
 */
export async function allMembers(db: LumbungDb): Promise<MemberRow[]> {
  return members(await db.projections.where('[t+k]').between(['members', Dexie.minKey], ['members', Dexie.maxKey]).toArray());
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

/** Every flag row (entries accepted with a flag): few, whatever the history's length. */
export async function flagRows(db: LumbungDb): Promise<FlagRow[]> {
  const rows = await db.projections.where('[t+k]').between(['flags', Dexie.minKey], ['flags', Dexie.maxKey]).toArray();
  return rows.map((r) => r.v as FlagRow);
}

/** Cash, bank and QRIS movements dated `from`..`to` inclusive (key `date|entryId`), for the cash book. */
export async function cashMovesBetween(db: LumbungDb, from: string, to: string): Promise<CashMoveRow[]> {
  const rows = await db.projections.where('[t+k]').between(['cashMoves', `${from}|`], ['cashMoves', `${to}|\uffff`]).toArray();
  return rows.map((r) => r.v as CashMoveRow);
}
