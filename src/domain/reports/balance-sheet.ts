/**
 * Laporan posisi keuangan (CONTRACT §8 `balance-sheet`). Balances in their natural sign; 3-130
 * shows its posted balance plus all revenue minus all expense up to `asOf` (closing is implicit),
 * so assets = liabilities + equity holds for any date because every entry's lines balance.
 */
import { ACCOUNTS } from '../chart.ts';
import type { AccountType } from '../entry/schema.ts';
import { accountTotalsUpTo, accountTypeOf, allAccountCodes, naturalBalance } from '../ledger/queries.ts';
import type { LedgerState } from '../ledger/state.ts';
import { rupiah, type Rupiah } from '../money.ts';
import { accountName } from './names.ts';

export type BalanceSheetLine = { code: string; name: string; type: AccountType; balance: Rupiah };

export type BalanceSheet = {
  asOf: string;
  accounts: BalanceSheetLine[];
  totals: { assets: Rupiah; liabilities: Rupiah; equity: Rupiah };
};

export function balanceSheet(state: LedgerState, asOf: string): BalanceSheet {
  const lines: BalanceSheetLine[] = [];
  let result = 0;
  const totals = { assets: 0, liabilities: 0, equity: 0 };
  for (const code of allAccountCodes(state)) {
    const type = accountTypeOf(state, code);
    const balance = naturalBalance(type, accountTotalsUpTo(state, code, asOf, true));
    switch (type) {
      case 'revenue':
        result += balance;
        continue;
      case 'expense':
        result -= balance;
        continue;
      case 'asset':
        totals.assets += balance;
        break;
      case 'liability':
        totals.liabilities += balance;
        break;
      case 'equity':
        totals.equity += balance;
        break;
    }
    lines.push({ code, name: accountName(state, code), type, balance });
  }
  const current = lines.find((l) => l.code === ACCOUNTS.currentShu);
  if (current === undefined) {
    lines.push({ code: ACCOUNTS.currentShu, name: accountName(state, ACCOUNTS.currentShu), type: 'equity', balance: rupiah(result) });
    lines.sort((a, b) => (a.code < b.code ? -1 : 1));
  } else {
    current.balance = rupiah(current.balance + result);
  }
  totals.equity += result;
  return {
    asOf,
    accounts: lines,
    totals: { assets: rupiah(totals.assets), liabilities: rupiah(totals.liabilities), equity: rupiah(totals.equity) },
  };
}
