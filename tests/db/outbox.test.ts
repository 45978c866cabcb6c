import { describe, expect, it } from 'vitest';
import { markAcked, markRejected, outboxStats, pendingEntries, rejectedEntries } from '../../src/db/outbox.ts';
import { deposit, enrolledPhone, join, newMemberId, save } from './support.ts';
import { appendEntry } from '../../src/db/append-entry.ts';
import { currentLedger, dropLedgerCache, rebuildProjections } from '../../src/db/projections.ts';

describe('outbox', () => {
  it('lists pending entries in seq order, limited, and counts them with the oldest age', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    const t0 = new Date('2026-11-29T01:00:00.000Z');
    const saved = [];
    for (let i = 0; i < 6; i++) {
      const draft = i === 0 ? join(member, 'O-001', 'Ratna') : deposit(member, 'wajib', 5_000 * i);
      const r = await appendEntry(db, draft, { locks: null, now: () => new Date(t0.getTime() + i * 60_000) });
      if (!r.ok) throw new Error(r.error);
      saved.push(r.value.entry);
    }
    expect((await pendingEntries(db, 4)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await pendingEntries(db, 100)).toEqual(saved);
    const now = new Date('2026-11-30T01:00:00.000Z');
    expect(await outboxStats(db, now)).toEqual({
      pending: 6,
      rejected: 0,
      oldestPendingAt: '2026-11-29T01:00:00.000Z',
      oldestPendingAgeMs: 86_400_000,
    });
  });

  it('applies push results: acked with serverSeq, flagged with reason, rejected kept, gap left pending', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    const a = await save(db, join(member, 'O-002', 'Hadi'));
    const b = await save(db, deposit(member, 'pokok', 100_000));
    const c = await save(db, deposit(member, 'wajib', 20_000));
    const d = await save(db, deposit(member, 'sukarela', 10_000));
    const applied = await markAcked(db, [
      { id: a.id, status: 'accepted', serverSeq: 11 },
      { id: b.id, status: 'accepted_flagged', serverSeq: 12, reason: 'member-left' },
      { id: c.id, status: 'rejected', reason: 'lines-mismatch' },
      { id: d.id, status: 'gap' },
      { id: '0193a1c4-0000-7000-8000-000000000000', status: 'duplicate', serverSeq: 1 },
    ]);
    expect(applied).toEqual({ acked: 2, rejected: 1, gap: 1, unknown: ['0193a1c4-0000-7000-8000-000000000000'] });
    expect(await db.entries.get(a.id)).toMatchObject({ sync: 'acked', serverSeq: 11, serverStatus: 'accepted' });
    expect(await db.entries.get(b.id)).toMatchObject({ sync: 'acked', serverSeq: 12, reason: 'member-left' });
    // The projections learned the numbers in the same transaction, and kept them on disk.
    expect((await currentLedger(db)).entries.get(a.id)?.serverSeq).toBe(11);
    dropLedgerCache(db);
    expect((await currentLedger(db)).entries.get(b.id)?.serverSeq).toBe(12);
    // A rejected entry is not part of the books: the projections leave it out (rejected-entry.test.ts).
    expect((await currentLedger(db)).entries.has(c.id)).toBe(false);
    expect(await db.entries.get(c.id)).toMatchObject({ sync: 'rejected', reason: 'lines-mismatch' });
    expect((await pendingEntries(db, 10)).map((e) => e.id)).toEqual([d.id]);
    expect((await rejectedEntries(db)).map((r) => r.id)).toEqual([c.id]);
    // Nothing was deleted: every entry is still there, signed as before.
    expect((await db.entries.toArray()).map((r) => r.entry)).toEqual([a, b, c, d].sort((x, y) => (x.id < y.id ? -1 : 1)));
    // A resent batch answered `duplicate` keeps the first acknowledgement.
    expect(await markAcked(db, [{ id: a.id, status: 'duplicate', serverSeq: 11 }])).toMatchObject({ acked: 1 });
    expect(await db.entries.get(a.id)).toMatchObject({ sync: 'acked', serverSeq: 11, serverStatus: 'accepted' });
    // The same for a flagged entry: the reason survives a confirming `duplicate`.
    await markAcked(db, [{ id: b.id, status: 'duplicate', serverSeq: 12 }]);
    expect(await db.entries.get(b.id)).toMatchObject({ serverSeq: 12, serverStatus: 'accepted_flagged', reason: 'member-left' });
    // An answer that disagrees with what we held wins: the server's number is the truth.
    await markAcked(db, [{ id: b.id, status: 'duplicate', serverSeq: 40 }]);
    const disagreed = await db.entries.get(b.id);
    expect(disagreed).toMatchObject({ sync: 'acked', serverSeq: 40, serverStatus: 'duplicate' });
    expect(disagreed?.reason).toBeUndefined();
    await markAcked(db, [{ id: a.id, status: 'accepted', serverSeq: 41 }]);
    expect(await db.entries.get(a.id)).toMatchObject({ sync: 'acked', serverSeq: 41, serverStatus: 'accepted' });
    expect(await markRejected(db, d.id, 'schema-invalid')).toBe(true);
    expect(await outboxStats(db)).toEqual({ pending: 0, rejected: 2 });
  });

  it('folds an entry back into the books when a row rejected before is acknowledged (a server restored from an older backup took it)', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    const joined = await save(db, join(member, 'R-001', 'Sri Lestari'));
    const first = await save(db, deposit(member, 'sukarela', 100_000));
    const reversal = await save(db, { type: 'entry.reversed', data: { entryId: first.id, reason: 'Salah ketik' }, date: '2026-11-04', actor: 'Bu Siti' });
    // Another phone reversed the deposit first: this reversal is rejected, and the deposit counts again.
    await markAcked(db, [
      { id: joined.id, status: 'accepted', serverSeq: 1 },
      { id: first.id, status: 'accepted', serverSeq: 2 },
      { id: reversal.id, status: 'rejected', reason: 'already-reversed' },
    ]);
    const cash = async () => (await currentLedger(db)).accounts.get('1-101')?.debit ?? 0;
    const cashOut = async () => (await currentLedger(db)).accounts.get('1-101')?.credit ?? 0;
    expect(await cash()).toBe(100_000);
    expect(await cashOut()).toBe(0);
    // The server, restored from a backup taken before both reversals, accepts this one on the resend.
    await markAcked(db, [{ id: reversal.id, status: 'accepted', serverSeq: 3 }]);
    expect((await db.entries.get(reversal.id))?.sync).toBe('acked');
    const incremental = [await cash(), await cashOut()];
    dropLedgerCache(db);
    await rebuildProjections(db);
    expect(incremental).toEqual([await cash(), await cashOut()]);
    expect(incremental).toEqual([0, 0]); // reversed: neither the deposit nor its reversal counts
  });
});
