/**
 * Daftar pinjaman (CONTRACT §8 `loans`) as of a date: every loan disbursed on or before it, paid
 * off or not, in disbursal order. A repayment of a loan never seen disbursed (flagged) is listed
 * too, with principal 0 and a negative outstanding, so the list still adds up to account 1-110.
 */
import type { LoanRow } from '../ledger/rows.ts';
import type { LedgerState } from '../ledger/state.ts';
import { loanPosition, type LoanPosition } from './loan-position.ts';
import { compareText } from './order.ts';
import { collectibilityPreset } from './settings.ts';

export type LoansReport = { loans: LoanPosition[] };

/**
 * An orphan loan's place in the list: its earliest repayment, not its first in fold order — a phone
 * folds in arrival order and the server in server order, and both must list the loans alike.
 */
function earliestRepayment(loan: LoanRow): string | undefined {
  let earliest: string | undefined;
  for (const r of loan.repayments) if (earliest === undefined || r.date < earliest) earliest = r.date;
  return earliest;
}

export function loansReport(state: LedgerState, asOf: string): LoansReport {
  const preset = collectibilityPreset(state);
  const rows: { since: string; position: LoanPosition }[] = [];
  for (const loan of state.loans.values()) {
    const position = loanPosition(loan, asOf, preset);
    if (position === undefined) continue;
    rows.push({ since: loan.disbursedOn ?? earliestRepayment(loan) ?? asOf, position });
  }
  rows.sort((a, b) => compareText(a.since, b.since) || compareText(a.position.loanId, b.position.loanId));
  return { loans: rows.map((r) => r.position) };
}
