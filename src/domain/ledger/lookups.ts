/**
 * The two questions the structural check (entry/validate.ts `StructuralContext`) asks of the
 * ledger: does an account exist, and what is known of an entry a reversal names.
 */
import type { EntryType, JournalLine } from '../entry/schema.ts';
import type { LedgerState } from './state.ts';

export function ledgerAccountExists(state: LedgerState, code: string): boolean {
  return state.chart.has(code);
}

export function ledgerFindEntry(
  state: LedgerState,
  entryId: string,
): { type: EntryType; lines: readonly JournalLine[]; reversedBy: string | undefined } | undefined {
  const row = state.entries.get(entryId);
  if (row === undefined) return undefined;
  return { type: row.type, lines: row.lines, reversedBy: row.reversedBy ?? undefined };
}
