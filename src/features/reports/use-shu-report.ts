import { useLiveQuery } from 'dexie-react-hooks';
import { readShuInputs } from '../../db/shu-inputs.ts';
import type { LedgerState } from '../../domain/ledger/index.ts';
import { labelsFromChunks, memberBasesFromChunks } from '../../domain/reports/shu-chunks.ts';
import { shuReportFromBases, type ShuReport } from '../../domain/reports/shu.ts';
import { getDb } from '../session/index.ts';

/** The SHU of a year as the phone computes it, and what else its screens show with it. */
export type ShuOnPhone = {
  /** The ledger with the reads every report gets (account totals and months, settings, closed years). */
  readonly state: LedgerState;
  readonly report: ShuReport;
  /** "A-001 Siti Aminah", or undefined for a member id without a live join. */
  readonly labelOf: (memberId: string) => string | undefined;
};

/**
 * The SHU of `year`, live (re-run after every save or pull), from the phone's SHU read model: the
 * members' bases and labels in 32 column chunks (db/shu-inputs.ts), instead of the member rows and
 * months `shuReport` walks. Equal to `shuReport` on the whole ledger (tests/unit/shu-chunks.test.ts,
 * tests/db/shu-chunks.test.ts). `compute` runs inside the live query and must not mutate the state.
 */
export function useShuReport<T>(year: number | undefined, compute: (shu: ShuOnPhone) => T, deps: readonly unknown[]): T | undefined {
  return useLiveQuery(async () => {
    if (year === undefined) return undefined;
    const inputs = await readShuInputs(getDb());
    const report = shuReportFromBases(inputs.state, year, memberBasesFromChunks(inputs.chunks, year));
    const labels = labelsFromChunks(inputs.chunks);
    return compute({ state: inputs.state, report, labelOf: (memberId) => labels.get(memberId) });
  }, [year, ...deps]);
}
