/**
 * Folding on slices of the stored ledger (src/db/ledger-slices.ts): every save, pull and
 * acknowledgement that finds no current in-memory copy reads only the rows it needs. The rows it
 * writes must be exactly those a fold over the whole ledger writes — checked here against a rebuild
 * from the entries, over every kind of entry and every flag that reads more than one row.
 */
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { EntryDraft } from '../../src/db/append-entry.ts';
import { appendEntry } from '../../src/db/append-entry.ts';
import { LumbungDb } from '../../src/db/database.ts';
import { ingestPulled } from '../../src/db/ingest.ts';
import { LedgerSlices } from '../../src/db/ledger-slices.ts';
import { readProjectionMark, writeMeta } from '../../src/db/meta.ts';
import { markAcked } from '../../src/db/outbox.ts';
import {
  askLedger,
  currentLedger,
  dropLedgerCache,
  PROJECTION_FORMAT,
  projectionSnapshot,
  rebuildProjections,
} from '../../src/db/projections.ts';
import { applyEntry, previewFlags, type Flag, type LedgerState } from '../../src/domain/ledger/index.ts';
import { rupiah } from '../../src/domain/money.ts';
import type { EntryId, MemberId } from '../../src/domain/ids.ts';
import { RemoteDevice } from './remote.ts';
import { deposit, disburse, enrolledPhone, expense, join, newLoanId, newMemberId, repay, reversal, sale, save, withdraw } from './support.ts';

const ACTOR = 'Bu Siti';

/** Saves with no in-memory copy of the ledger, so the fold runs on slices; returns the entry and its flags. */
async function saveCold(db: Awaited<ReturnType<typeof enrolledPhone>>, draft: EntryDraft): Promise<{ id: EntryId; flags: Flag[] }> {
  dropLedgerCache(db);
  const result = await appendEntry(db, draft, { locks: null });
  if (!result.ok) throw new Error(`save failed: ${result.error} ${JSON.stringify(result.details)}`);
  return { id: result.value.entry.id, flags: result.value.flags };
}

const reasons = (flags: readonly Flag[]): string[] => flags.map((f) => f.reason).sort();

const edit = (memberId: MemberId, name: string): EntryDraft => ({
  type: 'member.updated',
  data: { memberId, changes: { name }, seenCursor: '' },
  date: '2026-11-15',
  actor: ACTOR,
});

