/** The fold's bookkeeping: touched keys, lookups for the structural check, cursors, list-shaped reversals. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  decodeCursor,
  emptyLedger,
  encodeCursor,
  GENESIS_MARK,
  nextChainMark,
  parseCursor,
  positionOnly,
  foldEntries,
  ledgerAccountExists,
  ledgerFindEntry,
} from '../../src/domain/ledger/index.ts';
import { balanceSheet, incomeStatement, monthlySeries } from '../../src/domain/reports/index.ts';
import { Book, DEVICE_B, memberId } from './support/ledger-book.ts';

const M1 = memberId(1);

describe('applyEntry bookkeeping', () => {
  it('reports exactly the rows a deposit touched', () => {
    const b = new Book();
    const s = emptyLedger();
    applyEntry(s, b.make('member.joined', '2026-11-02', { memberId: M1, number: '001', name: 'Siti', joinedOn: '2026-11-02' }));
    const deposit = b.make('savings.deposited', '2026-11-29', { memberId: M1, kind: 'wajib', amount: 20_000, via: 'cash' });
    const { flags, touched } = applyEntry(s, deposit);
    expect(flags).toEqual([]);
    expect(touched).toEqual({
      accounts: ['1-101', '3-102'],
      accountPeriods: ['m|2026-11|1-101', 'd|2026-11-29|1-101', 'm|2026-11|3-102', 'd|2026-11-29|3-102'],
      chart: [],
      members: [M1],
      memberPeriods: [`m|2026-11|${M1}`],
      loans: [],
      settings: [],
      closedYears: [],
      entries: [deposit.id],
      cashMoves: [`2026-11-29|${deposit.id}`],
      flags: [],
    });
    expect(s.memberPeriods.get(`m|2026-11|${M1}`)).toMatchObject({ wajib: 20_000, pokok: 0, days: { '29': { pokok: 0, wajib: 20_000, sukarela: 0 } } });
    // The reversal touches the same rows and the target's index row; the emptied ones are gone.
    const reversal = b.reverse(deposit, '2026-11-30');
    const undone = applyEntry(s, reversal);
    expect(undone.touched.entries.sort()).toEqual([deposit.id, reversal.id].sort());
    expect(undone.touched.cashMoves).toEqual([`2026-11-29|${deposit.id}`]);
    expect(s.cashMoves.size).toBe(0);
    expect(s.accounts.size).toBe(0);
    expect(s.memberPeriods.size).toBe(0);
    expect(s.members.get(M1)).toMatchObject({ savings: { pokok: 0, wajib: 0, sukarela: 0 }, lastWajibMonth: null });
  });

  it('refuses to fold the same entry twice (idempotency belongs to the store)', () => {
    const b = new Book();
    const e = b.make('cash.paid', '2026-11-01', { account: '5-150', amount: 1_000, via: 'cash', memo: 'ATK' });
    expect(() => foldEntries([e, e])).toThrow(/already in the ledger/);
  });

  it('answers the structural check’s questions', () => {
    const b = new Book();
    const sale = b.make('cash.received', '2026-11-01', { account: '4-110', amount: 10_000, via: 'cash', memo: 'Jual' });
    const added = b.make('account.added', '2026-11-01', { code: '5-160', name: 'Beban penyusutan', type: 'expense' });
    const s = foldEntries([sale, added]);
    expect(ledgerAccountExists(s, '5-160')).toBe(true);
    expect(ledgerAccountExists(s, '5-161')).toBe(false);
    expect(ledgerFindEntry(s, sale.id)).toEqual({ type: 'cash.received', lines: sale.lines, reversedBy: undefined });
    const reversal = b.reverse(sale, '2026-11-02');
    applyEntry(s, reversal);
    expect(ledgerFindEntry(s, sale.id)?.reversedBy).toBe(reversal.id);
    expect(ledgerFindEntry(s, 'nope')).toBeUndefined();
    applyEntry(s, b.reverse(added, '2026-11-02'));
    expect(ledgerAccountExists(s, '5-160')).toBe(false);
  });

  it('reverses one contribution of a list: an older edit, a setting change, a year close, a departure', () => {
    const b = new Book();
    const s = emptyLedger();
    applyEntry(s, b.make('member.joined', '2026-01-02', { memberId: M1, number: '001', name: 'Siti', joinedOn: '2026-01-02' }));
    const first = b.make('member.updated', '2026-02-01', { memberId: M1, changes: { name: 'Siti Aminah', phone: '081234567890' }, seenCursor: '' });
    const second = b.make('member.updated', '2026-03-01', { memberId: M1, changes: { name: 'Bu Siti Aminah' }, seenCursor: '' });
    applyEntry(s, first);
    applyEntry(s, second);
    applyEntry(s, b.reverse(first, '2026-03-02'));
    // The newer name stays; the phone number only the reversed edit set is gone.
    expect(s.members.get(M1)?.profile).toEqual({ number: '001', name: 'Bu Siti Aminah', nik: null, phone: null, address: null });

    const lenient = b.make('settings.changed', '2026-01-01', { key: 'collectibility', value: { lancar: 30, kurang_lancar: 60, diragukan: 90 } });
    const strict = b.make('settings.changed', '2026-02-01', { key: 'collectibility', value: { lancar: 10, kurang_lancar: 20, diragukan: 30 } });
    applyEntry(s, lenient);
    applyEntry(s, strict);
    applyEntry(s, b.reverse(strict, '2026-02-02'));
    expect(s.settings.get('collectibility')?.value).toEqual({ lancar: 30, kurang_lancar: 60, diragukan: 90 });

    const close = b.make('year.closed', '2026-01-10', { year: 2025, shu: 0, funds: [], members: [] });
    applyEntry(s, close);
    expect(s.closedYears.has('2025')).toBe(true);
    applyEntry(s, b.reverse(close, '2026-01-11'));
    expect(s.closedYears.has('2025')).toBe(false);

    const left = b.make('member.left', '2026-06-30', { memberId: M1, leftOn: '2026-06-30' });
    applyEntry(s, left);
    expect(s.members.get(M1)).toMatchObject({ status: 'left', leftOn: '2026-06-30' });
    applyEntry(s, b.reverse(left, '2026-07-01'));
    expect(s.members.get(M1)).toMatchObject({ status: 'active', leftOn: null });
  });

  it('keeps the last wajib month paid, also across a reversal', () => {
    const b = new Book();
    const s = emptyLedger();
    const wajib = (date: string) => b.make('savings.deposited', date, { memberId: M1, kind: 'wajib', amount: 20_000, via: 'cash' });
    applyEntry(s, b.make('member.joined', '2026-01-02', { memberId: M1, number: '001', name: 'Siti', joinedOn: '2026-01-02' }));
    applyEntry(s, wajib('2026-01-05'));
    const march = wajib('2026-03-05');
    applyEntry(s, march);
    // A back-dated February payment does not move the latest month.
    applyEntry(s, wajib('2026-02-27'));
    expect(s.members.get(M1)?.lastWajibMonth).toBe('2026-03');
    applyEntry(s, b.reverse(march, '2026-03-06'));
    expect(s.members.get(M1)).toMatchObject({ lastWajibMonth: '2026-02', savings: { wajib: 40_000 } });
  });

  it('reads account periods for any date and range, across years', () => {
    const b = new Book();
    const entries = [
      b.make('cash.received', '2024-12-31', { account: '4-190', amount: 1_000, via: 'cash', memo: 'a' }),
      b.make('cash.received', '2025-01-01', { account: '4-190', amount: 20_000, via: 'cash', memo: 'b' }),
      b.make('cash.received', '2025-02-28', { account: '4-190', amount: 300_000, via: 'cash', memo: 'c' }),
      b.make('cash.received', '2025-03-01', { account: '4-190', amount: 4_000_000, via: 'cash', memo: 'd' }),
      b.make('cash.received', '2026-03-01', { account: '4-190', amount: 50_000_000, via: 'bank', memo: 'e' }),
    ];
    const s = foldEntries(entries);
    const cashOn = (d: string) => balanceSheet(s, d).accounts.find((a) => a.code === '1-101')?.balance;
    expect(cashOn('2024-12-30')).toBe(0);
    expect(cashOn('2024-12-31')).toBe(1_000);
    expect(cashOn('2025-02-27')).toBe(21_000);
    expect(cashOn('2025-02-28')).toBe(321_000);
    expect(cashOn('2025-12-31')).toBe(4_321_000);
    expect(incomeStatement(s, '2025-01-01', '2025-12-31').totalRevenue).toBe(4_320_000);
    expect(incomeStatement(s, '2024-12-31', '2025-02-28').totalRevenue).toBe(321_000);
    expect(incomeStatement(s, '2025-03-02', '2026-02-28').totalRevenue).toBe(0);
    expect(incomeStatement(s, '2020-01-01', '2030-12-31').totalRevenue).toBe(54_321_000);
  });

  it('monthly series refuses a reversed or overlong range', () => {
    const s = emptyLedger();
    expect(() => monthlySeries(s, '2026-12', '2026-01')).toThrow(RangeError);
    expect(() => monthlySeries(s, '2000-01', '2026-01')).toThrow(RangeError);
    expect(() => monthlySeries(s, '2026-13', '2026-12')).toThrow(RangeError);
    expect(monthlySeries(s, '2026-01', '2026-01')).toEqual([{ month: '2026-01', monthEnd: '2026-01-31', savings: 0, loansOutstanding: 0 }]);
  });
});

describe('cursor codec', () => {
  it('round-trips server sequence numbers and accepts plain decimals and the empty cursor', () => {
    for (const n of [0, 1, 42, 1_000_000, Number.MAX_SAFE_INTEGER]) expect(decodeCursor(encodeCursor(n))).toBe(n);
    expect(encodeCursor(42)).toBe('NDI');
    expect(decodeCursor('17')).toBe(17);
    expect(decodeCursor('')).toBe(0);
  });

  it('answers null for what it cannot read, so it never invents a conflict', () => {
    for (const bad of ['zz!', 'YWJj', '-1', '01', '9'.repeat(17), encodeCursor(1) + '=']) expect(decodeCursor(bad)).toBeNull();
  });

  it('carries the chain mark, and reads the unmarked cursors older servers wrote', () => {
    expect(parseCursor(encodeCursor(7, 'ab12cd34ef56'))).toEqual({ serverSeq: 7, mark: 'ab12cd34ef56' });
    expect(decodeCursor(encodeCursor(7, 'ab12cd34ef56'))).toBe(7);
    // Position 0 is before every entry: no mark, whatever is passed.
    expect(encodeCursor(0, 'ab12cd34ef56')).toBe(encodeCursor(0));
    expect(parseCursor(encodeCursor(7))).toEqual({ serverSeq: 7, mark: null });
    expect(parseCursor('7')).toEqual({ serverSeq: 7, mark: null });
    // What a seenCursor keeps: the position, readable by every version.
    expect(positionOnly(encodeCursor(7, 'ab12cd34ef56'))).toBe(encodeCursor(7));
    expect(positionOnly('not a cursor!')).toBe('not a cursor!');
    const text = (t: string) => Buffer.from(t).toString('base64url');
    // A mark of the wrong length or case, a mark at 0, or two marks: not our cursor.
    for (const bad of ['7.ab12', '7.AB12CD34EF56', '0.ab12cd34ef56', '7.ab12cd34ef56.ab12cd34ef56', '07.ab12cd34ef56']) {
      expect(parseCursor(text(bad))).toBeNull();
    }
  });

  it('chain marks follow every entry up to the cursor: the same entry after another history gives another mark', () => {
    const [h1, h2, h3] = ['1', '2', '3'].map((c) => c.repeat(64)) as [string, string, string];
    const m1 = nextChainMark(GENESIS_MARK, h1);
    // SHA-256 of the previous mark and the entry's hash as bytes, cut to 12 hex digits.
    expect(m1).toBe(createHash('sha256').update(Buffer.from(h1, 'hex')).digest('hex').slice(0, 12));
    const m2 = nextChainMark(m1, h2);
    expect(m2).toBe(createHash('sha256').update(Buffer.from(m1 + h2, 'hex')).digest('hex').slice(0, 12));
    expect(m2).toMatch(/^[0-9a-f]{12}$/);
    // Entry 3 after 1, 2 and after 1, 2' (a restored server that renumbered): different marks.
    expect(nextChainMark(m2, h3)).not.toBe(nextChainMark(nextChainMark(m1, 'f'.repeat(64)), h3));
  });

  it('the edit of a device that never pulled conflicts with any earlier edit by another device', () => {
    const b = new Book();
    const s = emptyLedger();
    applyEntry(s, b.make('member.joined', '2026-01-02', { memberId: M1, number: '001', name: 'Siti', joinedOn: '2026-01-02' }), { serverSeq: 1 });
    applyEntry(s, b.make('member.updated', '2026-01-03', { memberId: M1, changes: { name: 'Siti A' }, seenCursor: encodeCursor(1) }), { serverSeq: 2 });
    const late = b.make('member.updated', '2026-01-04', { memberId: M1, changes: { name: 'Siti B' }, seenCursor: '' }, { device: DEVICE_B });
    expect(applyEntry(s, late, { serverSeq: 3 }).flags.map((f) => f.reason)).toEqual(['member-edit-conflict']);
  });
});
