/** Review flags (CONTRACT §3 accepted_flagged): each reason, raised when it should and only then. */
import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  emptyLedger,
  encodeCursor,
  previewFlags,
  type FlagReason,
  type LedgerState,
} from '../../src/domain/ledger/index.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { flagsReport } from '../../src/domain/reports/index.ts';
import { Book, DEVICE_A, DEVICE_B, loanId, memberId } from './support/ledger-book.ts';

const M1 = memberId(1);
const M2 = memberId(2);
const L1 = loanId(1);

function setup(): { b: Book; s: LedgerState; apply: (e: Entry, serverSeq?: number) => FlagReason[] } {
  const b = new Book();
  const s = emptyLedger();
  const apply = (e: Entry, serverSeq?: number): FlagReason[] =>
    applyEntry(s, e, serverSeq === undefined ? {} : { serverSeq }).flags.map((f) => f.reason);
  return { b, s, apply };
}

const join = (b: Book, id: string, number: string, date = '2026-01-02') =>
  b.make('member.joined', date, { memberId: id, number, name: `Anggota ${number}`, joinedOn: date });

const loan = (b: Book, member: string, id = L1, date = '2026-02-01') =>
  b.make('loan.disbursed', date, {
    loanId: id,
    memberId: member,
    principal: 1_200_000,
    months: 12,
    rateBp: 100,
    method: 'menurun',
    firstDue: '2026-03-01',
    adminFee: 0,
    fineBpPerDay: 0,
    via: 'cash',
  });

