/**
 * The in-memory ledger of the screens, read table by table (src/db/ledger-tables.ts): a report reads
 * only the tables it names, a table it did not name fails loudly, and a copy of some tables follows
 * the saves folded on slices exactly — equal to reading the same tables afresh.
 */
import { describe, expect, it } from 'vitest';
import { ingestPulled } from '../../src/db/ingest.ts';
import { currentLedger, dropLedgerCache } from '../../src/db/projections.ts';
import type { LedgerState, TableName } from '../../src/domain/ledger/index.ts';
import { RemoteDevice } from './remote.ts';
import { deposit, disburse, enrolledPhone, join, newLoanId, newMemberId, repay, reversal, sale, save } from './support.ts';

const READ: readonly TableName[] = ['accounts', 'accountPeriods', 'chart', 'settings', 'closedYears', 'members', 'memberPeriods'];

/** What a reader of READ sees: the rows of those tables in a fixed order, and the derived index. */
function seen(state: LedgerState): unknown {
  const tables = Object.fromEntries(READ.map((t) => [t, [...(state[t] as ReadonlyMap<string, unknown>).entries()].map(([k, v]) => [k, JSON.stringify(v)]).sort()]));
  const numbers = [...state.index.memberNumbers].map(([n, ids]) => [n, [...ids].sort()]).sort();
  return { tables, numbers, firstYear: state.index.firstYear, lastYear: state.index.lastYear };
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
});
