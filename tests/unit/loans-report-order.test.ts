/**
 * The loans report lists loans alike whatever order the entries were folded in: the server folds
 * in server order, a phone in arrival order (simulation seed 3024: a loan never seen disbursed, two
 * repayments arriving in the other order, listed at another place on the phone).
 */
import { describe, expect, it } from 'vitest';
import { foldEntries } from '../../src/domain/ledger/index.ts';
import { loansReport } from '../../src/domain/reports/index.ts';
import { Book, loanId, memberId } from './support/ledger-book.ts';

describe('loans report order', () => {
  it('places a loan known only by its repayments at its earliest repayment, in any fold order', () => {
    const b = new Book();
    const M = memberId(1);
    const joined = b.make('member.joined', '2026-01-02', { memberId: M, number: '001', name: 'Siti', joinedOn: '2026-01-02' });
    const disbursed = b.make('loan.disbursed', '2026-02-10', {
      loanId: loanId(1),
      memberId: M,
      principal: 1_200_000,
      months: 12,
      rateBp: 100,
      method: 'flat',
      firstDue: '2026-03-10',
      adminFee: 0,
      fineBpPerDay: 0,
      via: 'cash',
    });
    const repay = (date: string, principal: number) =>
      b.make('loan.repaid', date, { loanId: loanId(2), memberId: M, principal, interest: 0, fine: 0, via: 'cash' });
    const late = repay('2026-05-20', 100_000);
    const early = repay('2026-01-15', 50_000);
    const serverOrder = foldEntries([joined, early, disbursed, late]);
    const arrivalOrder = foldEntries([joined, disbursed, late, early]);
    const order = (state: typeof serverOrder) => loansReport(state, '2026-06-30').loans.map((l) => l.loanId);
    expect(order(serverOrder)).toEqual([loanId(2), loanId(1)]);
    expect(order(arrivalOrder)).toEqual(order(serverOrder));
    expect(loansReport(arrivalOrder, '2026-06-30')).toEqual(loansReport(serverOrder, '2026-06-30'));
  });
});
