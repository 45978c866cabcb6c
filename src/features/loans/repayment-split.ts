/**
 * The suggested split of money received for a loan: the ledger's own allocation (fine, then each
 * installment's interest, then its principal, oldest first), or, for an early settlement of exactly
 * the settlement amount, the settlement's own parts. Money beyond everything owed goes to principal,
 * so the split always sums to what was received; that excess is then flagged when saved.
 */
import type { Installment } from '../../domain/loans/schedule.ts';
import { allocatePayment, earlySettlement, type Repayment } from '../../domain/loans/status.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';

export type Split = { readonly principal: Rupiah; readonly interest: Rupiah; readonly fine: Rupiah };

export type SplitQuestion = {
  readonly amount: Rupiah;
  readonly schedule: readonly Installment[];
  readonly repayments: readonly Repayment[];
  readonly asOf: string;
  readonly fineBpPerDay: number;
  readonly waiveFine: boolean;
  readonly settle: boolean;
};

/** Early settlement on `asOf`: with the fine waived, its total drops by the fine. */
export function settlementOf(q: Omit<SplitQuestion, 'amount' | 'settle'>): Split & { total: Rupiah } {
  const s = earlySettlement(q.schedule, q.repayments, q.asOf, q.fineBpPerDay);
  const fine = q.waiveFine ? rupiah(0) : s.fine;
  return { principal: s.principal, interest: s.interest, fine, total: rupiah(s.principal + s.interest + fine) };
}

export function suggestSplit(q: SplitQuestion): Split {
  if (q.settle) {
    const s = settlementOf(q);
    if (s.total === q.amount) return { principal: s.principal, interest: s.interest, fine: s.fine };
  }
  const a = allocatePayment(q.amount, q.schedule, q.repayments, q.asOf, q.fineBpPerDay, { waiveFine: q.waiveFine });
  return { principal: rupiah(a.principal + a.excess), interest: a.interest, fine: a.fine };
}
