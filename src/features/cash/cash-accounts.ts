/**
 * Which accounts of the chart a cash entry may name. CONTRACT §3 lets `cash.received` credit and
 * `cash.paid` debit any account; the screen offers only those that belong here, so a savings
 * deposit or a loan repayment is not booked past the member's book by a slip of the finger:
 *
 * - the cash, bank and QRIS accounts themselves (a transfer has its own form),
 * - members' savings 3-101, 3-102, 2-101 and loans 1-110 (Simpanan and Pinjaman screens keep the
 *   member's balance right),
 * - 3-130 SHU tahun berjalan (only Tutup buku moves it).
 *
 * Money in: revenue, equity (hibah) and liability (utang) accounts. Money out: expense and asset
 * accounts, plus liabilities (paying a debt, paying SHU out of 2-150, spending the dana sosial).
 */
import { Dexie } from 'dexie';
import type { LumbungDb } from '../../db/database.ts';
import { ACCOUNTS, DEFAULT_CHART } from '../../domain/chart.ts';
import type { AccountType } from '../../domain/entry/schema.ts';
import type { ChartRow } from '../../domain/ledger/index.ts';

export type CashDirection = 'in' | 'out';

const HANDLED_ELSEWHERE: ReadonlySet<string> = new Set([
  ACCOUNTS.cash,
  ACCOUNTS.bank,
  ACCOUNTS.qris,
  ACCOUNTS.loansReceivable,
  ACCOUNTS.principalSavings,
  ACCOUNTS.mandatorySavings,
  ACCOUNTS.voluntarySavings,
  ACCOUNTS.currentShu,
]);

const TYPES: Readonly<Record<CashDirection, readonly AccountType[]>> = {
  in: ['revenue', 'equity', 'liability'],
  out: ['expense', 'asset', 'liability'],
};

/** The account preselected: the catch-all of each side, so the form is valid with the least taps. */
export const DEFAULT_ACCOUNT: Readonly<Record<CashDirection, string>> = {
  in: ACCOUNTS.otherIncome,
  out: ACCOUNTS.operatingExpense,
};

export function accountsFor(direction: CashDirection, chart: readonly ChartRow[]): ChartRow[] {
  const types = TYPES[direction];
  return chart
    .filter((row) => !HANDLED_ELSEWHERE.has(row.code) && types.includes(row.type))
    .sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The chart: the default accounts (CONTRACT §4) plus those added with `account.added`, which are
 * the only chart rows the projections store (the fold starts from the default chart, as
 * `ledgerFromTables` does). A few dozen rows: one index range.
 */
export async function readChart(db: LumbungDb): Promise<ChartRow[]> {
  const rows = await db.projections.where('[t+k]').between(['chart', Dexie.minKey], ['chart', Dexie.maxKey]).toArray();
  const chart = new Map<string, ChartRow>(DEFAULT_CHART.map((a) => [a.code, { code: a.code, name: a.name, type: a.type, addedBy: null }]));
  // Written by this phone's fold from the same ChartRow type (db/projections.ts).
  for (const row of rows) chart.set(row.k, row.v as ChartRow);
  return [...chart.values()];
}
