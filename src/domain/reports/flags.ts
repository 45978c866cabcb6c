/**
 * Catatan untuk diperiksa (CONTRACT §8 `flags`): entries accepted with a flag, including member
 * edits that conflicted (`member-edit-conflict`), oldest business date first. A flagged entry that
 * was reversed since is left out: the correction was made, and a reversed entry counts as if it
 * never existed.
 *
 * Of the entry index it reads only the flagged entries' rows (`flagsReads`), to see which were
 * reversed: a handful of rows, not one per entry of five years.
 */
import { justKey, type TableRead } from '../ledger/queries.ts';
import type { FlagRow } from '../ledger/rows.ts';
import type { LedgerState } from '../ledger/state.ts';
import { compareText } from './order.ts';

export type FlagLine = Omit<FlagRow, 'key'>;

export type FlagsReport = { flags: FlagLine[] };

/** The entries the flags are about (each once), in the order first met. */
export function flaggedEntryIds(flags: Iterable<FlagRow>): string[] {
  const ids = new Set<string>();
  for (const row of flags) ids.add(row.entryId);
  return [...ids];
}

/** What `flagsReport` reads beyond the base: the flags, the members (names), and the flagged entries' index rows. */
export const flagsReads = (entryIds: readonly string[]): readonly TableRead[] => [
  'flags',
  'members',
  ...entryIds.map((id) => ({ table: 'entries' as const, range: justKey(id) })),
];

export function flagsReport(state: LedgerState): FlagsReport {
  const flags: FlagLine[] = [];
  for (const row of state.flags.values()) {
    if (state.entries.get(row.entryId)?.reversedBy != null) continue;
    const { key: _key, ...line } = row;
    flags.push(line);
  }
  flags.sort((a, b) => compareText(a.date, b.date) || compareText(a.entryId, b.entryId) || compareText(a.reason, b.reason));
  return { flags };
}
