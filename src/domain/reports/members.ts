/**
 * Daftar anggota (CONTRACT §8 `members`) as of a date: everyone who had joined by then, with their
 * status on that date, their three savings balances and what they owed on loans. Savings of a
 * member id that never joined (flagged) are listed as status `unknown` at the end, so the totals
 * still match accounts 3-101, 3-102 and 2-101.
 *
 * Savings are taken backwards from today's balances (the member rows) minus what moved after the
 * date: the member month rows after its month, and its month's later days. So the phone reads the
 * member months from the date's month on (`membersReads`): as of today, one month of rows, not
 * five years of them.
 */
import { keysStartingWith, rowsInRange, type KeyRange, type TableRead } from '../ledger/queries.ts';
import type { MemberStatus, SavingsBalances } from '../ledger/rows.ts';
import type { LedgerState } from '../ledger/state.ts';
import { rupiah, type Rupiah } from '../money.ts';
import { loanOutstandingAsOf } from './loan-position.ts';
import { compareNatural, compareText } from './order.ts';

export type MemberLine = {
  memberId: string;
  number: string;
  name: string;
  status: MemberStatus;
  savings: SavingsBalances;
  loanOutstanding: Rupiah;
};

export type MembersReport = { members: MemberLine[] };

/** Member month rows (`m|YYYY-MM|memberId`) of `month` (`2026-11`) and every later month. */
const memberMonthsFrom = (month: string): KeyRange => ({ from: `m|${month}|`, below: keysStartingWith('m|').below });

/** What `membersReport(state, asOf)` reads beyond account totals, month rows and settings. */
export const membersReads = (asOf: string): readonly TableRead[] => [
  'members',
  'loans',
  { table: 'memberPeriods', range: memberMonthsFrom(asOf.slice(0, 7)) },
];

type SavingsMoves = { pokok: number; wajib: number; sukarela: number };

/** Per member, the savings moved after `asOf`: the month rows after its month and its month's later days. */
function savingsMovedAfter(state: LedgerState, asOf: string): Map<string, SavingsMoves> {
  const month = asOf.slice(0, 7);
  const through = asOf.slice(8, 10);
  const after = new Map<string, SavingsMoves>();
  // Nothing is dated after the last posted date: today's balances are the answer. (The server folds
  // whole tables, where a walk of the range would visit every member month to find none.)
  const { lastDate } = state.index;
  if (lastDate === null || asOf >= lastDate) return after;
  const add = (memberId: string, moves: SavingsMoves): void => {
    const sum = after.get(memberId);
    if (sum === undefined) after.set(memberId, { pokok: moves.pokok, wajib: moves.wajib, sukarela: moves.sukarela });
    else {
      sum.pokok += moves.pokok;
      sum.wajib += moves.wajib;
      sum.sukarela += moves.sukarela;
    }
  };
  for (const row of rowsInRange(state.memberPeriods, memberMonthsFrom(month))) {
    if (row.period > month) add(row.memberId, row);
    else for (const [day, moves] of Object.entries(row.days)) if (day > through) add(row.memberId, moves);
  }
  return after;
}

function savingsAsOf(current: SavingsBalances, after: SavingsMoves | undefined): SavingsBalances {
  if (after === undefined) return { ...current }; // a copy: the fold updates the member row in place
  return { pokok: rupiah(current.pokok - after.pokok), wajib: rupiah(current.wajib - after.wajib), sukarela: rupiah(current.sukarela - after.sukarela) };
}

export function membersReport(state: LedgerState, asOf: string): MembersReport {
  const owed = new Map<string, number>();
  for (const loan of state.loans.values()) {
    if (loan.memberId === null) continue;
    owed.set(loan.memberId, (owed.get(loan.memberId) ?? 0) + loanOutstandingAsOf(loan, asOf));
  }
  const known: MemberLine[] = [];
  const unknown: MemberLine[] = [];
  const movedAfter = savingsMovedAfter(state, asOf);
  for (const member of state.members.values()) {
    const savings = savingsAsOf(member.savings, movedAfter.get(member.memberId));
    const loanOutstanding = rupiah(owed.get(member.memberId) ?? 0);
    const holds = savings.pokok !== 0 || savings.wajib !== 0 || savings.sukarela !== 0 || loanOutstanding !== 0;
    if (member.profile !== null && member.joinedOn !== null) {
      // Someone who joins later is not listed yet, unless back-dated money already stands in their name.
      if (member.joinedOn > asOf && !holds) continue;
      const status: MemberStatus = member.leftOn !== null && member.leftOn <= asOf ? 'left' : 'active';
      known.push({ memberId: member.memberId, number: member.profile.number, name: member.profile.name, status, savings, loanOutstanding });
    } else if (holds) {
      unknown.push({ memberId: member.memberId, number: '', name: '', status: 'unknown', savings, loanOutstanding });
    }
  }
  known.sort((a, b) => compareNatural(a.number, b.number) || compareText(a.memberId, b.memberId));
  unknown.sort((a, b) => compareText(a.memberId, b.memberId));
  return { members: [...known, ...unknown] };
}
