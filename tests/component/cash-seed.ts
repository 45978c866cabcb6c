/** Seeding for the Kas, Laporan and Tutup buku tests: real entries through appendEntry. */
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { newEntryId, newLoanId, newMemberId, type LoanId, type MemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';

export async function record(db: LumbungDb, draft: Omit<EntryDraft, 'actor' | 'id'>, actor = 'Bu Siti'): Promise<Entry> {
  const result = await appendEntry(db, { ...draft, actor, id: newEntryId() } as EntryDraft);
  if (!result.ok) throw new Error(`seed failed: ${result.error}`);
  return result.value.entry;
}

export async function join(db: LumbungDb, number: string, name: string, joinedOn = '2025-01-05'): Promise<MemberId> {
  const memberId = newMemberId();
  await record(db, { type: 'member.joined', date: joinedOn, data: { memberId, number, name, joinedOn } });
  return memberId;
}

export async function entriesOfType(db: LumbungDb, type: Entry['type']): Promise<Entry[]> {
  return (await db.entries.where('type').equals(type).toArray()).map((row) => row.entry);
}

export type SeededBooks = { readonly siti: MemberId; readonly budi: MemberId; readonly loanId: LoanId };

/**
 * A small cooperative's 2025, with numbers worked out by hand in the tests:
 * Siti pokok 100.000 + wajib 240.000, buys Rp500.000 at the gerai; Budi pokok
 * 100.000 + wajib 120.000, borrows Rp1.000.000 (flat 1,5 %/bulan, 10 months, admin Rp10.000) and
 * repays the first installment (100.000 + jasa 15.000); a grant of Rp1.000.000; Rp75.000 of
 * expenses; Rp200.000 moved from cash to the bank.
 * Kas 910.000, Bank 200.000, piutang 900.000; SHU 2025 = 525.000 − 75.000 = 450.000.
 */
export async function seedBooks(db: LumbungDb): Promise<SeededBooks> {
  const siti = await join(db, 'A-001', 'Siti Aminah');
  const budi = await join(db, 'A-002', 'Budi Santoso');
  const loanId = newLoanId();
  const r = (amount: number) => rupiah(amount);
  await record(db, { type: 'savings.deposited', date: '2025-01-05', data: { memberId: siti, kind: 'pokok', amount: r(100_000), via: 'cash' } });
  await record(db, { type: 'savings.deposited', date: '2025-01-05', data: { memberId: budi, kind: 'pokok', amount: r(100_000), via: 'cash' } });
  await record(db, { type: 'savings.deposited', date: '2025-02-01', data: { memberId: siti, kind: 'wajib', amount: r(240_000), via: 'cash' } });
  await record(db, { type: 'savings.deposited', date: '2025-02-01', data: { memberId: budi, kind: 'wajib', amount: r(120_000), via: 'cash' } });
  await record(db, { type: 'cash.received', date: '2025-02-15', data: { account: '3-120', amount: r(1_000_000), via: 'cash', memo: 'Hibah Pemdes' } });
  await record(db, {
    type: 'loan.disbursed',
    date: '2025-03-01',
    data: {
      loanId,
      memberId: budi,
      principal: r(1_000_000),
      months: 10,
      rateBp: 150,
      method: 'flat',
      firstDue: '2025-04-01',
      adminFee: r(10_000),
      fineBpPerDay: 0,
      via: 'cash',
    },
  });
  await record(db, { type: 'loan.repaid', date: '2025-04-01', data: { loanId, memberId: budi, principal: r(100_000), interest: r(15_000), fine: r(0), via: 'cash' } });
  await record(db, { type: 'cash.received', date: '2025-05-10', data: { account: '4-110', amount: r(500_000), via: 'cash', memo: 'Penjualan gerai 10/05/2025', memberId: siti } });
  await record(db, { type: 'cash.paid', date: '2025-06-01', data: { account: '5-150', amount: r(75_000), via: 'cash', memo: 'ATK dan listrik' } });
  await record(db, { type: 'cash.transferred', date: '2025-06-02', data: { from: 'cash', to: 'bank', amount: r(200_000) } });
  return { siti, budi, loanId };
}
