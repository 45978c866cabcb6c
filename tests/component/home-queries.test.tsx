/**
 * Beranda's whole-table reads go page by page (home-queries.ts `eachPage`, so a save tapped
 * meanwhile waits for one page): every row is still counted once, across page boundaries, and no
 * row of a neighbouring table is.
 */
import { describe, expect, it } from 'vitest';
import { LumbungDb } from '../../src/db/database.ts';
import type { MemberRow } from '../../src/domain/ledger/index.ts';
import { rupiah } from '../../src/domain/money.ts';
import { readWajibUnpaid } from '../../src/features/home/home-queries.ts';

const member = (i: number, paid: number): MemberRow => ({
  memberId: `m-${String(i).padStart(4, '0')}`,
  joins: [],
  edits: [],
  departures: [],
  profile: { number: `A-${String(i)}`, name: `Anggota ${String(i)}` } as MemberRow['profile'],
  joinedOn: '2025-01-02',
  leftOn: null,
  status: i % 10 === 0 ? 'left' : 'active',
  savings: { pokok: rupiah(0), wajib: rupiah(paid), sukarela: rupiah(0) },
  savingsEntries: 1,
  wajibByMonth: paid > 0 ? { '2026-03': rupiah(paid) } : {},
  lastWajibMonth: paid > 0 ? '2026-03' : null,
});

describe('Beranda reads', () => {
  it('counts every member across pages of the members table, and nothing of the tables beside it', async () => {
    const db = new LumbungDb(`lumbung-home-${crypto.randomUUID()}`);
    // 1 001 members: four full pages and one row; a third of them paid this month's wajib.
    const members = Array.from({ length: 1_001 }, (_, i) => member(i, i % 3 === 0 ? 20_000 : 0));
    await db.projections.bulkPut([
      ...members.map((v) => ({ t: 'members', k: v.memberId, v })),
      { t: 'memberPeriods', k: 'm|2026-03|m-0001', v: {} },
      { t: 'loans', k: 'l-1', v: {} },
      { t: 'members', k: '', v: member(9_999, 0) },
    ]);
    const result = await readWajibUnpaid(db, '2026-03', rupiah(20_000));
    const all = [...members, member(9_999, 0)];
    const active = all.filter((m) => m.status === 'active');
    expect(result).toEqual({ active: active.length, count: active.filter((m) => m.savings.wajib < 20_000).length });
    expect(result.active).toBe(901);
    // Once the screen is gone the reads stop at the next page, rather than go on to the end.
    let asked = 0;
    await expect(readWajibUnpaid(db, '2026-03', rupiah(20_000), () => ++asked <= 1)).rejects.toMatchObject({ name: 'AbortError' });
    expect(asked).toBe(2);
    db.close();
  });
});
