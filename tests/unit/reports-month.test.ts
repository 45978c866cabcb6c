/**
 * A small cooperative's November 2026, folded and reported. Every expected number was worked out
 * by hand, independently of the code: the arithmetic is written out in docs/domain-ledger.md
 * ("Worked example").
 */
import { describe, expect, it } from 'vitest';
import { applyEntry, emptyLedger, foldEntries, ledgerTables } from '../../src/domain/ledger/index.ts';
import {
  balanceSheet,
  cashBook,
  incomeStatement,
  loanScheduleReport,
  loansReport,
  membersReport,
  monthlySeries,
  runReport,
  shuReport,
} from '../../src/domain/reports/index.ts';
import { Book, loanId, memberId } from './support/ledger-book.ts';

const SITI = memberId(1);
const BUDI = memberId(2);
const WATI = memberId(3);
const LOAN = loanId(1);

function november(): { book: Book; duplicate: ReturnType<Book['make']>; reversal: ReturnType<Book['reverse']> } {
  const b = new Book();
  b.make('cash.received', '2026-11-01', { account: '3-120', amount: 5_000_000, via: 'bank', memo: 'Hibah dana desa' });
  b.make('member.joined', '2026-11-02', { memberId: SITI, number: 'A-001', name: 'Siti Aminah', joinedOn: '2026-11-02' });
  b.make('member.joined', '2026-11-02', { memberId: BUDI, number: 'A-002', name: 'Budi Santoso', joinedOn: '2026-11-02' });
  b.make('savings.deposited', '2026-11-02', { memberId: SITI, kind: 'pokok', amount: 50_000, via: 'cash' });
  b.make('savings.deposited', '2026-11-02', { memberId: SITI, kind: 'wajib', amount: 20_000, via: 'cash' });
  b.make('savings.deposited', '2026-11-02', { memberId: BUDI, kind: 'pokok', amount: 50_000, via: 'cash' });
  b.make('savings.deposited', '2026-11-02', { memberId: BUDI, kind: 'wajib', amount: 20_000, via: 'cash' });
  b.make('member.joined', '2026-11-03', { memberId: WATI, number: 'A-003', name: 'Wati', joinedOn: '2026-11-03' });
  b.make('savings.deposited', '2026-11-03', { memberId: WATI, kind: 'pokok', amount: 50_000, via: 'cash' });
  b.make('savings.deposited', '2026-11-03', { memberId: WATI, kind: 'wajib', amount: 20_000, via: 'cash' });
  b.make('cash.transferred', '2026-11-04', { from: 'bank', to: 'cash', amount: 3_000_000 });
  b.make('savings.deposited', '2026-11-05', { memberId: SITI, kind: 'sukarela', amount: 500_000, via: 'bank' });
  b.make('loan.disbursed', '2026-11-05', {
    loanId: LOAN,
    memberId: BUDI,
    principal: 3_000_000,
    months: 6,
    rateBp: 200,
    method: 'flat',
    firstDue: '2026-11-20',
    adminFee: 30_000,
    fineBpPerDay: 10,
    via: 'cash',
  });
  b.make('cash.paid', '2026-11-12', { account: '5-150', amount: 35_000, via: 'cash', memo: 'ATK' });
  b.make('cash.received', '2026-11-15', { account: '4-110', amount: 150_000, via: 'cash', memo: 'Belanja gerai', memberId: SITI });
  b.make('cash.received', '2026-11-15', { account: '4-110', amount: 600_000, via: 'cash', memo: 'Penjualan gerai minggu ini' });
  b.make('cash.paid', '2026-11-16', { account: '5-100', amount: 400_000, via: 'cash', memo: 'Belanja barang dagangan' });
  b.make('loan.repaid', '2026-11-20', { loanId: LOAN, memberId: BUDI, principal: 500_000, interest: 60_000, fine: 0, via: 'cash' });
  b.make('cash.paid', '2026-11-25', { account: '5-150', amount: 85_000, via: 'cash', memo: 'Listrik' });
  const duplicate = b.make('cash.paid', '2026-11-25', { account: '5-150', amount: 85_000, via: 'cash', memo: 'Listrik' });
  const reversal = b.reverse(duplicate, '2026-11-26', { reason: 'Tercatat dua kali' });
  b.make('cash.paid', '2026-11-27', { account: '5-140', amount: 100_000, via: 'bank', memo: 'Rapat pengurus' });
  b.make('loan.repaid', '2026-11-28', { loanId: LOAN, memberId: BUDI, principal: 250_000, interest: 60_000, fine: 0, via: 'qris' });
  return { book: b, duplicate, reversal };
}

const state = foldEntries(november().book.entries);

const balanceOf = (sheet: ReturnType<typeof balanceSheet>, code: string): number | undefined =>
  sheet.accounts.find((a) => a.code === code)?.balance;

