/**
 * Projection rows: the ledger's row-shaped state (src/domain/ledger) kept in one IndexedDB table,
 * keyed by `[t+k]` (state table name, row key). A generic table keeps the schema independent of how
 * many kinds of rows the ledger has; the few columns the screens search on are lifted beside the row:
 *
 * - `words`: the lower-cased words of a member's name and the whole name (multi-entry; prefix search), for "search by name";
 * - `sortName`: a member's lower-cased name, for the member list in name order;
 * - `number`: a member's number, for "search by number" and the list in number order;
 * - `ref`: the member a loan belongs to, for a member's loans (`[t+ref]`).
 */
export type ProjectionRow = {
  t: string;
  k: string;
  v: unknown;
  words?: string[];
  sortName?: string;
  number?: string;
  ref?: string;
};

/** Lower-cased words of a name: "Siti Aminah" is found by "sit", "ami" and "siti a". */
export function searchWords(name: string): string[] {
  const lower = sortKeyOfName(name);
  const words = new Set(lower.split(' ').filter((w) => w.length > 0));
  words.add(lower);
  return [...words];
}

export function sortKeyOfName(name: string): string {
  return name.toLocaleLowerCase('id').trim().replace(/\s+/g, ' ');
}