describe('ledger flags', () => {
  it('a clean join, deposit and loan raise nothing', () => {
    const { b, apply } = setup();
    expect(apply(join(b, M1, '001'))).toEqual([]);
    expect(apply(b.make('savings.deposited', '2026-01-02', { memberId: M1, kind: 'pokok', amount: 50_000, via: 'cash' }))).toEqual([]);
    expect(apply(loan(b, M1))).toEqual([]);
    expect(apply(b.make('loan.repaid', '2026-03-01', { loanId: L1, memberId: M1, principal: 100_000, interest: 12_000, fine: 0, via: 'cash' }))).toEqual([]);
  });

  it('overdraft of a savings kind, and pokok/wajib taken while still a member', () => {
    const { b, s, apply } = setup();
    apply(join(b, M1, '001'));
    apply(b.make('savings.deposited', '2026-01-02', { memberId: M1, kind: 'sukarela', amount: 100_000, via: 'cash' }));
    apply(b.make('savings.deposited', '2026-01-02', { memberId: M1, kind: 'wajib', amount: 20_000, via: 'cash' }));
    const candidate = b.make('savings.withdrawn', '2026-01-10', { memberId: M1, kind: 'sukarela', amount: 100_001, via: 'cash' });
    // The phone can warn before saving; the preview changes nothing.
    expect(previewFlags(s, candidate)).toEqual([
      { entryId: candidate.id, reason: 'savings-overdrawn', details: { kind: 'sukarela', balance: 100_000, amount: 100_001 } },
    ]);
    expect(s.members.get(M1)?.savings.sukarela).toBe(100_000);
    expect(apply(candidate)).toEqual(['savings-overdrawn']);
    expect(s.members.get(M1)?.savings.sukarela).toBe(-1);
    expect(apply(b.make('savings.withdrawn', '2026-01-10', { memberId: M1, kind: 'wajib', amount: 20_000, via: 'cash' }))).toEqual([
      'savings-locked',
    ]);
    apply(b.make('member.left', '2026-06-30', { memberId: M1, leftOn: '2026-06-30' }));
    // After leaving, pokok/wajib are returned: not locked, but still not more than the balance.
    expect(apply(b.make('savings.withdrawn', '2026-06-30', { memberId: M1, kind: 'wajib', amount: 1, via: 'cash' }))).toEqual([
      'savings-overdrawn',
    ]);
  });

  it('savings and loans for unknown or departed members', () => {
    const { b, apply } = setup();
    expect(apply(b.make('savings.deposited', '2026-01-02', { memberId: M2, kind: 'wajib', amount: 20_000, via: 'cash' }))).toEqual([
      'member-unknown',
    ]);
    expect(apply(loan(b, M2))).toEqual(['member-unknown']);
    apply(join(b, M1, '001'));
    apply(b.make('member.left', '2026-03-31', { memberId: M1, leftOn: '2026-03-31' }));
    // Dated before leaving: fine. On or after: flagged.
    expect(apply(b.make('savings.deposited', '2026-03-30', { memberId: M1, kind: 'wajib', amount: 20_000, via: 'cash' }))).toEqual([]);
    expect(apply(b.make('savings.deposited', '2026-04-02', { memberId: M1, kind: 'wajib', amount: 20_000, via: 'cash' }))).toEqual([
      'member-left',
    ]);
    expect(apply(loan(b, M1, loanId(2), '2026-04-02'))).toEqual(['member-left']);
    expect(apply(b.make('member.left', '2026-04-03', { memberId: M1, leftOn: '2026-04-03' }))).toEqual(['member-already-left']);
    expect(apply(b.make('member.left', '2026-04-03', { memberId: memberId(9), leftOn: '2026-04-03' }))).toEqual(['member-unknown']);
    expect(
      apply(b.make('cash.received', '2026-04-03', { account: '4-110', amount: 5_000, via: 'cash', memo: 'Belanja', memberId: memberId(9) })),
    ).toEqual(['member-unknown']);
  });

  it('leaving while a loan is still open is flagged; leaving after it is repaid is not', () => {
    const { b, s, apply } = setup();
    apply(join(b, M1, '001'));
    apply(join(b, M2, '002'));
    apply(loan(b, M1));
    // M2 owes nothing: a clean departure, and M1's loan is not M2's.
    expect(apply(b.make('member.left', '2026-03-15', { memberId: M2, leftOn: '2026-03-15' }))).toEqual([]);
    apply(b.make('loan.repaid', '2026-03-01', { loanId: L1, memberId: M1, principal: 100_000, interest: 12_000, fine: 0, via: 'cash' }));
    const leaving = b.make('member.left', '2026-03-31', { memberId: M1, leftOn: '2026-03-31' });
    expect(previewFlags(s, leaving)).toEqual([
      {
        entryId: leaving.id,
        reason: 'member-left-with-open-loan',
        details: { memberId: M1, loanId: L1, outstanding: 1_100_000, openLoans: 1 },
      },
    ]);
    expect(apply(leaving)).toEqual(['member-left-with-open-loan']);
    expect(flagsReport(s).flags.map((f) => f.reason)).toEqual(['member-left-with-open-loan']);
    // Reversing the departure takes the flag away with it.
    apply(b.reverse(leaving, '2026-04-01'));
    expect(flagsReport(s).flags).toEqual([]);
    // Once the rest is repaid, leaving is clean.
    apply(b.make('loan.repaid', '2026-04-01', { loanId: L1, memberId: M1, principal: 1_100_000, interest: 11_000, fine: 0, via: 'cash' }));
    expect(apply(b.make('member.left', '2026-04-02', { memberId: M1, leftOn: '2026-04-02' }))).toEqual([]);
  });

  it('member numbers and ids must not be reused', () => {
    const { b, apply } = setup();
    apply(join(b, M1, 'A-7'));
    expect(apply(join(b, M2, 'A-7'))).toEqual(['member-number-taken']);
    expect(apply(join(b, M1, 'A-8'))).toEqual(['member-id-reused']);
  });

  it('repayments: unknown loan, wrong member, more than outstanding; loan id reused', () => {
    const { b, s, apply } = setup();
    apply(join(b, M1, '001'));
    apply(join(b, M2, '002'));
    const early = b.make('loan.repaid', '2026-02-10', { loanId: L1, memberId: M1, principal: 100_000, interest: 0, fine: 0, via: 'cash' });
    expect(apply(early)).toEqual(['loan-unknown']);
    // Nothing is lost: the repayment waits on a loan row without a disbursal.
    expect(s.loans.get(L1)).toMatchObject({ disbursals: [], paidPrincipal: 100_000, outstanding: -100_000 });
    expect(apply(loan(b, M1))).toEqual([]);
    expect(s.loans.get(L1)).toMatchObject({ principal: 1_200_000, outstanding: 1_100_000, memberId: M1 });
    expect(apply(b.make('loan.repaid', '2026-03-01', { loanId: L1, memberId: M2, principal: 100_000, interest: 0, fine: 0, via: 'cash' }))).toEqual([
      'loan-member-mismatch',
    ]);
    expect(apply(b.make('loan.repaid', '2026-03-01', { loanId: L1, memberId: M1, principal: 1_000_001, interest: 0, fine: 0, via: 'cash' }))).toEqual([
      'repayment-exceeds-outstanding',
    ]);
    expect(apply(loan(b, M1))).toEqual(['loan-id-reused']);
  });

  it('closed years: entries dated in them, closing twice, and an SHU that differs from the books', () => {
    const { b, apply } = setup();
    apply(b.make('cash.received', '2025-06-01', { account: '4-190', amount: 1_000_000, via: 'cash', memo: 'Sewa tenda' }));
    apply(b.make('cash.paid', '2025-07-01', { account: '5-150', amount: 400_000, via: 'cash', memo: 'Listrik' }));
    const close = (shu: number) =>
      b.make('year.closed', '2026-01-15', {
        year: 2025,
        shu,
        funds: [{ fund: 'cadangan', amount: shu }],
        members: [],
      });
    expect(apply(close(600_000))).toEqual([]);
    expect(apply(b.make('cash.paid', '2025-12-31', { account: '5-150', amount: 1_000, via: 'cash', memo: 'Telat dicatat' }))).toEqual([
      'date-in-closed-year',
    ]);
    // A member joining "in" the closed year changes no figure of it.
    expect(apply(join(b, M1, '001', '2025-12-30'))).toEqual([]);
    expect(apply(close(600_000))).toEqual(['year-already-closed', 'year-close-shu-mismatch']);
  });

  it('settings whose values the domain cannot use', () => {
    const { b, apply } = setup();
    expect(apply(b.make('settings.changed', '2026-01-01', { key: 'collectibility', value: { lancar: 30, kurang_lancar: 90, diragukan: 180 } }))).toEqual([]);
    expect(apply(b.make('settings.changed', '2026-01-01', { key: 'collectibility', value: { lancar: 90, kurang_lancar: 30, diragukan: 180 } }))).toEqual([
      'setting-invalid',
    ]);
    expect(apply(b.make('settings.changed', '2026-01-01', { key: 'simpananWajib', value: 0 }))).toEqual(['setting-invalid']);
    expect(apply(b.make('settings.changed', '2026-01-01', { key: 'simpananWajib', value: 20_000 }))).toEqual([]);
    expect(apply(b.make('settings.changed', '2026-01-01', { key: 'namaKoperasi', value: 'KDMP Sukamaju' }))).toEqual([]);
  });

  it('conflicting member edits: another device edited after the cursor this device had seen', () => {
    const { b, s, apply } = setup();
    apply(join(b, M1, '001'), 1);
    // Device A edits, the server orders it at 5.
    apply(b.make('member.updated', '2026-02-01', { memberId: M1, changes: { phone: '081234567890' }, seenCursor: encodeCursor(1) }, { device: DEVICE_A }), 5);
    // Device B had seen up to 3 only: conflict.
    const conflicting = b.make('member.updated', '2026-02-02', { memberId: M1, changes: { phone: '089876543210', name: 'Siti A.' }, seenCursor: encodeCursor(3) }, { device: DEVICE_B });
    expect(apply(conflicting, 7)).toEqual(['member-edit-conflict']);
    // Device B after pulling up to 7: no conflict.
    expect(apply(b.make('member.updated', '2026-02-03', { memberId: M1, changes: { address: 'Dusun Krajan RT 01' }, seenCursor: encodeCursor(7) }, { device: DEVICE_B }), 8)).toEqual([]);
    // Device A's edits never conflict with its own, only with B's that it had not seen (7 and 8).
    expect(apply(b.make('member.updated', '2026-02-03', { memberId: M1, changes: { address: 'Dusun Krajan RT 02' }, seenCursor: encodeCursor(8) }, { device: DEVICE_A }), 9)).toEqual([]);
    // The fold applies edits in order: the last writer of each field wins, and the conflict is on record.
    expect(s.members.get(M1)?.profile).toEqual({ number: '001', name: 'Siti A.', nik: null, phone: '089876543210', address: 'Dusun Krajan RT 02' });
    const report = flagsReport(s);
    expect(report.flags).toHaveLength(1);
    expect(report.flags[0]).toMatchObject({
      entryId: conflicting.id,
      reason: 'member-edit-conflict',
      type: 'member.updated',
      memberId: M1,
      deviceId: DEVICE_B,
      details: { memberId: M1, fields: 'name,phone' },
    });
    // An undecodable cursor cannot prove a conflict.
    expect(apply(b.make('member.updated', '2026-02-04', { memberId: M1, changes: { name: 'Siti' }, seenCursor: 'zz!' }, { device: DEVICE_B }), 10)).toEqual([]);
  });

  it('reversals that break a rule of their own, and flags of a reversed entry leave the report', () => {
    const { b, s, apply } = setup();
    apply(join(b, M1, '001'));
    const deposit = b.make('savings.deposited', '2026-01-02', { memberId: M1, kind: 'sukarela', amount: 50_000, via: 'cash' });
    apply(deposit);
    const overdraw = b.make('savings.withdrawn', '2026-01-03', { memberId: M1, kind: 'sukarela', amount: 80_000, via: 'cash' });
    expect(apply(overdraw)).toEqual(['savings-overdrawn']);
    expect(flagsReport(s).flags.map((f) => f.entryId)).toEqual([overdraw.id]);
    expect(apply(b.reverse(overdraw, '2026-01-04'))).toEqual([]);
    expect(flagsReport(s).flags).toEqual([]);
    // Taking the deposit back now would overdraw it.
    apply(b.make('savings.withdrawn', '2026-01-05', { memberId: M1, kind: 'sukarela', amount: 30_000, via: 'cash' }));
    expect(apply(b.reverse(deposit, '2026-01-06'))).toEqual(['savings-overdrawn']);
    const disbursal = loan(b, M1);
    apply(disbursal);
    apply(b.make('loan.repaid', '2026-03-01', { loanId: L1, memberId: M1, principal: 100_000, interest: 12_000, fine: 0, via: 'cash' }));
    expect(apply(b.reverse(disbursal, '2026-03-02'))).toEqual(['loan-has-repayments']);
    const joined = join(b, M2, '002');
    apply(joined);
    apply(b.make('savings.deposited', '2026-01-02', { memberId: M2, kind: 'pokok', amount: 50_000, via: 'cash' }));
    expect(apply(b.reverse(joined, '2026-01-07'))).toEqual(['member-has-activity']);
  });

  it('a reversal of a closed year’s entry is flagged at the original’s date', () => {
    const { b, apply } = setup();
    const sale = b.make('cash.received', '2025-06-01', { account: '4-190', amount: 1_000_000, via: 'cash', memo: 'Sewa tenda' });
    apply(sale);
    apply(b.make('year.closed', '2026-01-15', { year: 2025, shu: 1_000_000, funds: [{ fund: 'cadangan', amount: 1_000_000 }], members: [] }));
    expect(apply(b.reverse(sale, '2026-02-01'))).toEqual(['date-in-closed-year']);
  });

  it('invalid reversals (normally rejected upstream) are flagged and post their own lines', () => {
    const { b, s, apply } = setup();
    const sale = b.make('cash.received', '2026-06-01', { account: '4-190', amount: 1_000, via: 'cash', memo: 'Lain-lain' });
    const first = b.reverse(sale, '2026-06-02');
    // The target never reached this ledger.
    expect(apply(first)).toEqual(['reversal-invalid']);
    expect(s.accounts.get('1-101')).toEqual({ code: '1-101', debit: 0, credit: 1_000 });
  });

  it('flag rows carry what the review screen shows', () => {
    const { b, s } = setup();
    const orphan = b.make('loan.repaid', '2026-02-10', { loanId: L1, memberId: M1, principal: 100_000, interest: 0, fine: 0, via: 'cash' });
    const result = applyEntry(s, orphan);
    expect(result.touched.flags).toEqual([`${orphan.id}|loan-unknown`]);
    expect(flagsReport(s).flags).toEqual([
      { entryId: orphan.id, reason: 'loan-unknown', type: 'loan.repaid', date: '2026-02-10', deviceId: DEVICE_A, memberId: M1, loanId: L1, details: { loanId: L1 } },
    ]);
  });
});
