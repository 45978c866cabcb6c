/**
 * One entry as the receipt and the entry detail show it: the stored row (entry, sync state, receipt
 * number) and the reversal that cancelled it, if any. Both are index look-ups: the row by id, the
 * reversal through the `refs` multi-entry index (a reversal lists the id it reverses in its refs).
 */
import type { LumbungDb } from '../../db/database.ts';
import type { EntryRow } from '../../db/entry-row.ts';
import type { EntryOf } from '../../domain/entry/schema.ts';

export type ReversalOf = { readonly row: EntryRow; readonly entry: EntryOf<'entry.reversed'> };

export type LookedUpEntry = {
  readonly row: EntryRow;
  /** The reversal of this entry, or null when it stands. */
  readonly reversedBy: ReversalOf | null;
  /** For a reversal: the entry it cancels, when it is on this phone. */
  readonly reverses: EntryRow | null;
};

export async function findReversal(db: LumbungDb, entryId: string): Promise<ReversalOf | null> {
  const refs = await db.entries.where('refs').equals(entryId).toArray();
  for (const row of refs) {
    const entry = row.entry;
    // A rejected reversal never happened as far as the books go.
    if (entry.type === 'entry.reversed' && entry.data.entryId === entryId && row.sync !== 'rejected') {
      return { row, entry };
    }
  }
  return null;
}

/** `null` when no entry has that id on this phone. */
export async function lookUpEntry(db: LumbungDb, entryId: string): Promise<LookedUpEntry | null> {
  return db.transaction('r', db.entries, async () => {
    const row = await db.entries.get(entryId);
    if (row === undefined) return null;
    const reversedBy = await findReversal(db, entryId);
    const reverses = row.entry.type === 'entry.reversed' ? ((await db.entries.get(row.entry.data.entryId)) ?? null) : null;
    return { row, reversedBy, reverses };
  });
}
