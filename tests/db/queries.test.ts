import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { currentLedger } from '../../src/db/projections.ts';
import {
  cashMovesBetween,
  entriesBetween,
  entriesOfMember,
  loansOfMember,
  memberById,
  allMembers,
  memberByNumber,
  recentEntries,
  searchMembers,
} from '../../src/db/queries.ts';
import { deposit, disburse, enrolledPhone, expense, join, newLoanId, newMemberId, save } from './support.ts';

describe('screen queries over the indexes', () => {
  it('finds members by any word prefix of the name or by number, case-insensitively', async () => {
    const db = await enrolledPhone();
    const siti = newMemberId();
    const sitiR = newMemberId();
    const budi = newMemberId();
    await save(db, join(siti, 'A-010', 'Siti Aminah'));
    await save(db, join(sitiR, 'A-011', 'Siti Rahayu'));
    await save(db, join(budi, 'B-200', 'Budi Aminudin'));
    const names = async (q: string) => (await searchMembers(db, q)).map((m) => m.profile?.name);
    expect(await names('sit')).toEqual(['Siti Aminah', 'Siti Rahayu']);
    expect((await names('AMIN')).sort()).toEqual(['Budi Aminudin', 'Siti Aminah']);
    expect(await names('siti r')).toEqual(['Siti Rahayu']);
    expect(await names('b-2')).toEqual(['Budi Aminudin']);
    expect(await names('')).toEqual(['Budi Aminudin', 'Siti Aminah', 'Siti Rahayu']);
    expect(await names('zzz')).toEqual([]);
    expect((await searchMembers(db, 'siti', 1)).length).toBe(1);
    expect((await memberByNumber(db, 'A-011'))?.memberId).toBe(sitiR);
    expect((await memberById(db, budi))?.profile?.number).toBe('B-200');
  });

  it('finds numbers by prefix as typed, upper- or lower-cased, in number order; reads every member row for the in-memory list', async () => {
    const db = await enrolledPhone();
    const [wagini, warsini, sumarni, parmi] = [newMemberId(), newMemberId(), newMemberId(), newMemberId()];
    await save(db, join(wagini, 'KB-12', 'Wagini'));
    await save(db, join(warsini, 'kb-11', 'Warsini'));
    await save(db, join(sumarni, 'KB-10', 'Sumarni'));
    await save(db, join(parmi, 'C-001', 'Parmi'));
    await save(db, disburse(newLoanId(), parmi, 500_000, '2026-11-05'));
    const numbers = async (q: string) => (await searchMembers(db, q)).map((m) => m.profile?.number);
    // No name word starts with "kb-1": the number ranges answer, upper-case first (index order).
    expect(await numbers('kb-1')).toEqual(['KB-10', 'KB-12', 'kb-11']);
    expect(await numbers('KB-11')).toEqual(['kb-11']);
    expect(await numbers('c-0')).toEqual(['C-001']);
    expect(await numbers('kb-1 ')).toEqual(['KB-10', 'KB-12', 'kb-11']);
    const all = await allMembers(db);
    expect(all.map((m) => m.memberId).sort()).toEqual([wagini, warsini, sumarni, parmi].sort());
  });

  it('lists a member\'s book, loans, a date range and the cash book range', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    const other = newMemberId();
    const loan = newLoanId();
    const j = await save(db, join(member, 'C-001', 'Wagiman', '2026-11-01'));
    await save(db, join(other, 'C-002', 'Parmi', '2026-11-01'));
    const d = await save(db, deposit(member, 'pokok', 100_000, '2026-11-03'));
    const l = await save(db, disburse(loan, member, 1_000_000, '2026-11-05'));
    const x = await save(db, expense(15_000, 'Listrik', '2026-11-10'));
    expect((await entriesOfMember(db, member)).map((r) => r.id)).toEqual([j.id, d.id, l.id]);
    expect((await loansOfMember(db, member)).map((r) => r.loanId)).toEqual([loan]);
    expect(await loansOfMember(db, other)).toEqual([]);
    expect((await entriesBetween(db, '2026-11-03', '2026-11-05')).map((r) => r.id)).toEqual([d.id, l.id]);
    expect((await recentEntries(db, 2)).map((r) => r.id)).toEqual([x.id, l.id]);
    const moves = await cashMovesBetween(db, '2026-11-04', '2026-11-10');
    expect(moves.map((m) => [m.date, m.entryId, m.legs])).toEqual([
      ['2026-11-05', l.id, [{ via: 'cash', in: 0, out: 990_000 }]],
      ['2026-11-10', x.id, [{ via: 'cash', in: 0, out: 15_000 }]],
    ]);
  });

  it('works inside liveQuery (as the screens use it) and re-runs after a save', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'E-001', 'Sutini'));
    const values: unknown[] = [];
    let notify: () => void = () => undefined;
    const next = () => new Promise<void>((resolve) => (notify = resolve));
    const first = next();
    const sub = liveQuery(async () => {
      const found = await searchMembers(db, 'sut');
      const book = await entriesOfMember(db, member);
      const ledger = await currentLedger(db);
      return [found.length, book.length, ledger.members.get(member)?.savings.pokok];
    }).subscribe({
      next: (v) => {
        values.push(v);
        notify();
      },
      error: (e: unknown) => {
        values.push(String(e));
        notify();
      },
    });
    await first;
    const second = next();
    await save(db, deposit(member, 'pokok', 100_000));
    await second;
    sub.unsubscribe();
    expect(values).toEqual([
      [1, 1, 0],
      [1, 2, 100_000],
    ]);
  });
});
