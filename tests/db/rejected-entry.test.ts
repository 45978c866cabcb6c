/**
 * A rejected entry is not part of the books. Found by the seeded simulation (tests/sim, seed 6):
 * two phones reversed the same entry offline; the server rejected the second reversal
 * (`already-reversed`), yet that phone kept it folded, and after healing its balance sheet and
 * cash book disagreed with the server's by the reversed amount. The row stays (shown to the
 * treasurer with its reason); the projections leave it out, now and after any rebuild.
 */
import { describe, expect, it } from 'vitest';
import { markAcked, markRejected, rejectedEntries } from '../../src/db/outbox.ts';
import { currentLedger, dropLedgerCache, rebuildProjections } from '../../src/db/projections.ts';
import { runReport } from '../../src/domain/reports/index.ts';
import { deposit, enrolledPhone, join, newMemberId, save } from './support.ts';

async function cashAndSavings(db: Awaited<ReturnType<typeof enrolledPhone>>, memberId: string) {
  const state = await currentLedger(db);
  const sheet = runReport('balance-sheet', state, { asOf: '2026-12-31' });
  if (!sheet.ok) throw new Error(sheet.error.code);
  return {
    cash: sheet.body.accounts.find((a) => a.code === '1-101')?.balance,
    assets: sheet.body.totals.assets,
    savings: state.members.get(memberId)?.savings,
  };
}

describe('a rejected entry leaves the books', () => {
  it('a push answer `rejected` takes the entry out of the projections, kept as a visible row', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    const joined = await save(db, join(member, 'R-001', 'Sri Lestari'));
    const first = await save(db, deposit(member, 'sukarela', 100_000));
    const second = await save(db, deposit(member, 'sukarela', 50_000));
    const reversal = await save(db, { type: 'entry.reversed', data: { entryId: first.id, reason: 'Salah ketik' }, date: '2026-11-04', actor: 'Bu Siti' });
    // Before any answer the phone counts the second deposit only (the first is reversed).
    expect(await cashAndSavings(db, member)).toMatchObject({ cash: 50_000, savings: { sukarela: 50_000 } });

    // The server refuses the reversal (another phone reversed the same entry first).
    await markAcked(db, [
      { id: joined.id, status: 'accepted', serverSeq: 1 },
      { id: first.id, status: 'accepted', serverSeq: 2 },
      { id: second.id, status: 'accepted', serverSeq: 3 },
      { id: reversal.id, status: 'rejected', reason: 'already-reversed' },
    ]);
    expect(await cashAndSavings(db, member)).toMatchObject({ cash: 150_000, assets: 150_000, savings: { sukarela: 150_000 } });
    expect((await rejectedEntries(db)).map((r) => [r.id, r.reason])).toEqual([[reversal.id, 'already-reversed']]);
    // The stored rows say the same after a restart, and a full rebuild agrees.
    dropLedgerCache(db);
    expect(await cashAndSavings(db, member)).toMatchObject({ cash: 150_000, savings: { sukarela: 150_000 } });
    await rebuildProjections(db);
    expect(await cashAndSavings(db, member)).toMatchObject({ cash: 150_000, savings: { sukarela: 150_000 } });
    // A repeated answer changes nothing.
    await markAcked(db, [{ id: reversal.id, status: 'rejected', reason: 'already-reversed' }]);
    expect(await cashAndSavings(db, member)).toMatchObject({ cash: 150_000, savings: { sukarela: 150_000 } });
  });

  it('markRejected takes the entry out of the projections too', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'R-002', 'Agus Santoso'));
    await save(db, deposit(member, 'wajib', 20_000));
    const wrong = await save(db, deposit(member, 'wajib', 30_000));
    expect(await cashAndSavings(db, member)).toMatchObject({ cash: 50_000, savings: { wajib: 50_000 } });
    expect(await markRejected(db, wrong.id, 'schema-invalid')).toBe(true);
    expect(await cashAndSavings(db, member)).toMatchObject({ cash: 20_000, savings: { wajib: 20_000 } });
    dropLedgerCache(db);
    expect(await cashAndSavings(db, member)).toMatchObject({ cash: 20_000, savings: { wajib: 20_000 } });
  });
});
