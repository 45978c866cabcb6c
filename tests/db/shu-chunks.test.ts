/**
 * The SHU read model on a phone (src/db/shu-chunk-rows.ts, shu-inputs.ts): the SHU the screens
 * compute from the column chunks equals `shuReport` on the whole ledger (what the server answers),
 * for years with and without movement, before and after saves and pulls that follow the first
 * open; the chunks saves keep equal the chunks a rebuild writes; and a store of an older
 * projection format (no chunks) is rebuilt before it is read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryDraft } from '../../src/db/append-entry.ts';
import { ingestPulled } from '../../src/db/ingest.ts';
import { readProjectionMark, writeMeta } from '../../src/db/meta.ts';
import { currentLedger, dropLedgerCache, PROJECTION_FORMAT, projectionSnapshot, rebuildProjections } from '../../src/db/projections.ts';
import { SHU_CHUNKS } from '../../src/db/shu-chunk-rows.ts';
import { readShuInputs } from '../../src/db/shu-inputs.ts';
import type { MemberId } from '../../src/domain/ids.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import { labelsFromChunks, memberBasesFromChunks } from '../../src/domain/reports/shu-chunks.ts';
import { shuReport, shuReportFromBases } from '../../src/domain/reports/shu.ts';
import { memberLabel } from '../../src/features/reports/member-label.ts';
import { saveBooks2023To2025 } from './books-2023-2025.ts';
import { RemoteDevice } from './remote.ts';
import { deposit, enrolledPhone, join, newMemberId, reversal, sale, save, withdraw } from './support.ts';

const YEARS = [2022, 2023, 2024, 2025, 2026, 2027];

/** The SHU of `year` and the labels as the SHU screen gets them from the chunks. */
async function fromChunks(db: LumbungDb, year: number) {
  const inputs = await readShuInputs(db);
  const labels = labelsFromChunks(inputs.chunks);
  return { report: shuReportFromBases(inputs.state, year, memberBasesFromChunks(inputs.chunks, year)), labels };
}

/** Every year's SHU and every member's label from the chunks equal shuReport and memberLabel on the whole ledger. */
async function expectChunksToMatchTheWholeLedger(db: LumbungDb): Promise<void> {
  const got = [];
  for (const year of YEARS) got.push(await fromChunks(db, year));
  const whole = await currentLedger(db); // every table, as the server folds them
  expect(got.map((g) => g.report)).toEqual(YEARS.map((year) => shuReport(whole, year)));
  const labels = got[0]?.labels ?? new Map<string, string>();
  for (const member of whole.members.values()) expect(labels.get(member.memberId) ?? '?').toBe(memberLabel(whole, member.memberId, '?'));
  expect(labels.size).toBe([...whole.members.values()].filter((m) => m.profile !== null).length);
}

const chunkRows = async (db: LumbungDb) => (await projectionSnapshot(db)).filter((row) => row.t === SHU_CHUNKS);

