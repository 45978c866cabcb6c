/**
 * Catatan untuk diperiksa (CONTRACT §8 `flags`): entries accepted with a flag, including member
 * edits that conflicted (`member-edit-conflict`), oldest business date first. A flagged entry that
 * was reversed since is left out: the correction was made, and a reversed entry counts as if it
 * never existed.
 */
import type { FlagRow } from '../ledger/rows.ts';
import type { LedgerState } from '../ledger/state.ts';
import { compareText } from './order.ts';

export type FlagLine = Omit<FlagRow, 'key'>;

export type FlagsReport = { flags: FlagLine[] };

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
