/** Account names for reports: the chart's name, or the bare code for a code the chart lacks. */
import type { LedgerState } from '../ledger/state.ts';

export function accountName(state: LedgerState, code: string): string {
  return state.chart.get(code)?.name ?? code;
}
