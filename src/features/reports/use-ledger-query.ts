import { useLiveQuery } from 'dexie-react-hooks';
import { currentLedger } from '../../db/projections.ts';
import type { LedgerState, TableName } from '../../domain/ledger/index.ts';
import { getDb } from '../session/index.ts';

/**
 * Something computed from the phone's ledger projections, live: re-run after every save or pull
 * (the projection mark `currentLedger` reads changes with each). The compute runs inside the live
 * query because the ledger object is shared and folded in place: its identity does not change
 * when an entry is added, the computed result does. `compute` must not mutate the state.
 *
 * `tables`: the ledger tables `compute` reads beyond the small ones every reader gets (account
 * totals and periods, chart, settings, closed years; db/ledger-tables.ts). Only those are read into
 * memory — five years of entry index rows, cash moves or member-day rows are not read for a balance
 * sheet — and a table not named throws when read, so a missing name fails the screen's tests.
 */
export function useLedgerQuery<T>(compute: (state: LedgerState) => T, deps: readonly unknown[], tables: readonly TableName[] = []): T | undefined {
  return useLiveQuery(async () => compute(await currentLedger(getDb(), tables)), [...deps, ...tables]);
}
