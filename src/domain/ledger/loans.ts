/**
 * Loan projections: disbursal, schedule, repayments and totals per loan, and each repayment's
 * interest on its member's period rows (the patronage basis of SHU).
 */
import type { EntryData } from '../entry/schema.ts';
import { buildSchedule } from '../loans/schedule.ts';
import { rupiah } from '../money.ts';
import { bumpMemberPeriods } from './members.ts';
import type { Sign } from './posting.ts';
import type { LoanDisbursal, LoanRepaymentRow, LoanRow } from './rows.ts';
import type { LedgerState } from './state.ts';
import type { Tracker } from './tracker.ts';

const ZERO = rupiah(0);

function blankLoan(loanId: string): LoanRow {
  return {
    loanId,
    disbursals: [],
    memberId: null,
    disbursedOn: null,
    principal: ZERO,
    schedule: [],
    repayments: [],
    paidPrincipal: ZERO,
    paidInterest: ZERO,
    paidFine: ZERO,
    outstanding: ZERO,
  };
}

/** Re-derives the fields that follow from the live disbursal; the schedule only when it changed. */
function derive(before: LoanRow, row: LoanRow): LoanRow {
  const disbursal = row.disbursals[0];
  const sameDisbursal = disbursal?.entryId === before.disbursals[0]?.entryId;
  const schedule =
    disbursal === undefined
      ? []
      : sameDisbursal && before.schedule.length > 0
        ? before.schedule
        : buildSchedule({
            principal: disbursal.principal,
            months: disbursal.months,
            rateBp: disbursal.rateBp,
            method: disbursal.method,
            firstDue: disbursal.firstDue,
          });
  const principal = disbursal?.principal ?? ZERO;
  return {
    ...row,
    memberId: disbursal?.memberId ?? row.repayments[0]?.memberId ?? null,
    disbursedOn: disbursal?.date ?? null,
    principal,
    schedule,
    outstanding: rupiah(principal - row.paidPrincipal),
  };
}

function updateLoan(state: LedgerState, loanId: string, t: Tracker, change: (row: LoanRow) => LoanRow): void {
  const before = state.loans.get(loanId) ?? blankLoan(loanId);
  const after = derive(before, change(before));
  if (after.disbursals.length === 0 && after.repayments.length === 0) state.loans.delete(loanId);
  else state.loans.set(loanId, after);
  t.touch('loans', loanId);
}

export function applyDisbursal(
  state: LedgerState,
  entryId: string,
  date: string,
  data: EntryData<'loan.disbursed'>,
  sign: Sign,
  t: Tracker,
): void {
  updateLoan(state, data.loanId, t, (row) => {
    if (sign < 0) return { ...row, disbursals: row.disbursals.filter((d) => d.entryId !== entryId) };
    const disbursal: LoanDisbursal = { ...data, entryId, date };
    return { ...row, disbursals: [...row.disbursals, disbursal] };
  });
}

export function applyRepayment(
  state: LedgerState,
  entryId: string,
  date: string,
  data: EntryData<'loan.repaid'>,
  sign: Sign,
  t: Tracker,
): void {
  let row = state.loans.get(data.loanId);
  if (row === undefined) {
    row = blankLoan(data.loanId);
    state.loans.set(data.loanId, row);
  }
  if (sign > 0) {
    row.repayments.push(repaymentRow(entryId, date, data));
  } else {
    const k = row.repayments.findIndex((r) => r.entryId === entryId);
    if (k >= 0) row.repayments.splice(k, 1);
  }
  row.paidPrincipal = rupiah(row.paidPrincipal + sign * data.principal);
  row.paidInterest = rupiah(row.paidInterest + sign * data.interest);
  row.paidFine = rupiah(row.paidFine + sign * data.fine);
  row.outstanding = rupiah(row.principal - row.paidPrincipal);
  if (row.disbursals.length === 0) {
    row.memberId = row.repayments[0]?.memberId ?? null;
    if (row.repayments.length === 0) state.loans.delete(data.loanId);
  }
  t.touch('loans', data.loanId);
  if (data.interest > 0) bumpMemberPeriods(state, data.memberId, date, 'interest', sign * data.interest, t);
}

function repaymentRow(entryId: string, date: string, data: EntryData<'loan.repaid'>): LoanRepaymentRow {
  return {
    entryId,
    date,
    memberId: data.memberId,
    principal: data.principal,
    interest: data.interest,
    fine: data.fine,
  };
}
