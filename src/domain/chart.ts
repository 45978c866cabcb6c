/**
 * The default chart of accounts (CONTRACT §4) and the fixed mappings that the journal-line rules
 * (CONTRACT §3) and SHU closing (§6) use. Codes are strings `D-DDD`; the first digit is the class.
 */
import type { AccountType, SavingsKind, Via } from './entry/schema.ts';

export type Account = { code: string; name: string; type: AccountType };

export const DEFAULT_CHART: readonly Account[] = Object.freeze([
  { code: '1-101', name: 'Kas', type: 'asset' },
  { code: '1-102', name: 'Bank', type: 'asset' },
  { code: '1-103', name: 'Kas QRIS / dompet digital', type: 'asset' },
  { code: '1-110', name: 'Piutang pinjaman anggota', type: 'asset' },
  { code: '1-130', name: 'Persediaan barang', type: 'asset' },
  { code: '1-160', name: 'Aset tetap', type: 'asset' },
  { code: '2-101', name: 'Simpanan sukarela', type: 'liability' },
  { code: '2-110', name: 'Utang usaha', type: 'liability' },
  { code: '2-141', name: 'Dana pengurus', type: 'liability' },
  { code: '2-142', name: 'Dana karyawan', type: 'liability' },
  { code: '2-143', name: 'Dana pendidikan', type: 'liability' },
  { code: '2-144', name: 'Dana sosial', type: 'liability' },
  { code: '2-150', name: 'Utang SHU anggota', type: 'liability' },
  { code: '3-101', name: 'Simpanan pokok', type: 'equity' },
  { code: '3-102', name: 'Simpanan wajib', type: 'equity' },
  { code: '3-110', name: 'Cadangan', type: 'equity' },
  { code: '3-120', name: 'Hibah / donasi', type: 'equity' },
  { code: '3-130', name: 'SHU tahun berjalan', type: 'equity' },
  { code: '4-101', name: 'Pendapatan jasa pinjaman', type: 'revenue' },
  { code: '4-102', name: 'Pendapatan provisi dan administrasi', type: 'revenue' },
  { code: '4-103', name: 'Pendapatan denda', type: 'revenue' },
  { code: '4-110', name: 'Penjualan', type: 'revenue' },
  { code: '4-190', name: 'Pendapatan lain-lain', type: 'revenue' },
  { code: '5-100', name: 'Harga pokok penjualan', type: 'expense' },
  { code: '5-101', name: 'Beban jasa simpanan', type: 'expense' },
  { code: '5-110', name: 'Beban gaji dan honor', type: 'expense' },
  { code: '5-140', name: 'Beban rapat dan RAT', type: 'expense' },
  { code: '5-150', name: 'Beban operasional (ATK, listrik, transport)', type: 'expense' },
  { code: '5-190', name: 'Beban lain-lain', type: 'expense' },
] satisfies Account[]);

/** Named codes, so rules read `ACCOUNTS.loansReceivable` rather than a bare '1-110'. */
export const ACCOUNTS = {
  cash: '1-101',
  bank: '1-102',
  qris: '1-103',
  loansReceivable: '1-110',
  inventory: '1-130',
  fixedAssets: '1-160',
  voluntarySavings: '2-101',
  accountsPayable: '2-110',
  managementFund: '2-141',
  staffFund: '2-142',
  educationFund: '2-143',
  socialFund: '2-144',
  shuPayable: '2-150',
  principalSavings: '3-101',
  mandatorySavings: '3-102',
  reserve: '3-110',
  grants: '3-120',
  currentShu: '3-130',
  interestIncome: '4-101',
  adminIncome: '4-102',
  fineIncome: '4-103',
  sales: '4-110',
  otherIncome: '4-190',
  costOfGoodsSold: '5-100',
  savingsInterestExpense: '5-101',
  salaryExpense: '5-110',
  meetingExpense: '5-140',
  operatingExpense: '5-150',
  otherExpense: '5-190',
} as const;

/** Where money moves: cash box, bank account, QRIS / e-wallet (CONTRACT §3). */
export const VIA_ACCOUNT: Readonly<Record<Via, string>> = Object.freeze({
  cash: ACCOUNTS.cash,
  bank: ACCOUNTS.bank,
  qris: ACCOUNTS.qris,
});

/** Pokok and wajib are the members' equity; sukarela can be withdrawn at will, so it is a liability. */
export const KIND_ACCOUNT: Readonly<Record<SavingsKind, string>> = Object.freeze({
  pokok: ACCOUNTS.principalSavings,
  wajib: ACCOUNTS.mandatorySavings,
  sukarela: ACCOUNTS.voluntarySavings,
});

export const SHU_FUNDS = [
  'cadangan',
  'pengurus',
  'karyawan',
  'pendidikan',
  'sosial',
  'jasa_modal',
  'jasa_anggota',
] as const;
export type ShuFund = (typeof SHU_FUNDS)[number];

/** SHU funds → accounts (CONTRACT §4); both members' shares are owed to members until paid out. */
export const FUND_ACCOUNT: Readonly<Record<ShuFund, string>> = Object.freeze({
  cadangan: ACCOUNTS.reserve,
  pengurus: ACCOUNTS.managementFund,
  karyawan: ACCOUNTS.staffFund,
  pendidikan: ACCOUNTS.educationFund,
  sosial: ACCOUNTS.socialFund,
  jasa_modal: ACCOUNTS.shuPayable,
  jasa_anggota: ACCOUNTS.shuPayable,
});

/** The side on which an account of this type grows: assets and expenses on the debit side. */
export function normalBalanceSide(type: AccountType): 'debit' | 'credit' {
  switch (type) {
    case 'asset':
    case 'expense':
      return 'debit';
    case 'liability':
    case 'equity':
    case 'revenue':
      return 'credit';
  }
}

const DEFAULT_BY_CODE: ReadonlyMap<string, Account> = new Map(DEFAULT_CHART.map((a) => [a.code, a]));

export function findDefaultAccount(code: string): Account | undefined {
  return DEFAULT_BY_CODE.get(code);
}

export function isDefaultAccountCode(code: string): boolean {
  return DEFAULT_BY_CODE.has(code);
}
