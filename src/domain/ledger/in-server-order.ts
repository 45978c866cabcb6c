/**
 * The server's order, as far as a phone knows it. Profile edits and settings are decided by the
 * LAST change, and "last" must mean the same on every phone and on the server: the server's order
 * (serverSeq), never the order in which a phone happened to fold the entries (its own first, at
 * save time; the others' when pulled). Changes the server has numbered come first, by number; then
 * this phone's changes it has not numbered yet, in fold order — they are newer than anything the
 * server has told the phone about, and the treasurer sees what she just saved. Once every change is
 * numbered, every ledger agrees.
 */

/** A contribution with its place in the server's order, or null while only this phone holds it. */
export type ServerPlaced = { readonly serverSeq: number | null };

export function inServerOrder<T extends ServerPlaced>(items: readonly T[]): readonly T[] {
  let ordered = true;
  let last = 0;
  for (const item of items) {
    if (item.serverSeq === null) {
      last = Number.POSITIVE_INFINITY;
    } else if (item.serverSeq > last) {
      last = item.serverSeq;
    } else {
      ordered = false;
      break;
    }
  }
  if (ordered) return items;
  const numbered: { item: T; serverSeq: number }[] = [];
  const pending: T[] = [];
  for (const item of items) {
    if (item.serverSeq === null) pending.push(item);
    else numbered.push({ item, serverSeq: item.serverSeq });
  }
  numbered.sort((a, b) => a.serverSeq - b.serverSeq);
  return [...numbered.map((n) => n.item), ...pending];
}
