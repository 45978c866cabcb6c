/**
 * The in-memory ledger of the screens, read table by table (src/db/ledger-tables.ts): a report reads
 * only the tables it names, a table it did not name fails loudly, and a copy of some tables follows
 * the saves folded on slices exactly — equal to reading the same tables afresh.
 */
import { describe, expect, it } from 'vitest';
import { ingestPulled } from '../../src/db/ingest.ts';
import { PartialMap } from '../../src/db/ledger-tables.ts';
import { currentLedger, dropLedgerCache } from '../../src/db/projections.ts';
import type { LedgerState, TableName } from '../../src/domain/ledger/index.ts';
import { balanceSheet, incomeStatement, monthlySeries, shuReport } from '../../src/domain/reports/index.ts';
import { shuReads } from '../../src/domain/reports/shu.ts';
import { accountDaysFor } from '../../src/features/reports/account-days.ts';
import { saveBooks2023To2025 } from './books-2023-2025.ts';
import { RemoteDevice } from './remote.ts';
import { deposit, disburse, enrolledPhone, join, newLoanId, newMemberId, repay, reversal, sale, save, withdraw } from './support.ts';

const READ: readonly TableName[] = ['accounts', 'accountPeriods', 'chart', 'settings', 'closedYears', 'members', 'memberPeriods'];

/** The rows a table of a copy holds (a table read in part refuses a walk over it: its held rows). */
const heldRows = (table: ReadonlyMap<string, unknown>): [string, unknown][] => (table instanceof PartialMap ? table.heldRows() : [...table.entries()]);

/** What a reader of READ sees: the rows of those tables in a fixed order, and the derived index. */
function seen(state: LedgerState): unknown {
  const tables = Object.fromEntries(READ.map((t) => [t, heldRows(state[t]).map(([k, v]) => [k, JSON.stringify(v)]).sort()]));
  const numbers = [...state.index.memberNumbers].map(([n, ids]) => [n, [...ids].sort()]).sort();
  return { tables, numbers, firstYear: state.index.firstYear, lastYear: state.index.lastYear, lastDate: state.index.lastDate };
}

