import { describe, expect, it } from 'vitest';
import { ingestPulled } from '../../src/db/ingest.ts';
import { readChainHead, readPullCursor } from '../../src/db/meta.ts';
import { currentLedger, projectionSnapshot, rebuildProjections } from '../../src/db/projections.ts';
import type { EntryDraft } from '../../src/db/append-entry.ts';
import { outboxStats } from '../../src/db/outbox.ts';
import { deposit, enrolledPhone, join, newMemberId, save } from './support.ts';
import { RemoteDevice } from './remote.ts';

describe('ingestPulled', () => {
  it('stores other devices\' entries as acked, folds them and saves the cursor with them', async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const member = newMemberId();
    const pulled = [
      await other.sign(join(member, 'R-001', 'Sri Wahyuni')),
      await other.sign(deposit(member, 'pokok', 100_000)),
      await other.sign(deposit(member, 'wajib', 25_000)),
    ];
    const result = await ingestPulled(db, { entries: pulled, cursor: 'Mw' });
    expect(result).toEqual({ ok: true, value: { added: 3, skipped: 0, acked: 0, conflicts: [], flags: [] } });
    expect(await readPullCursor(db)).toBe('Mw');
    expect((await db.entries.get(pulled[1]?.id ?? ''))?.sync).toBe('acked');
    expect((await currentLedger(db)).members.get(member)?.savings).toEqual({ pokok: 100_000, wajib: 25_000, sukarela: 0 });
    // Another device's seqs never move this phone's own chain.
    expect((await readChainHead(db)).seq).toBe(0);
    expect((await outboxStats(db)).pending).toBe(0);
  });

  it('is idempotent: the same page twice changes nothing but the cursor', async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const member = newMemberId();
    const page = [await other.sign(join(member, 'R-002', 'Bambang')), await other.sign(deposit(member, 'sukarela', 40_000))];
    await ingestPulled(db, { entries: page, cursor: 'Mg' });
    const before = await projectionSnapshot(db);
    const again = await ingestPulled(db, { entries: [...page, ...page], cursor: 'Mw' });
    expect(again).toEqual({ ok: true, value: { added: 0, skipped: 4, acked: 0, conflicts: [], flags: [] } });
    expect(await projectionSnapshot(db)).toEqual(before);
    expect(await db.entries.count()).toBe(2);
    expect(await readPullCursor(db)).toBe('Mw');
  });

  it('marks our own pending entry acked when the pull shows the server has it', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    const mine = await save(db, join(member, 'S-001', 'Tono'));
    const result = await ingestPulled(db, { entries: [mine], cursor: 'MQ' });
    expect(result).toMatchObject({ ok: true, value: { added: 0, acked: 1 } });
    expect((await db.entries.get(mine.id))?.sync).toBe('acked');
  });

  it('a failure in the transaction keeps neither the entries nor the new cursor', async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const member = newMemberId();
    await ingestPulled(db, { entries: [await other.sign(join(member, 'R-003', 'Lina'))], cursor: 'MQ' });
    const before = await projectionSnapshot(db);
    const fail = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    db.projections.hook('creating', fail);
    const result = await ingestPulled(db, { entries: [await other.sign(deposit(member, 'wajib', 30_000))], cursor: 'Mg' });
    db.projections.hook('creating').unsubscribe(fail);
    expect(result).toEqual({ ok: false, error: 'storage-full' });
    expect(await readPullCursor(db)).toBe('MQ');
    expect(await db.entries.count()).toBe(1);
    expect(await projectionSnapshot(db)).toEqual(before);
    expect((await currentLedger(db)).members.get(member)?.savings.wajib).toBe(0);
  });

  it('refuses a malformed or tampered page without writing anything', async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const member = newMemberId();
    const good = await other.sign(join(member, 'R-004', 'Yanti'));
    const dep = await other.sign(deposit(member, 'pokok', 100_000));
    const tampered = { ...dep, data: { ...dep.data, amount: 900_000 } };
    const result = await ingestPulled(db, { entries: [good, tampered], cursor: 'Mg' });
    expect(result).toMatchObject({ ok: false, error: 'entry-invalid', details: { index: 1 } });
    expect(await ingestPulled(db, { entries: [{ hello: 'world' }], cursor: 'Mg' })).toMatchObject({
      ok: false,
      error: 'entry-invalid',
    });
    expect(await db.entries.count()).toBe(0);
    expect(await readPullCursor(db)).toBeUndefined();
  });

  it('learns each entry\'s serverSeq from the page: profiles follow server order, and a rebuild agrees', async () => {
    const db = await enrolledPhone();
    const other = await RemoteDevice.create();
    const member = newMemberId();
    const edit = (name: string): EntryDraft => ({
      type: 'member.updated',
      data: { memberId: member, changes: { name }, seenCursor: '' },
      date: '2026-11-10',
      actor: 'Bu Siti',
    });
    const joined = await save(db, join(member, 'S-010', 'Sri'));
    const mine = await save(db, edit('Sri Wahyuni'));
    // Our pending edit sits on top until the server says where it stands.
    expect((await currentLedger(db)).members.get(member)?.profile?.name).toBe('Sri Wahyuni');
    const theirs = await other.sign(edit('Sri Wahyuningsih'));

    // A page whose numbers do not fit its entries is refused whole.
    for (const serverSeqs of [[1, 2], [1, 3, 3], [0, 1, 2]]) {
      expect(await ingestPulled(db, { entries: [joined, mine, theirs], cursor: 'Mw', serverSeqs })).toMatchObject({
        ok: false,
        error: 'entry-invalid',
      });
    }
    expect(await db.entries.count()).toBe(2);

    // The server ordered our edit (2) before theirs (3): theirs decides the name, here as there.
    const result = await ingestPulled(db, { entries: [joined, mine, theirs], cursor: 'Mw', serverSeqs: [1, 2, 3] });
    expect(result).toMatchObject({ ok: true, value: { added: 1, acked: 2 } });
    expect((await db.entries.get(mine.id))?.serverSeq).toBe(2);
    expect((await db.entries.get(theirs.id))?.serverSeq).toBe(3);
    const ledger = await currentLedger(db);
    expect(ledger.members.get(member)?.profile?.name).toBe('Sri Wahyuningsih');
    expect(ledger.entries.get(mine.id)?.serverSeq).toBe(2);
    // Incremental = rebuild: the stored numbers replay the same order.
    const incremental = await projectionSnapshot(db);
    await rebuildProjections(db);
    expect(await projectionSnapshot(db)).toEqual(incremental);
  });
});
