/**
 * The latest entries, newest first, a page at a time. Paging is by key (`order` below the last one
 * shown), so page 500 of 100 000 entries costs the same as page 1: one index range of PAGE rows.
 */
import type { LumbungDb } from '../../db/database.ts';
import type { EntryRow } from '../../db/entry-row.ts';

export const ENTRY_PAGE = 20;

export type EntryPage = {
  readonly rows: readonly EntryRow[];
  /** Ids among `rows` that a reversal cancelled. */
  readonly reversed: ReadonlySet<string>;
  /** The cursor of the next (older) page, or null when this is the oldest. */
  readonly olderCursor: number | null;
};

/** `before`: show entries with `order` below it; null for the newest page. */
export async function entriesPage(db: LumbungDb, before: number | null, size = ENTRY_PAGE): Promise<EntryPage> {
  return db.transaction('r', db.entries, async () => {
    const range = before === null ? db.entries.orderBy('order') : db.entries.where('order').below(before);
    const fetched = await range.reverse().limit(size + 1).toArray();
    const rows = fetched.slice(0, size);
    const ids = rows.map((r) => r.id);
    const reversals = ids.length === 0 ? [] : await db.entries.where('refs').anyOf(ids).toArray();
    const shown = new Set<string>(ids);
    const reversed = new Set<string>();
    for (const r of reversals) {
      if (r.entry.type === 'entry.reversed' && r.sync !== 'rejected' && shown.has(r.entry.data.entryId)) reversed.add(r.entry.data.entryId);
    }
    const last = rows[rows.length - 1];
    return { rows, reversed, olderCursor: fetched.length > size && last !== undefined ? last.order : null };
  });
}