describe('the screens’ ledger, table by table', () => {
  it('reads only the tables named; another table throws instead of looking empty', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'T-001', 'Tini'));
    await save(db, deposit(member, 'pokok', 100_000));
    dropLedgerCache(db);
    const state = await currentLedger(db, ['members']);
    expect(state.members.get(member)?.savings.pokok).toBe(100_000);
    expect(state.accounts.get('1-101')?.debit).toBe(100_000); // account totals come with every reader
    expect(() => state.entries.get('x')).toThrow(/entries was not read/);
    expect(() => [...state.cashMoves.values()]).toThrow(/cashMoves was not read/);
    // Asking for more tables later adds them to the same copy.
    expect((await currentLedger(db, ['cashMoves'])).cashMoves.size).toBe(1);
    expect((await currentLedger(db)).entries.size).toBe(2);
  });

  it('reads one-key ranges (the flags report: one per flagged entry) beside spans, and answers inside them only', async () => {
    const db = await enrolledPhone();
    const [siti, budi] = [newMemberId(), newMemberId()];
    await save(db, join(siti, 'T-010', 'Siti'));
    const sitiDeposit = await save(db, deposit(siti, 'sukarela', 50_000, '2026-03-01'));
    await save(db, join(budi, 'T-011', 'Budi'));
    const budiDeposit = await save(db, deposit(budi, 'sukarela', 70_000, '2026-03-02'));
    dropLedgerCache(db);
    const one = (k: string) => ({ table: 'entries' as const, range: { from: k, below: `${k}\u0000` } });
    const missing = newMemberId(); // no entry has this id: inside the ranges read, it has no row
    const state = await currentLedger(db, [one(budiDeposit.id), one(missing), one(sitiDeposit.id), { table: 'cashMoves', range: { from: '2026-03-02|', below: '2026-03-02}' } }]);
    expect(state.entries.get(sitiDeposit.id)?.date).toBe('2026-03-01');
    expect(state.entries.get(budiDeposit.id)?.date).toBe('2026-03-02');
    expect(state.entries.get(missing)).toBeUndefined();
    expect(() => state.entries.get(`${sitiDeposit.id}0`)).toThrow(/outside the key ranges/);
    expect(() => state.entries.get(siti)).toThrow(/outside the key ranges/);
    expect(heldRows(state.cashMoves).map(([k]) => k)).toEqual([`2026-03-02|${budiDeposit.id}`]);
  });

  it('a copy of some tables follows saves and pulls folded on slices, equal to reading the tables afresh', { timeout: 30_000 }, async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const [siti, budi] = [newMemberId(), newMemberId()];
    const loan = newLoanId();
    await save(db, join(siti, 'S-001', 'Siti'));
    dropLedgerCache(db);
    await currentLedger(db, ['members', 'memberPeriods']); // a report is open: its tables are in memory

    await save(db, deposit(siti, 'wajib', 25_000, '2025-12-30'));
    await save(db, join(budi, 'S-002', 'Budi'));
    const wrong = await save(db, join(newMemberId(), 'S-002', 'Budi lagi')); // number taken
    await save(db, reversal(wrong.id)); // the number index gives the number back
    await save(db, disburse(loan, budi, 500_000));
    await save(db, repay(loan, budi, 50_000, 7_500));
    await save(db, sale(20_000, siti));
    expect((await ingestPulled(db, { entries: [await other.sign(deposit(budi, 'sukarela', 5_000, '2027-01-02'))], cursor: 'Mw' })).ok).toBe(true);

    const followed = seen(await currentLedger(db, ['members', 'memberPeriods']));
    dropLedgerCache(db);
    const fresh = seen(await currentLedger(db, ['members', 'memberPeriods']));
    expect(followed).toEqual(fresh);
    const state = await currentLedger(db, ['members', 'memberPeriods']);
    expect(state.index.memberNumbers.get('S-002')).toEqual(new Set([budi]));
    expect([state.index.firstYear, state.index.lastYear]).toEqual([2025, 2027]);
    expect(state.members.get(budi)?.savings.sukarela).toBe(5_000);
  });

  it('reports reading key ranges (SHU: member months from its year on; Neraca: month rows and one month of days) equal them on every row', { timeout: 60_000 }, async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const tini = newMemberId();
    const { siti, budi, stranger } = await saveBooks2023To2025(db);
    await save(db, join(tini, 'S-003', 'Tini', '2026-01-05'));
    await save(db, deposit(tini, 'pokok', 100_000, '2026-01-05'));
    await save(db, withdraw(siti, 'wajib', 25_000, '2026-03-01'));
    await save(db, sale(7_000, tini, '2026-11-20'));
    await save(db, deposit(siti, 'wajib', 50_000, '2025-12-31')); // back-dated into last year, saved late
    expect((await ingestPulled(db, { entries: [await other.sign(deposit(tini, 'wajib', 5_000, '2027-01-02'))], cursor: 'Mw' })).ok).toBe(true);

    const YEARS = [2022, 2023, 2024, 2025, 2026, 2027];
    const DATES = ['2022-12-31', '2023-03-04', '2023-12-31', '2024-07-15', '2025-06-29', '2025-06-30', '2026-11-29', '2027-01-01', '2027-12-31'];
    const inPart = async <T>(reads: Parameters<typeof currentLedger>[1], report: (state: LedgerState) => T): Promise<T> => {
      dropLedgerCache(db); // a first open after unlock: nothing else in memory
      return report(await currentLedger(db, reads));
    };
    const shu: ReturnType<typeof shuReport>[] = [];
    for (const y of YEARS) shu.push(await inPart(shuReads(y), (state) => shuReport(state, y)));
    const sheets: ReturnType<typeof balanceSheet>[] = [];
    for (const d of DATES) sheets.push(await inPart(accountDaysFor(d), (state) => balanceSheet(state, d)));
    const statement = await inPart(accountDaysFor('2023-03-04', '2025-06-29'), (state) => incomeStatement(state, '2023-03-04', '2025-06-29'));
    const series = await inPart([], (state) => monthlySeries(state, '2025-01', '2026-12'));

    dropLedgerCache(db);
    const whole = await currentLedger(db);
    expect(shu).toEqual(YEARS.map((y) => shuReport(whole, y)));
    expect(sheets).toEqual(DATES.map((d) => balanceSheet(whole, d)));
    expect(statement).toEqual(incomeStatement(whole, '2023-03-04', '2025-06-29'));
    expect(series).toEqual(monthlySeries(whole, '2025-01', '2026-12'));
    // Real numbers: 2025's capital is Siti's 100 000 pokok + 25 000 + 50 000 wajib (Budi withdrew and left
    // in June: none at year end), patronage her 40 000 of purchases, Budi's 15 000 of interest, and the stranger's 10 000.
    const bases = (y: number) => Object.fromEntries((shu[YEARS.indexOf(y)]?.members ?? []).map((m) => [m.memberId, [m.capitalBasis, m.patronageBasis]]));
    expect(bases(2025)).toEqual({ [siti]: [175_000, 40_000], [budi]: [0, 15_000], [stranger]: [0, 10_000] });
    expect(bases(2024)).toEqual({ [siti]: [125_000, 0], [budi]: [100_000, 0] });
    expect(bases(2026)).toEqual({ [siti]: [150_000, 0], [tini]: [100_000, 7_000] });
  });

  it('a copy read in part follows saves into and outside its ranges, equal to reading them afresh', { timeout: 30_000 }, async () => {
    const db = await enrolledPhone();
    const [siti, budi] = [newMemberId(), newMemberId()];
    await save(db, join(siti, 'S-001', 'Siti', '2024-03-01'));
    await save(db, deposit(siti, 'wajib', 25_000, '2024-03-01'));
    dropLedgerCache(db);
    const reads = [...shuReads(2025), ...accountDaysFor('2025-06-15')];
    await currentLedger(db, reads); // SHU 2025 and Neraca as of 15 June 2025 are open
    await save(db, deposit(siti, 'wajib', 25_000, '2024-12-31')); // before the ranges
    await save(db, join(budi, 'S-002', 'Budi', '2025-06-10'));
    await save(db, deposit(budi, 'pokok', 100_000, '2025-06-10')); // inside both
    await save(db, sale(30_000, budi, '2025-06-20'));
    await save(db, withdraw(siti, 'wajib', 10_000, '2026-02-01')); // after the year: capital backwards

    const followed = await currentLedger(db, reads);
    const report = (state: LedgerState) => ({ shu: shuReport(state, 2025), sheet: balanceSheet(state, '2025-06-15'), today: balanceSheet(state, '2026-11-29') });
    const kept = report(followed);
    const held = (state: LedgerState) => [heldRows(state.memberPeriods).map(([k]) => k).sort(), heldRows(state.accountPeriods).map(([k]) => k).sort(), state.index.lastDate];
    const heldThen = held(followed);
    dropLedgerCache(db);
    const fresh = await currentLedger(db, reads);
    expect(kept).toEqual(report(fresh));
    expect(heldThen).toEqual(held(fresh));
    expect(heldThen[0]).not.toContain(`m|2024-12|${siti}`); // rows outside the ranges stay unread
    expect(kept.shu.members.map((m) => [m.memberId, m.capitalBasis, m.patronageBasis]).sort()).toEqual([[siti, 50_000, 0], [budi, 100_000, 30_000]].sort());
  });
});