describe('SHU from the phone’s column chunks', () => {
  it('equals shuReport on the whole ledger, in rupiah, before and after saves and a pull that follow the first open', { timeout: 60_000 }, async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const tini = newMemberId();
    const { siti, budi, stranger } = await saveBooks2023To2025(db);

    dropLedgerCache(db); // unlock: nothing in memory
    const first = await fromChunks(db, 2025);
    const bases = (report: ReturnType<typeof shuReport>) => Object.fromEntries(report.members.map((m) => [m.memberId, [m.capitalBasis, m.patronageBasis]]));
    expect(bases(first.report)).toEqual({ [siti]: [125_000, 40_000], [budi]: [0, 15_000], [stranger]: [0, 10_000] });
    expect(first.report.shu).toBe(40_000 + 10_000 + 15_000 + 10_000 - 5_000); // sales, interest, the loan's admin fee, less ATK
    expect(first.labels.get(siti)).toBe('S-001 Siti');
    await expectChunksToMatchTheWholeLedger(db);

    // Saves after the first open: a new member, a back-dated deposit into 2025, a name edit, a
    // withdrawal in another year, a reversal of a 2025 sale, and a pulled entry dated 2027.
    await save(db, join(tini, 'S-003', 'Tini', '2026-01-05'));
    await save(db, deposit(tini, 'pokok', 100_000, '2026-01-05'));
    await save(db, withdraw(siti, 'wajib', 25_000, '2026-03-01'));
    const late = await save(db, sale(7_000, tini, '2026-11-20'));
    await save(db, deposit(siti, 'wajib', 50_000, '2025-12-31'));
    await save(db, { type: 'member.updated', data: { memberId: siti, changes: { name: 'Siti Aminah' }, seenCursor: '' }, date: '2026-11-21', actor: 'Bu Siti' });
    await save(db, reversal(late.id));
    expect((await ingestPulled(db, { entries: [await other.sign(deposit(tini, 'wajib', 5_000, '2027-01-02'))], cursor: 'Mw' })).ok).toBe(true);

    const after = await fromChunks(db, 2025);
    expect(bases(after.report)).toEqual({ [siti]: [175_000, 40_000], [budi]: [0, 15_000], [stranger]: [0, 10_000] });
    expect(after.labels.get(siti)).toBe('S-001 Siti Aminah');
    expect(bases((await fromChunks(db, 2026)).report)).toEqual({ [siti]: [150_000, 0], [tini]: [100_000, 0] });
    await expectChunksToMatchTheWholeLedger(db);

    // The chunks the saves kept are the chunks a rebuild writes, row for row.
    const kept = await chunkRows(db);
    expect(kept.length).toBeGreaterThan(0);
    await rebuildProjections(db);
    expect(await chunkRows(db)).toEqual(kept);
  });

  it('rebuilds a store of an older projection format (no chunks) before the SHU reads it', { timeout: 30_000 }, async () => {
    const db = await enrolledPhone();
    const siti = newMemberId();
    await save(db, join(siti, 'S-001', 'Siti', '2024-02-01'));
    await save(db, deposit(siti, 'wajib', 30_000, '2024-02-01'));
    await save(db, sale(12_000, siti, '2025-02-01'));
    // What a phone of an earlier release holds: the ledger's rows, no chunk rows, an older format.
    const chunkKeys = (await chunkRows(db)).map((row): [string, string] => [row.t, row.k]);
    expect(chunkKeys.length).toBe(1); // Siti's chunk: her label, her 2024 and 2025 bases
    await db.projections.bulkDelete(chunkKeys);
    await writeMeta(db, 'projection', { ...(await readProjectionMark(db)), format: PROJECTION_FORMAT - 1 });
    dropLedgerCache(db);

    const { report, labels } = await fromChunks(db, 2025);
    expect(report.members.map((m) => [m.memberId, m.capitalBasis, m.patronageBasis])).toEqual([[siti, 30_000, 12_000]]);
    expect(labels.get(siti)).toBe('S-001 Siti');
    expect((await readProjectionMark(db)).format).toBe(PROJECTION_FORMAT);
    expect((await chunkRows(db)).length).toBe(1);
    await expectChunksToMatchTheWholeLedger(db);
  });

  it('on random saves across years (joins, deposits, withdrawals, sales, departures, reversals) equals shuReport', { timeout: 120_000 }, async () => {
    const step = fc.record({
      t: fc.constantFrom('join', 'deposit', 'withdraw', 'sale', 'leave', 'reverse'),
      member: fc.integer({ min: 0, max: 5 }),
      amount: fc.integer({ min: 1, max: 500_000 }),
      day: fc.integer({ min: 0, max: 4 * 365 }),
      pick: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps) => {
        const db = await enrolledPhone();
        const members: MemberId[] = Array.from({ length: 6 }, () => newMemberId());
        const saved: string[] = [];
        const reversed = new Set<string>();
        for (const s of steps) {
          const date = new Date(Date.UTC(2023, 0, 1) + s.day * 86_400_000).toISOString().slice(0, 10);
          const memberId = members[s.member] ?? members[0] ?? newMemberId();
          let draft: EntryDraft | undefined;
          switch (s.t) {
            case 'join':
              draft = join(memberId, `A-${String(s.member)}`, `Anggota ${String(s.member)}`, date);
              break;
            case 'deposit':
              draft = deposit(memberId, s.amount % 2 === 0 ? 'pokok' : 'wajib', s.amount, date);
              break;
            case 'withdraw':
              draft = withdraw(memberId, 'wajib', s.amount, date);
              break;
            case 'sale':
              draft = sale(s.amount, memberId, date);
              break;
            case 'leave':
              draft = { type: 'member.left', data: { memberId, leftOn: date }, date, actor: 'Bu Siti' };
              break;
            case 'reverse': {
              const open = saved.filter((id) => !reversed.has(id));
              const target = open[s.pick % Math.max(open.length, 1)];
              if (target === undefined) break;
              reversed.add(target);
              draft = reversal(target as Parameters<typeof reversal>[0]);
              break;
            }
          }
          if (draft === undefined) continue;
          const entry = await save(db, draft);
          if (s.t !== 'reverse') saved.push(entry.id);
          if (s.pick % 5 === 0) await fromChunks(db, 2024); // a first open between saves
        }
        await expectChunksToMatchTheWholeLedger(db);
        const kept = await chunkRows(db);
        await rebuildProjections(db);
        expect(await chunkRows(db)).toEqual(kept);
        db.close();
      }),
      { numRuns: 25 },
    );
  });
});
