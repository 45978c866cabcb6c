/**
 * Daftar anggota (CONTRACT §8 `members`) as of a date: everyone who had joined by then, with their
 * status on that date, their three savings balances and what they owed on loans. Savings of a
 * member id that never joined (flagged) are listed as status `unknown` at the end, so the totals
 * still match accounts 3-101, 3-102 and 2-101.
 */
import { memberSavingsAsOf } from '../ledger/queries.ts';
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

export function membersReport(state: LedgerState, asOf: string): MembersReport {
  const owed = new Map<string, number>();
  for (const loan of state.loans.values()) {
    if (loan.memberId === null) continue;
    owed.set(loan.memberId, (owed.get(loan.memberId) ?? 0) + loanOutstandingAsOf(loan, asOf));
  }
  const known: MemberLine[] = [];
  const unknown: MemberLine[] = [];
  for (const member of state.members.values()) {
    const savings = memberSavingsAsOf(state, member.memberId, asOf);
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
