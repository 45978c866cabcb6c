/**
 * What Tutup buku shows and records for a year, computed from the ledger: the SHU split by the
 * domain (`computeShu` with the allocation in force, on the bases of the phone's SHU read model —
 * the same split `shuReport` gives on the whole ledger) and the `year.closed` data made from it by
 * `yearClosedData`, so the preview and the entry cannot disagree.
 */
import type { EntryData } from '../../domain/entry/schema.ts';
import { accountTotalsInYear, accountTypeOf, allAccountCodes, naturalBalance } from '../../domain/ledger/queries.ts';
import type { LedgerState } from '../../domain/ledger/index.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';
import { yearClosedData, type ShuResult } from '../../domain/shu.ts';

export type ClosingPreview = {
  readonly year: number;
  readonly result: ShuResult;
  readonly revenue: Rupiah;
  readonly expense: Rupiah;
  readonly closing: EntryData<'year.closed'>;
  /** Business dates of the year's closings already recorded (normally none, or one). */
  readonly closedOn: readonly string[];
};

/** `result`: the year's SHU (`shuReport`, or `shuReportFromBases` on the phone's chunks). */
export function closingPreview(state: LedgerState, result: ShuResult): ClosingPreview {
  const year = result.year;
  let revenue = 0;
  let expense = 0;
  for (const code of allAccountCodes(state)) {
    const type = accountTypeOf(state, code);
    if (type === 'revenue') revenue += naturalBalance(type, accountTotalsInYear(state, code, year));
    if (type === 'expense') expense += naturalBalance(type, accountTotalsInYear(state, code, year));
  }
  return {
    year,
    result,
    revenue: rupiah(revenue),
    expense: rupiah(expense),
    closing: yearClosedData(result),
    closedOn: (state.closedYears.get(String(year))?.closings ?? []).map((c) => c.date),
  };
}