describe('folding on slices of the stored ledger', () => {
  it('every kind of entry, each saved with no ledger in memory, writes the rows a rebuild from the entries writes', { timeout: 60_000 }, async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const [siti, budi, rina, joko] = [newMemberId(), newMemberId(), newMemberId(), newMemberId()];
    const [loanA, loanB] = [newLoanId(), newLoanId()];

    expect(reasons((await saveCold(db, join(siti, 'A-001', 'Siti Aminah'))).flags)).toEqual([]);
    await saveCold(db, join(budi, 'A-002', 'Budi Santoso'));
    // The member-number index is read from the members' lifted number column.
    expect(reasons((await saveCold(db, join(rina, 'A-002', 'Rina Marlina'))).flags)).toEqual(['member-number-taken']);
    await saveCold(db, edit(siti, 'Siti Aminah Lubis'));
    await saveCold(db, deposit(siti, 'pokok', 100_000));
    await saveCold(db, deposit(siti, 'wajib', 25_000, '2026-11-04'));
    const budiPokok = await saveCold(db, deposit(budi, 'pokok', 100_000, '2026-11-03', 'bank'));
    expect(reasons((await saveCold(db, withdraw(budi, 'sukarela', 10_000))).flags)).toEqual(['savings-overdrawn']);
    await saveCold(db, disburse(loanA, siti, 2_000_000));
    await saveCold(db, repay(loanA, siti, 200_000, 30_000));
    expect(reasons((await saveCold(db, repay(loanB, budi, 50_000, 0))).flags)).toEqual(['loan-unknown']);
    await saveCold(db, sale(75_000, budi));
    await saveCold(db, expense(40_000, 'ATK dan fotokopi'));
    await saveCold(db, { type: 'cash.transferred', data: { from: 'cash', to: 'bank', amount: rupiah(50_000) }, date: '2026-11-16', actor: ACTOR });
    await saveCold(db, { type: 'account.added', data: { code: '5-190', name: 'Biaya rapat', type: 'expense' }, date: '2026-11-01', actor: ACTOR });
    await saveCold(db, { type: 'settings.changed', data: { key: 'simpananWajib', value: 30_000 }, date: '2026-11-01', actor: ACTOR });
    // A departure walks the loans (open loan); the reversal of a join with activity walks them too.
    expect(reasons((await saveCold(db, { type: 'member.left', data: { memberId: siti, leftOn: '2026-11-28' }, date: '2026-11-28', actor: ACTOR })).flags)).toEqual([
      'member-left-with-open-loan',
    ]);
    expect(reasons((await saveCold(db, reversal(budiPokok.id))).flags)).toEqual([]);
    const sitiJoin = (await db.entries.where('type').equals('member.joined').toArray()).find((r) => r.entry.type === 'member.joined' && r.entry.data.memberId === siti);
    if (sitiJoin === undefined) throw new Error('no join of Siti');
    expect(reasons((await saveCold(db, reversal(sitiJoin.id))).flags)).toEqual(['member-has-activity']);
    // A year close walks the chart and the account totals; a later entry dated in that year reads the closed years.
    const closed = await saveCold(db, { type: 'year.closed', data: { year: 2025, shu: rupiah(0), funds: [], members: [] }, date: '2026-01-10', actor: ACTOR });
    expect(reasons(closed.flags)).toEqual([]);
    expect(reasons((await saveCold(db, expense(5_000, 'Materai', '2025-12-30'))).flags)).toEqual(['date-in-closed-year']);
    // Pulled pages and acknowledgements fold on slices as well.
    dropLedgerCache(db);
    const pulled = await ingestPulled(db, {
      entries: [await other.sign(join(joko, 'A-004', 'Joko')), await other.sign(deposit(joko, 'wajib', 25_000, '2026-12-01')), await other.sign(edit(rina, 'Rina M.'))],
      cursor: 'Mw',
      serverSeqs: [31, 32, 33],
    });
    expect(pulled.ok).toBe(true);
    dropLedgerCache(db);
    const ownEdit = (await db.entries.where('type').equals('member.updated').toArray()).find((r) => r.deviceId !== other.deviceId);
    if (ownEdit === undefined) throw new Error('no own edit');
    await markAcked(db, [{ id: ownEdit.id, status: 'accepted', serverSeq: 40 }]);

    const incremental = await projectionSnapshot(db);
    dropLedgerCache(db);
    await rebuildProjections(db);
    expect(await projectionSnapshot(db)).toEqual(incremental);
    const ledger = await currentLedger(db);
    expect(ledger.members.get(rina)?.profile?.name).toBe('Rina M.');
    expect(ledger.members.get(siti)?.profile).toBeNull(); // her join was reversed; her savings stay
    expect(ledger.members.get(siti)?.savings).toEqual({ pokok: 100_000, wajib: 25_000, sukarela: 0 });
  });

  it('a save on slices reads the few rows it touches, not the history', { timeout: 60_000 }, async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const members = Array.from({ length: 40 }, () => newMemberId());
    const history: Awaited<ReturnType<RemoteDevice['sign']>>[] = [];
    for (const [i, m] of members.entries()) {
      history.push(await other.sign(join(m, `H-${String(i).padStart(3, '0')}`, `Anggota ${String(i)}`)));
      history.push(await other.sign(deposit(m, 'pokok', 100_000, '2026-11-03')));
      history.push(await other.sign(deposit(m, 'wajib', 25_000, `2026-11-${String(4 + (i % 20)).padStart(2, '0')}`)));
    }
    expect((await ingestPulled(db, { entries: history, cursor: 'MTIw' })).ok).toBe(true);
    const stored = await db.projections.count();
    const entry = await other.sign(deposit(members[7] ?? newMemberId(), 'sukarela', 15_000, '2026-11-30'));

    const slices = new LedgerSlices(db);
    const flags = await db.transaction('rw', db.projections, db.meta, async () => (await slices.fold((state: LedgerState) => applyEntry(state, entry))).result.flags);
    expect(flags).toEqual([]);
    // The member, three member periods, two accounts with three periods each, the entry's own index
    // key and cash move, the closed years: a couple of dozen rows at most, of the hundreds stored.
    expect(slices.stats.rowsRead).toBeLessThan(25);
    expect(slices.stats.rowsRead * 10).toBeLessThan(stored);
    expect(slices.stats.rounds).toBeLessThanOrEqual(3);
  });

  it('consecutive saves start from the rows the last one left, and still equal a rebuild when another handle wrote between them', { timeout: 60_000 }, async () => {
    const name = `lumbung-warm-${crypto.randomUUID()}`;
    const db = await enrolledPhone(name);
    const worker = new LumbungDb(name);
    const other = await RemoteDevice.create();
    const [siti, budi] = [newMemberId(), newMemberId()];
    dropLedgerCache(db);
    await save(db, join(siti, 'W-001', 'Siti'));
    await save(db, deposit(siti, 'wajib', 25_000));
    await save(db, sale(10_000, siti));
    // The service worker pulls (another handle): the rows kept by the page are stale and not used.
    expect((await ingestPulled(worker, { entries: [await other.sign(join(budi, 'W-001', 'Budi')), await other.sign(deposit(siti, 'wajib', 5_000))], cursor: 'Mg' })).ok).toBe(true);
    await save(db, deposit(siti, 'wajib', 25_000, '2026-11-05'));
    await save(db, sale(12_000, siti));
    const incremental = await projectionSnapshot(db);
    dropLedgerCache(db);
    await rebuildProjections(db);
    expect(await projectionSnapshot(db)).toEqual(incremental);
    expect((await currentLedger(db)).members.get(siti)?.savings.wajib).toBe(55_000);
  });

  it('slices carried to the next transaction read nothing for a save like the last one', { timeout: 30_000 }, async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const member = newMemberId();
    expect((await ingestPulled(db, { entries: [await other.sign(join(member, 'C-001', 'Cici')), await other.sign(deposit(member, 'pokok', 100_000))], cursor: 'Mg' })).ok).toBe(true);
    const first = new LedgerSlices(db);
    const entryA = await other.sign(sale(10_000, member));
    const entryB = await other.sign(sale(11_000, member));
    await db.transaction('rw', db.projections, async () => {
      first.absent('entries', [entryA.id]);
      await first.fold((state) => applyEntry(state, entryA));
    });
    const next = first.successor();
    next.absent('entries', [entryB.id]);
    await db.transaction('r', db.projections, async () => next.fold((state) => applyEntry(state, entryB)));
    expect(first.stats.rowsRead).toBeGreaterThan(0);
    expect(next.stats).toEqual({ rounds: 1, rowsRead: 0 });
    // What is carried does not grow save by save: the rows of each entry (index row, cash move) stay behind.
    expect(next.successor().size).toBe(first.successor().size);
  });

  it('askLedger answers a preview from slices exactly as from the whole ledger', { timeout: 30_000 }, async () => {
    const db = await enrolledPhone();
    const siti = newMemberId();
    const loan = newLoanId();
    await saveCold(db, join(siti, 'P-001', 'Siti'));
    await saveCold(db, disburse(loan, siti, 1_000_000));
    await saveCold(db, repay(loan, siti, 100_000, 15_000));
    const candidate = await (await RemoteDevice.create()).sign(repay(loan, siti, 950_000, 0, '2026-12-20'));
    dropLedgerCache(db);
    const fromSlices = await askLedger(db, (state) => previewFlags(state, candidate));
    const fromWhole = previewFlags(await currentLedger(db), candidate);
    expect(reasons(fromSlices)).toEqual(['repayment-exceeds-outstanding']);
    expect(fromSlices).toEqual(fromWhole);
  });

  it('a live query that finds rows of an older format rebuilds them outside the live query instead of failing', { timeout: 30_000 }, async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await saveCold(db, join(member, 'L-001', 'Lastri'));
    await saveCold(db, deposit(member, 'wajib', 25_000));
    const good = await projectionSnapshot(db);
    await db.projections.clear();
    await writeMeta(db, 'projection', { ...(await readProjectionMark(db)), format: PROJECTION_FORMAT + 1 });
    dropLedgerCache(db);
    const wajib = await new Promise<number | undefined>((resolve, reject) => {
      const subscription = liveQuery(async () => (await currentLedger(db)).members.get(member)?.savings.wajib).subscribe({
        next: (value) => {
          subscription.unsubscribe();
          resolve(value);
        },
        error: reject,
      });
    });
    expect(wajib).toBe(25_000);
    expect(await projectionSnapshot(db)).toEqual(good);
    expect((await readProjectionMark(db)).format).toBe(PROJECTION_FORMAT);
  });
});
