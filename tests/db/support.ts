/**
 * Helpers for the local-store tests: a fresh database per test (fake-indexeddb), an enrolled phone,
 * and drafts with real numbers. Signing is real WebCrypto, never mocked.
 */
import { LumbungDb } from '../../src/db/database.ts';
import { completeEnrollment, startLocalMode } from '../../src/db/enrollment.ts';
import type { EntryDraft } from '../../src/db/append-entry.ts';
import { appendEntry } from '../../src/db/append-entry.ts';
import type { Entry, SavingsKind, Via } from '../../src/domain/entry/schema.ts';
import { newEntryId, newLoanId, newMemberId, type EntryId, type LoanId, type MemberId } from '../../src/domain/ids.ts';
import { rupiah } from '../../src/domain/money.ts';

export const COOP = '4f1c2a9e-3b7d-4c1e-9a2f-6d8e0b1c2d3e';
export const DEVICE = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const OTHER_DEVICE = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
export const COOP_INFO = { name: 'Koperasi Desa Sukamaju', village: 'Sukamaju', district: 'Jember' };

export function freshDb(name = `lumbung-test-${crypto.randomUUID()}`): LumbungDb {
  return new LumbungDb(name);
}

/** A phone enrolled in COOP as DEVICE, with its own key, no entries. */
export async function enrolledPhone(name?: string): Promise<LumbungDb> {
  const db = freshDb(name);
  const result = await completeEnrollment(db, { cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO });
  if (!result.ok) throw new Error(`enrollment failed: ${result.error}`);
  return db;
}

export async function localPhone(): Promise<LumbungDb> {
  const db = freshDb();
  await startLocalMode(db);
  return db;
}

const ACTOR = 'Bu Siti';

export const join = (memberId: MemberId, number: string, name: string, date = '2026-11-02'): EntryDraft => ({
  type: 'member.joined',
  data: { memberId, number, name, joinedOn: date },
  date,
  actor: ACTOR,
});

export const deposit = (
  memberId: MemberId,
  kind: SavingsKind,
  amount: number,
  date = '2026-11-03',
  via: Via = 'cash',
): EntryDraft => ({
  type: 'savings.deposited',
  data: { memberId, kind, amount: rupiah(amount), via },
  date,
  actor: ACTOR,
});

export const withdraw = (memberId: MemberId, kind: SavingsKind, amount: number, date = '2026-11-20'): EntryDraft => ({
  type: 'savings.withdrawn',
  data: { memberId, kind, amount: rupiah(amount), via: 'cash' },
  date,
  actor: ACTOR,
});

export const disburse = (loanId: LoanId, memberId: MemberId, principal: number, date = '2026-11-05'): EntryDraft => ({
  type: 'loan.disbursed',
  data: {
    loanId,
    memberId,
    principal: rupiah(principal),
    months: 10,
    rateBp: 150,
    method: 'flat',
    firstDue: '2026-12-05',
    adminFee: rupiah(principal / 100),
    fineBpPerDay: 10,
    via: 'cash',
  },
  date,
  actor: ACTOR,
});

export const repay = (loanId: LoanId, memberId: MemberId, principal: number, interest: number, date = '2026-12-05'): EntryDraft => ({
  type: 'loan.repaid',
  data: { loanId, memberId, principal: rupiah(principal), interest: rupiah(interest), fine: rupiah(0), via: 'cash' },
  date,
  actor: ACTOR,
});

export const expense = (amount: number, memo: string, date = '2026-11-10'): EntryDraft => ({
  type: 'cash.paid',
  data: { account: '5-150', amount: rupiah(amount), via: 'cash', memo },
  date,
  actor: ACTOR,
});

export const sale = (amount: number, memberId: MemberId | undefined, date = '2026-11-12'): EntryDraft => ({
  type: 'cash.received',
  data: { account: '4-110', amount: rupiah(amount), via: 'qris', memo: 'Penjualan gerai', ...(memberId === undefined ? {} : { memberId }) },
  date,
  actor: ACTOR,
});

export const reversal = (entryId: EntryId, reason = 'Salah catat'): EntryDraft => ({
  type: 'entry.reversed',
  data: { entryId, reason },
  date: '2026-11-25',
  actor: ACTOR,
});

/** Saves a draft and fails the test loudly if it was not saved. */
export async function save(db: LumbungDb, draft: EntryDraft): Promise<Entry> {
  const result = await appendEntry(db, draft, { locks: null });
  if (!result.ok) throw new Error(`save failed: ${result.error} ${JSON.stringify(result.details)}`);
  return result.value.entry;
}

export { newEntryId, newLoanId, newMemberId };