describe('worked example: one month of a small cooperative', () => {
  it('balance sheet at 30 Nov 2026', () => {
    const sheet = balanceSheet(state, '2026-11-30');
    expect(sheet.asOf).toBe('2026-11-30');
    const nonZero = Object.fromEntries(sheet.accounts.filter((a) => a.balance !== 0).map((a) => [a.code, a.balance]));
    expect(nonZero).toEqual({
      '1-101': 1_030_000,
      '1-102': 2_400_000,
      '1-103': 310_000,
      '1-110': 2_250_000,
      '2-101': 500_000,
      '3-101': 150_000,
      '3-102': 60_000,
      '3-120': 5_000_000,
      '3-130': 280_000,
    });
    expect(sheet.totals).toEqual({ assets: 5_990_000, liabilities: 500_000, equity: 5_490_000 });
    // Assets, liabilities and equity only; names from the chart.
    expect(sheet.accounts.every((a) => a.type === 'asset' || a.type === 'liability' || a.type === 'equity')).toBe(true);
    expect(sheet.accounts.find((a) => a.code === '1-101')).toEqual({ code: '1-101', name: 'Kas', type: 'asset', balance: 1_030_000 });
  });

  it('balance sheet on an earlier date uses only what was dated by then', () => {
    const sheet = balanceSheet(state, '2026-11-05');
    // Cash on 5 Nov: 3 000 000 + 150 000 + 60 000 − 2 970 000 = 240 000.
    expect(balanceOf(sheet, '1-101')).toBe(240_000);
    // Bank: 5 000 000 − 3 000 000 + 500 000.
    expect(balanceOf(sheet, '1-102')).toBe(2_500_000);
    // Only the admin fee has been earned by then.
    expect(balanceOf(sheet, '3-130')).toBe(30_000);
    expect(sheet.totals.assets).toBe(sheet.totals.liabilities + sheet.totals.equity);
    expect(balanceSheet(state, '2026-10-31').totals).toEqual({ assets: 0, liabilities: 0, equity: 0 });
  });

  it('income statement for November', () => {
    const report = incomeStatement(state, '2026-11-01', '2026-11-30');
    const amounts = (lines: { code: string; amount: number }[]) =>
      Object.fromEntries(lines.filter((l) => l.amount !== 0).map((l) => [l.code, l.amount]));
    expect(amounts(report.revenues)).toEqual({ '4-101': 120_000, '4-102': 30_000, '4-110': 750_000 });
    expect(amounts(report.expenses)).toEqual({ '5-100': 400_000, '5-140': 100_000, '5-150': 120_000 });
    expect(report.revenues.map((l) => l.code)).toEqual(['4-101', '4-102', '4-103', '4-110', '4-190']);
    expect(report).toMatchObject({ from: '2026-11-01', to: '2026-11-30', totalRevenue: 900_000, totalExpense: 620_000, shu: 280_000 });
    // A sub-range: 16–25 Nov has the HPP, the first repayment's interest and the (single) electricity bill.
    const mid = incomeStatement(state, '2026-11-16', '2026-11-25');
    expect(mid).toMatchObject({ totalRevenue: 60_000, totalExpense: 485_000, shu: -425_000 });
  });

  it('cash book for cash only, with running balance; the reversed duplicate and its reversal have no row', () => {
    const book = cashBook(state, '2026-11-01', '2026-11-30', 'cash');
    expect(book.opening).toBe(0);
    expect(book.rows.map((r) => [r.date, r.memo, r.in, r.out, r.balance])).toEqual([
      ['2026-11-02', 'Setoran simpanan pokok', 50_000, 0, 50_000],
      ['2026-11-02', 'Setoran simpanan wajib', 20_000, 0, 70_000],
      ['2026-11-02', 'Setoran simpanan pokok', 50_000, 0, 120_000],
      ['2026-11-02', 'Setoran simpanan wajib', 20_000, 0, 140_000],
      ['2026-11-03', 'Setoran simpanan pokok', 50_000, 0, 190_000],
      ['2026-11-03', 'Setoran simpanan wajib', 20_000, 0, 210_000],
      ['2026-11-04', 'Pemindahan dana bank ke kas', 3_000_000, 0, 3_210_000],
      ['2026-11-05', 'Pencairan pinjaman', 0, 2_970_000, 240_000],
      ['2026-11-12', 'ATK', 0, 35_000, 205_000],
      ['2026-11-15', 'Belanja gerai', 150_000, 0, 355_000],
      ['2026-11-15', 'Penjualan gerai minggu ini', 600_000, 0, 955_000],
      ['2026-11-16', 'Belanja barang dagangan', 0, 400_000, 555_000],
      ['2026-11-20', 'Angsuran pinjaman', 560_000, 0, 1_115_000],
      ['2026-11-25', 'Listrik', 0, 85_000, 1_030_000],
    ]);
    expect(book.closing).toBe(1_030_000);
  });

  it('cash book across cash, bank and QRIS; opening carries earlier days', () => {
    const all = cashBook(state, '2026-11-01', '2026-11-30');
    expect(all.closing).toBe(1_030_000 + 2_400_000 + 310_000);
    const transfer = all.rows.find((r) => r.type === 'cash.transferred');
    // By 4 Nov: 5 000 000 granted + 210 000 of savings, moved between accounts, not changed.
    expect(transfer).toMatchObject({ in: 3_000_000, out: 3_000_000, balance: 5_210_000 });
    const late = cashBook(state, '2026-11-26', '2026-11-30');
    expect(late.opening).toBe(1_030_000 + 2_500_000);
    expect(late.rows.map((r) => [r.memo, r.in, r.out])).toEqual([
      ['Rapat pengurus', 0, 100_000],
      ['Angsuran pinjaman', 310_000, 0],
    ]);
    expect(late.closing).toBe(3_740_000);
  });

  it('members at 30 Nov', () => {
    expect(membersReport(state, '2026-11-30')).toEqual({
      members: [
        { memberId: SITI, number: 'A-001', name: 'Siti Aminah', status: 'active', savings: { pokok: 50_000, wajib: 20_000, sukarela: 500_000 }, loanOutstanding: 0 },
        { memberId: BUDI, number: 'A-002', name: 'Budi Santoso', status: 'active', savings: { pokok: 50_000, wajib: 20_000, sukarela: 0 }, loanOutstanding: 2_250_000 },
        { memberId: WATI, number: 'A-003', name: 'Wati', status: 'active', savings: { pokok: 50_000, wajib: 20_000, sukarela: 0 }, loanOutstanding: 0 },
      ],
    });
    // On 2 Nov Wati had not joined; Budi's loan came on the 5th.
    const early = membersReport(state, '2026-11-02');
    expect(early.members.map((m) => [m.number, m.loanOutstanding])).toEqual([
      ['A-001', 0],
      ['A-002', 0],
    ]);
    expect(state.members.get(SITI)?.lastWajibMonth).toBe('2026-11');
  });

  it('loans: outstanding, next due, days past due and collectibility as time passes', () => {
    const base = { loanId: LOAN, memberId: BUDI, principal: 3_000_000, outstanding: 2_250_000, interestPaid: 120_000 };
    expect(loansReport(state, '2026-11-30').loans).toEqual([
      { ...base, nextDue: '2026-12-20', daysPastDue: 0, collectibility: 'lancar' },
    ]);
    expect(loansReport(state, '2026-12-31').loans[0]).toMatchObject({ daysPastDue: 11, collectibility: 'lancar' });
    // 20 Dec 2026 → 31 Mar 2027 = 11 + 31 + 28 + 31 = 101 days.
    expect(loansReport(state, '2027-03-31').loans[0]).toMatchObject({ daysPastDue: 101, collectibility: 'kurang_lancar' });
    expect(loansReport(state, '2026-11-19').loans[0]).toMatchObject({ outstanding: 3_000_000, interestPaid: 0, nextDue: '2026-11-20' });
    expect(loansReport(state, '2026-11-04').loans).toEqual([]);
  });

  it('loan schedule: flat 3 000 000 × 6 months × 2 %', () => {
    const schedule = loanScheduleReport(state, LOAN);
    expect(schedule?.installments.map((i) => [i.n, i.due, i.principal, i.interest, i.total, i.balance])).toEqual([
      [1, '2026-11-20', 500_000, 60_000, 560_000, 2_500_000],
      [2, '2026-12-20', 500_000, 60_000, 560_000, 2_000_000],
      [3, '2027-01-20', 500_000, 60_000, 560_000, 1_500_000],
      [4, '2027-02-20', 500_000, 60_000, 560_000, 1_000_000],
      [5, '2027-03-20', 500_000, 60_000, 560_000, 500_000],
      [6, '2027-04-20', 500_000, 60_000, 560_000, 0],
    ]);
  });

  it('SHU 2026 with the default allocation', () => {
    const shu = shuReport(state, 2026);
    expect(shu.shu).toBe(280_000);
    expect(Object.fromEntries(shu.funds.map((f) => [f.fund, f.amount]))).toEqual({
      cadangan: 112_000,
      jasa_modal: 56_000,
      jasa_anggota: 56_000,
      pengurus: 14_000,
      karyawan: 14_000,
      pendidikan: 14_000,
      sosial: 14_000,
    });
    const byMember = Object.fromEntries(shu.members.map((m) => [m.memberId, m]));
    expect(byMember[SITI]).toEqual({ memberId: SITI, capitalBasis: 70_000, patronageBasis: 150_000, capital: 18_666, patronage: 31_111, total: 49_777 });
    expect(byMember[BUDI]).toEqual({ memberId: BUDI, capitalBasis: 70_000, patronageBasis: 120_000, capital: 18_666, patronage: 24_888, total: 43_554 });
    expect(byMember[WATI]).toEqual({ memberId: WATI, capitalBasis: 70_000, patronageBasis: 0, capital: 18_666, patronage: 0, total: 18_666 });
    expect(shu.remainder).toBe(3);
  });

  it('a changed SHU allocation is used; an invalid one is flagged and ignored', () => {
    const { book } = november();
    const changed = book.make('settings.changed', '2026-12-01', {
      key: 'shuAllocation',
      value: { cadangan: 5000, jasa_modal: 1500, jasa_anggota: 1500, pengurus: 500, karyawan: 500, pendidikan: 500, sosial: 500 },
    });
    const broken = book.make('settings.changed', '2026-12-02', {
      key: 'shuAllocation',
      value: { cadangan: 5000, jasa_modal: 2000, jasa_anggota: 2000, pengurus: 500, karyawan: 500, pendidikan: 500, sosial: 500 },
    });
    const s = emptyLedger();
    let flags: string[] = [];
    for (const e of book.entries) flags = applyEntry(s, e).flags.map((f) => f.reason);
    expect(flags).toEqual(['setting-invalid']);
    expect(s.settings.get('shuAllocation')?.history.map((h) => h.entryId)).toEqual([changed.id, broken.id]);
    const shu = shuReport(s, 2026);
    // 280 000 × 15 % = 42 000 for each members' pool; cadangan 140 000.
    expect(shu.funds.find((f) => f.fund === 'jasa_modal')?.amount).toBe(42_000);
    expect(shu.funds.find((f) => f.fund === 'cadangan')?.amount).toBe(140_000);
  });

  it('the month-end series for the charts', () => {
    expect(monthlySeries(state, '2026-10', '2026-12')).toEqual([
      { month: '2026-10', monthEnd: '2026-10-31', savings: 0, loansOutstanding: 0 },
      { month: '2026-11', monthEnd: '2026-11-30', savings: 710_000, loansOutstanding: 2_250_000 },
      { month: '2026-12', monthEnd: '2026-12-31', savings: 710_000, loansOutstanding: 2_250_000 },
    ]);
  });

  it('the reversed duplicate counts as if neither it nor its reversal existed', () => {
    const { book, duplicate, reversal } = november();
    const without = foldEntries(book.entries.filter((e) => e.id !== duplicate.id && e.id !== reversal.id));
    const withBoth = foldEntries(book.entries);
    const business = (s: typeof state) => {
      const { entries: _e, flags: _f, ...rest } = ledgerTables(s);
      return rest;
    };
    expect(business(withBoth)).toEqual(business(without));
    expect(withBoth.entries.get(duplicate.id)?.reversedBy).toBe(reversal.id);
  });

  it('runReport validates queries and dispatches by name', () => {
    expect(runReport('balance-sheet', state, { asOf: '2026-11-30' })).toMatchObject({ ok: true, report: 'balance-sheet', body: { totals: { assets: 5_990_000 } } });
    expect(runReport('shu', state, { year: '2026' })).toMatchObject({ ok: true, body: { shu: 280_000, remainder: 3 } });
    expect(runReport('cash-book', state, { from: '2026-11-26', to: '2026-11-30', via: 'qris' })).toMatchObject({
      ok: true,
      body: { opening: 0, closing: 310_000 },
    });
    expect(runReport('loan-schedule', state, { loanId: LOAN })).toMatchObject({ ok: true });
    expect(runReport('flags', state, {})).toEqual({ ok: true, report: 'flags', body: { flags: [] } });
    expect(runReport('neraca', state, {})).toMatchObject({ ok: false, error: { code: 'report-unknown', status: 404 } });
    expect(runReport('balance-sheet', state, { asOf: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'query-invalid', status: 400 } });
    expect(runReport('balance-sheet', state, { asof: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'query-invalid' } });
    expect(runReport('income-statement', state, { from: '2026-12-01', to: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'query-invalid', details: [{ path: 'to', message: 'range-reversed' }] },
    });
    expect(runReport('cash-book', state, { from: '2026-11-01', to: '2026-11-30', via: 'gopay' })).toMatchObject({ ok: false });
    expect(runReport('shu', state, { year: '26' })).toMatchObject({ ok: false, error: { code: 'query-invalid' } });
    expect(runReport('loan-schedule', state, { loanId: loanId(99) })).toMatchObject({ ok: false, error: { code: 'loan-not-found', status: 404 } });
  });
});
