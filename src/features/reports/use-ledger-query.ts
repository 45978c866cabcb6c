import { useLiveQuery } from 'dexie-react-hooks';
import { currentLedger } from '../../db/projections.ts';
import type { LedgerState } from '../../domain/ledger/index.ts';
import { getDb } from '../session/index.ts';

/**
 * Something computed from the phone's ledger projections, live: re-run after every save or pull
 * (the projection mark `currentLedger` reads changes with each). The compute runs inside the live
 * query because the ledger object is shared and folded in place: its identity does not change
 * when an entry is added, the computed result does. `compute` must not mutate the state.
 */
export function useLedgerQuery<T>(compute: (state: LedgerState) => T, deps: readonly unknown[]): T | undefined {
  return useLiveQuery(async () => compute(await currentLedger(getDb())), [...deps]);
}
