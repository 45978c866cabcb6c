import { describe, expect, it } from 'vitest';
import { ingestPulled } from '../../src/db/ingest.ts';
import {
  currentLedger,
  dropLedgerCache,
  PROJECTION_FORMAT,
  projectionSnapshot,
  rebuildProjections,
} from '../../src/db/projections.ts';
import { readProjectionMark, writeMeta } from '../../src/db/meta.ts';
import { LumbungDb } from '../../src/db/database.ts';
import { foldEntries, ledgerTables, type LedgerState } from '../../src/domain/ledger/index.ts';
import { deposit, disburse, enrolledPhone, expense, join, newLoanId, newMemberId, repay, reversal, sale, save, withdraw } from './support.ts';
import { RemoteDevice } from './remote.ts';

/** Each table's rows in a fixed order: Map insertion order differs between a fold and a load. */
function sortedTables(state: LedgerState): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(ledgerTables(state)).map(([t, rows]) => [t, (rows as unknown[]).map((r) => JSON.stringify(r)).sort()]),
  );
}

describe('projections', () => {
  it('incremental folds (own saves + pulled pages + reversals) equal a rebuild from the entries', async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const [siti, budi, rina] = [newMemberId(), newMemberId(), newMemberId()];
    const loan = newLoanId();
    await save(db, join(siti, 'A-001', 'Siti Aminah'));
    await save(db, deposit(siti, 'pokok', 100_000));
    await save(db, deposit(siti, 'wajib', 25_000, '2026-11-04'));
    await ingestPulled(db, {
      entries: [
        await other.sign(join(budi, 'A-002', 'Budi Santoso')),
        await other.sign(deposit(budi, 'pokok', 100_000, '2026-11-03', 'bank')),
        await other.sign(join(rina, 'A-002', 'Rina Marlina')), // number taken: flagged
      ],
      cursor: 'Mw',
    });
    await save(db, disburse(loan, siti, 2_000_000));
    await save(db, repay(loan, siti, 200_000, 30_000));
    const wrongSale = await save(db, sale(75_000, budi));
    await save(db, expense(40_000, 'ATK dan fotokopi'));
    await save(db, withdraw(budi, 'sukarela', 10_000)); // overdraft: flagged
    await save(db, reversal(wrongSale.id));
    await ingestPulled(db, { entries: [await other.sign(deposit(rina, 'wajib', 25_000, '2026-12-01'))], cursor: 'NA' });

    const incremental = await projectionSnapshot(db);
    const markBefore = await readProjectionMark(db);
    expect(markBefore.order).toBe(13);
    dropLedgerCache(db);
    const rebuilt = await rebuildProjections(db);
    expect(await projectionSnapshot(db)).toEqual(incremental);
    expect(await readProjectionMark(db)).toEqual({ order: 13, generation: markBefore.generation + 1, format: PROJECTION_FORMAT });

    // And the stored tables equal the domain's own pure fold of the same entries in the same order.
    const entries = (await db.entries.orderBy('order').toArray()).map((r) => r.entry);
    expect(sortedTables(rebuilt)).toEqual(sortedTables(foldEntries(entries)));

    // Spot-check real numbers: cash = Siti 100 000 + 25 000 − loan (2 000 000 − 20 000 fee) + repaid
    // 230 000 − ATK 40 000 − Budi 10 000 + Rina 25 000 (Budi's pokok went to the bank, the sale was reversed).
    const ledger = await currentLedger(db);
    const cash = ledger.accounts.get('1-101');
    expect((cash?.debit ?? 0) - (cash?.credit ?? 0)).toBe(100_000 + 25_000 - 1_980_000 + 230_000 - 40_000 - 10_000 + 25_000);
    expect(ledger.accounts.has('1-103')).toBe(false); // the reversed QRIS sale leaves no trace
    expect([...ledger.flags.values()].map((f) => f.reason).sort()).toEqual(['member-number-taken', 'savings-overdrawn']);
  });

  it('a restart (fresh handle) loads the same ledger from the tables', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'B-007', 'Joko Widodo'));
    await save(db, deposit(member, 'pokok', 100_000));
    const inMemory = sortedTables(await currentLedger(db));
    dropLedgerCache(db);
    expect(sortedTables(await currentLedger(db))).toEqual(inMemory);
  });

  it('rows of another projection format are rebuilt from the entries, not misread', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'F-001', 'Ponirah'));
    await save(db, deposit(member, 'wajib', 25_000));
    const good = await projectionSnapshot(db);
    // Simulate rows left by an older fold: wrong content, and a mark of format 0... then the app updates.
    await db.projections.clear();
    await db.projections.put({ t: 'members', k: member, v: { garbage: true } });
    const mark = await readProjectionMark(db);
    await writeMeta(db, 'projection', { ...mark, format: PROJECTION_FORMAT + 1 });
    dropLedgerCache(db);
    expect((await currentLedger(db)).members.get(member)?.savings.wajib).toBe(25_000);
    expect(await projectionSnapshot(db)).toEqual(good);
    expect((await readProjectionMark(db)).format).toBe(PROJECTION_FORMAT);
    // The same holds when the first use after the update is a save.
    await writeMeta(db, 'projection', { ...(await readProjectionMark(db)), format: PROJECTION_FORMAT + 1 });
    await db.projections.clear();
    dropLedgerCache(db);
    await save(db, deposit(member, 'wajib', 25_000, '2026-12-01'));
    expect((await currentLedger(db)).members.get(member)?.savings.wajib).toBe(50_000);
  });

  it('a handle whose copy fell behind (the service worker pulled) catches up and stays equal to a rebuild', async () => {
    const name = `lumbung-sw-${crypto.randomUUID()}`;
    const page = await enrolledPhone(name);
    const worker = new LumbungDb(name);
    const other = await RemoteDevice.create();
    const member = newMemberId();
    await save(page, join(member, 'G-001', 'Tukini'));
    await currentLedger(page); // the page's copy is warm
    const pulled = await ingestPulled(worker, {
      entries: [await other.sign(deposit(member, 'pokok', 100_000)), await other.sign(deposit(member, 'wajib', 25_000))],
      cursor: 'Mg',
    });
    expect(pulled.ok).toBe(true);
    expect((await currentLedger(page)).members.get(member)?.savings).toEqual({ pokok: 100_000, wajib: 25_000, sukarela: 0 });
    await ingestPulled(worker, { entries: [await other.sign(deposit(member, 'wajib', 25_000, '2026-11-05'))], cursor: 'Mw' });
    await save(page, deposit(member, 'sukarela', 10_000)); // folds on a caught-up copy inside the save
    const incremental = await projectionSnapshot(page);
    const afterSave = sortedTables(await currentLedger(page));
    const rebuilt = await rebuildProjections(page);
    expect(await projectionSnapshot(page)).toEqual(incremental);
    expect(sortedTables(rebuilt)).toEqual(afterSave);
    expect(rebuilt.members.get(member)?.savings).toEqual({ pokok: 100_000, wajib: 50_000, sukarela: 10_000 });
  });
});
