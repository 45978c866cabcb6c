/**
 * Laporan perhitungan hasil usaha (CONTRACT §8 `income-statement`) from `from` through `to`,
 * both inclusive. Every revenue and expense account of the chart is listed, zero or not, so the
 * statement has the same rows every period.
 */
import { accountTotalsBetween, accountTypeOf, allAccountCodes, naturalBalance } from '../ledger/queries.ts';
import type { LedgerState } from '../ledger/state.ts';
import { rupiah, type Rupiah } from '../money.ts';
import { accountName } from './names.ts';

export type IncomeLine = { code: string; name: string; amount: Rupiah };

export type IncomeStatement = {
  from: string;
  to: string;
  revenues: IncomeLine[];
  expenses: IncomeLine[];
  totalRevenue: Rupiah;
  totalExpense: Rupiah;
  shu: Rupiah;
};

export function incomeStatement(state: LedgerState, from: string, to: string): IncomeStatement {
  const revenues: IncomeLine[] = [];
  const expenses: IncomeLine[] = [];
  let totalRevenue = 0;
  let totalExpense = 0;
  for (const code of allAccountCodes(state)) {
    const type = accountTypeOf(state, code);
    if (type !== 'revenue' && type !== 'expense') continue;
    const amount = naturalBalance(type, accountTotalsBetween(state, code, from, to));
    const line = { code, name: accountName(state, code), amount };
    if (type === 'revenue') {
      revenues.push(line);
      totalRevenue += amount;
    } else {
      expenses.push(line);
      totalExpense += amount;
    }
  }
  return {
    from,
    to,
    revenues,
    expenses,
    totalRevenue: rupiah(totalRevenue),
    totalExpense: rupiah(totalExpense),
    shu: rupiah(totalRevenue - totalExpense),
  };
}
