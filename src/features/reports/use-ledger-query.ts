import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerRead } from '../../db/ledger-tables.ts';
import { currentLedger } from '../../db/projections.ts';
import type { LedgerState } from '../../domain/ledger/index.ts';
import { getDb } from '../session/index.ts';

/**
 * Something computed from the phone's ledger projections, live: re-run after every save or pull
 * (the projection mark `currentLedger` reads changes with each). The compute runs inside the live
 * query because the ledger object is shared and folded in place: its identity does not change
 * when an entry is added, the computed result does. `compute` must not mutate the state.
 *
 * `reads`: the ledger tables `compute` reads, or key ranges of them, beyond the small reads every
 * reader gets (account totals and month rows, chart, settings, closed years; db/ledger-tables.ts).
 * Only those are read into memory — five years of entry index rows, cash moves or account day rows
 * are not read for a balance sheet as of today — and a table or key not named throws when read,
 * so a missing name fails the screen's tests.
 */
export function useLedgerQuery<T>(compute: (state: LedgerState) => T, deps: readonly unknown[], reads: readonly LedgerRead[] = []): T | undefined {
  // One key for all the reads: their number may change (the flags screen names one range per flagged
  // entry), and React wants a dependency list of one length.
  return useLiveQuery(async () => compute(await currentLedger(getDb(), reads)), [...deps, reads.map(readKey).join(' ')]);
}

const readKey = (read: LedgerRead): string => (typeof read === 'string' ? read : `${read.table}:${read.range.from}..${read.range.below}`);
