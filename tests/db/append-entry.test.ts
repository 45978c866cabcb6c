import { liveQuery } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { appendEntry, warmAppend } from '../../src/db/append-entry.ts';
import { LumbungDb } from '../../src/db/database.ts';
import { completeEnrollment } from '../../src/db/enrollment.ts';
import { readChainHead, readProjectionMark } from '../../src/db/meta.ts';
import { currentLedger, dropLedgerCache, projectionSnapshot, rebuildProjections } from '../../src/db/projections.ts';
import { pendingEntries } from '../../src/db/outbox.ts';
import { ZERO_HASH, entrySchema, type Entry } from '../../src/domain/entry/schema.ts';
import { entryHash } from '../../src/domain/hashing.ts';
import { COOP, COOP_INFO, DEVICE, deposit, enrolledPhone, freshDb, join, localPhone, newEntryId, newMemberId, reversal, sale, save, withdraw } from './support.ts';

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

async function expectChain(entries: readonly Entry[]): Promise<void> {
  let prev = ZERO_HASH;
  for (const [i, e] of entries.entries()) {
    expect(e.seq).toBe(i + 1);
    expect(e.prevHash).toBe(prev);
    expect(await entryHash(e)).toBe(e.hash);
    prev = e.hash;
  }
}

describe('appendEntry', () => {
  it('stores the signed entry verbatim as pending, advances seq and head, and folds it', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'A-001', 'Siti Aminah'));
    const result = await appendEntry(db, deposit(member, 'pokok', 100_000), { locks: null, receipt: true });
    if (!result.ok) throw new Error(result.error);
    const { entry } = result.value;
    expect(entry).toMatchObject({ cooperativeId: COOP, deviceId: DEVICE, seq: 2, type: 'savings.deposited' });
    expect(entry.lines).toEqual([
      { account: '1-101', debit: 100_000, credit: 0 },
      { account: '3-101', debit: 0, credit: 100_000 },
    ]);
    expect(result.value.receiptNo).toBe(`2026/${DEVICE.slice(0, 4).toUpperCase()}/00001`);
    const row = await db.entries.get(entry.id);
    expect(row?.entry).toEqual(entry);
    expect(entrySchema.parse(row?.entry)).toEqual(entry);
    expect(row?.sync).toBe('pending');
    expect(row?.refs).toEqual([member]);
    expect(await readChainHead(db)).toEqual({ seq: 2, hash: entry.hash });
    const ledger = await currentLedger(db);
    expect(ledger.members.get(member)?.savings).toEqual({ pokok: 100_000, wajib: 0, sukarela: 0 });
    expect(ledger.accounts.get('1-101')).toEqual({ code: '1-101', debit: 100_000, credit: 0 });
  });

  it('keeps seq 1..n without gaps and an unbroken hash chain over many saves', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'A-002', 'Budi Santoso'));
    for (let i = 0; i < 40; i++) await save(db, deposit(member, 'wajib', 10_000 + i));
    const entries = await pendingEntries(db, 1000);
    expect(entries).toHaveLength(41);
    await expectChain(entries);
    const ledger = await currentLedger(db);
    // 40 deposits of 10 000 + i, i = 0..39: 400 000 + 780.
    expect(ledger.members.get(member)?.savings.wajib).toBe(400_780);
  });

  it('returns flags (a fact accepted, then flagged) without refusing the save', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'A-003', 'Rina'));
    await save(db, deposit(member, 'sukarela', 50_000));
    const result = await appendEntry(db, withdraw(member, 'sukarela', 80_000), { locks: null });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.flags.map((f) => f.reason)).toEqual(['savings-overdrawn']);
    expect((await currentLedger(db)).members.get(member)?.savings.sukarela).toBe(-30_000);
  });

  it('is idempotent for a reused draft id (a double tap saves once)', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'A-004', 'Joko'));
    const id = newEntryId();
    const first = await appendEntry(db, { ...deposit(member, 'pokok', 25_000), id }, { locks: null });
    const second = await appendEntry(db, { ...deposit(member, 'pokok', 25_000), id }, { locks: null });
    if (!first.ok || !second.ok) throw new Error('save failed');
    expect(second.value).toMatchObject({ alreadySaved: true, entry: first.value.entry });
    expect(await db.entries.count()).toBe(2);
    expect((await currentLedger(db)).members.get(member)?.savings.pokok).toBe(25_000);
  });

  it('refuses before a phone has an identity, and a reversal of an unknown entry', async () => {
    const bare = freshDb();
    const result = await appendEntry(bare, join(newMemberId(), 'X', 'X'), { locks: null });
    expect(result).toEqual({ ok: false, error: 'not-initialised' });
    const db = await enrolledPhone();
    expect(await appendEntry(db, reversal(newEntryId()), { locks: null })).toEqual({
      ok: false,
      error: 'reversal-target-unknown',
    });
    const bad = await appendEntry(db, { ...deposit(newMemberId(), 'pokok', 0) }, { locks: null });
    expect(bad).toMatchObject({ ok: false, error: 'entry-invalid' });
    expect(await db.entries.count()).toBe(0);
  });

  it('a reversal refers to its target and cancels its effect', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'A-005', 'Wati'));
    const wrong = await save(db, deposit(member, 'wajib', 70_000));
    const rev = await save(db, reversal(wrong.id));
    expect(rev.lines).toEqual([
      { account: '1-101', debit: 0, credit: 70_000 },
      { account: '3-102', debit: 70_000, credit: 0 },
    ]);
    expect((await db.entries.where('refs').equals(wrong.id).primaryKeys())).toEqual([rev.id]);
    expect((await db.entries.where('refs').equals(member).count())).toBe(3);
    const ledger = await currentLedger(db);
    expect(ledger.members.get(member)?.savings.wajib).toBe(0);
    expect(ledger.accounts.has('1-101')).toBe(false);
    // What the server would reject is refused here, before anything is signed or stored.
    expect(await appendEntry(db, reversal(wrong.id), { locks: null })).toEqual({ ok: false, error: 'already-reversed' });
    expect(await appendEntry(db, reversal(rev.id), { locks: null })).toEqual({ ok: false, error: 'reversal-of-reversal' });
    expect(await db.entries.count()).toBe(3);
  });

  it('two tabs reversing the same entry at once: exactly one reversal is stored', async () => {
    const name = `lumbung-rev-${crypto.randomUUID()}`;
    const tabA = await enrolledPhone(name);
    const tabB = new LumbungDb(name);
    const member = newMemberId();
    await save(tabA, join(member, 'A-006', 'Sarno'));
    const wrong = await save(tabA, deposit(member, 'wajib', 70_000));
    const results = await Promise.all([
      appendEntry(tabA, reversal(wrong.id), { locks: null }),
      appendEntry(tabB, reversal(wrong.id), { locks: null }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'already-reversed' }]);
    expect(await tabA.entries.where('type').equals('entry.reversed').count()).toBe(1);
  });

  describe('atomicity: a failure inside the transaction leaves nothing behind', () => {
    async function phoneWithOneDeposit() {
      const db = await enrolledPhone();
      const member = newMemberId();
      await save(db, join(member, 'B-001', 'Agus'));
      await save(db, deposit(member, 'pokok', 100_000));
      return { db, member };
    }

    async function snapshot(db: LumbungDb) {
      return {
        entries: await db.entries.toArray(),
        head: await readChainHead(db),
        mark: await readProjectionMark(db),
        projections: await projectionSnapshot(db),
        receipts: await db.receipts.toArray(),
      };
    }

    it('quota error on the entry write (creating hook): storage-full, nothing written', async () => {
      const { db, member } = await phoneWithOneDeposit();
      const before = await snapshot(db);
      const fail = () => {
        throw quotaError();
      };
      db.entries.hook('creating', fail);
      const result = await appendEntry(db, deposit(member, 'wajib', 20_000), { locks: null, receipt: true });
      db.entries.hook('creating').unsubscribe(fail);
      expect(result).toEqual({ ok: false, error: 'storage-full' });
      expect(await snapshot(db)).toEqual(before);
      // The next save continues the chain at seq 3 and the ledger is still right.
      const next = await save(db, deposit(member, 'wajib', 20_000));
      expect(next.seq).toBe(3);
      expect(next.prevHash).toBe(before.head.hash);
      expect((await currentLedger(db)).members.get(member)?.savings).toEqual({ pokok: 100_000, wajib: 20_000, sukarela: 0 });
    });

    it('quota error on the very last write (the projection mark): entry, head and projections roll back', async () => {
      const { db, member } = await phoneWithOneDeposit();
      const before = await snapshot(db);
      const ledgerBefore = await currentLedger(db);
      const failOnMark = (key: string) => {
        if (key === 'projection') throw quotaError();
      };
      db.meta.hook('updating', (_mods, key) => failOnMark(key));
      const result = await appendEntry(db, deposit(member, 'wajib', 20_000), { locks: null, receipt: true });
      expect(result).toEqual({ ok: false, error: 'storage-full' });
      expect(await snapshot(db)).toEqual(before);
      // The in-memory copy that had been folded into is dropped, not served.
      const ledgerAfter = await currentLedger(db);
      expect(ledgerAfter).not.toBe(ledgerBefore);
      expect(ledgerAfter.members.get(member)?.savings.wajib).toBe(0);
    });
  });

  it('two handles (two tabs) saving at once get distinct seqs on one chain', async () => {
    const name = `lumbung-tabs-${crypto.randomUUID()}`;
    const tabA = await enrolledPhone(name);
    const tabB = new LumbungDb(name);
    const member = newMemberId();
    await save(tabA, join(member, 'C-001', 'Dewi'));
    const saves = [];
    for (let i = 0; i < 10; i++) {
      saves.push(appendEntry(tabA, deposit(member, 'wajib', 1_000 + i), { locks: null, maxAttempts: 30 }));
      saves.push(appendEntry(tabB, deposit(member, 'sukarela', 2_000 + i), { locks: null, maxAttempts: 30 }));
    }
    const results = await Promise.all(saves);
    expect(results.every((r) => r.ok)).toBe(true);
    const entries = await pendingEntries(tabA, 1000);
    expect(entries).toHaveLength(21);
    await expectChain(entries);
    // Each tab's in-memory ledger noticed the other's writes.
    for (const db of [tabA, tabB]) {
      const savings = (await currentLedger(db)).members.get(member)?.savings;
      expect(savings).toEqual({ pokok: 0, wajib: 10_045, sukarela: 20_045 });
    }
    dropLedgerCache(tabB);
  });

  it('with Web Locks present, saves are serialised under the lock', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    const held: string[] = [];
    let queue = Promise.resolve();
    const locks = {
      request: (name: string, callback: () => Promise<unknown>) => {
        held.push(name);
        const run = queue.then(callback);
        queue = run.then(
          () => undefined,
          () => undefined,
        );
        return run;
      },
    } as unknown as LockManager;
    const results = await Promise.all([
      appendEntry(db, join(member, 'D-001', 'Eko'), { locks }),
      appendEntry(db, deposit(member, 'pokok', 5_000), { locks }),
    ]);
    expect(results.map((r) => r.ok && r.value.entry.seq)).toEqual([1, 2]);
    expect(held).toEqual([`lumbung-append:${db.name}`, `lumbung-append:${db.name}`]);
  });

  describe('the signer kept between saves (identity, key and chain head read ahead of the tap)', () => {
    it('another tab saving in between: the next save is signed again on the new head, the chain does not fork', async () => {
      const name = `lumbung-stale-${crypto.randomUUID()}`;
      const tabA = await enrolledPhone(name);
      const tabB = new LumbungDb(name);
      const member = newMemberId();
      await save(tabA, join(member, 'S-001', 'Sumarni'));
      await warmAppend(tabA); // tabA now knows head seq 1
      const between = await save(tabB, deposit(member, 'wajib', 10_000)); // seq 2, behind tabA's back
      const result = await appendEntry(tabA, deposit(member, 'sukarela', 20_000), { locks: null, maxAttempts: 2 });
      if (!result.ok) throw new Error(result.error);
      expect(result.value.entry).toMatchObject({ seq: 3, prevHash: between.hash });
      const entries = await pendingEntries(tabA, 10);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
      await expectChain(entries);
      expect((await currentLedger(tabA)).members.get(member)?.savings).toEqual({ pokok: 0, wajib: 10_000, sukarela: 20_000 });
      dropLedgerCache(tabB);
    });

    it('an enrollment in between (new identity, entries re-issued): the next save carries the new ids on the re-issued head', async () => {
      const db = await localPhone();
      const member = newMemberId();
      await save(db, join(member, 'S-002', 'Wagimin'));
      await save(db, deposit(member, 'pokok', 50_000)); // the signer now holds the local identity, seq 2
      const enrolled = await completeEnrollment(db, { cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO });
      if (!enrolled.ok) throw new Error(enrolled.error);
      const head = await readChainHead(db);
      const result = await appendEntry(db, deposit(member, 'wajib', 5_000), { locks: null, maxAttempts: 2 });
      if (!result.ok) throw new Error(result.error);
      expect(result.value.entry).toMatchObject({ cooperativeId: COOP, deviceId: DEVICE, seq: head.seq + 1, prevHash: head.hash });
      const own = (await pendingEntries(db, 10)).filter((e) => e.deviceId === DEVICE);
      expect(own.map((e) => e.seq)).toEqual([1, 2, 3]);
      await expectChain(own);
    });

    it('receipt numbers count on across saves and business years, each advanced with its entry', async () => {
      const db = await enrolledPhone();
      const numbers: (string | undefined)[] = [];
      for (const date of ['2026-12-30', '2026-12-31', '2027-01-02', '2027-01-03']) {
        const result = await appendEntry(db, sale(15_000, undefined, date), { locks: null, receipt: true });
        if (!result.ok) throw new Error(result.error);
        numbers.push(result.value.receiptNo);
      }
      const tag = DEVICE.slice(0, 4).toUpperCase();
      expect(numbers).toEqual([`2026/${tag}/00001`, `2026/${tag}/00002`, `2027/${tag}/00001`, `2027/${tag}/00002`]);
      expect(await db.receipts.toArray()).toEqual([
        { year: 2026, last: 2 },
        { year: 2027, last: 2 },
      ]);
    });
  });

  it('a save that holds the live queries\' notice: they see the commit only once told, and then do', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'S-003', 'Parmi'));
    const seen: number[] = [];
    let heard: () => void = () => undefined;
    const hear = () => new Promise<void>((resolve) => (heard = resolve));
    const first = hear();
    const sub = liveQuery(() => db.entries.count()).subscribe((n) => {
      seen.push(n);
      heard();
    });
    await first;
    let tell: (() => void) | undefined;
    const result = await appendEntry(db, deposit(member, 'pokok', 10_000), { locks: null, tellLiveQueries: (t) => (tell = t) });
    expect(result.ok).toBe(true);
    expect(await db.entries.count()).toBe(2); // committed
    // Several tasks later the query has still not re-run: nothing told it.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([1]);
    const second = hear();
    tell?.();
    await second;
    expect(seen).toEqual([1, 2]);
    sub.unsubscribe();
  });

  it('a warm-up with a sample stores nothing, and the first save then folds on the rows it read (no read of the projections in the save)', async () => {
    const db = await enrolledPhone();
    const member = newMemberId();
    await save(db, join(member, 'S-004', 'Sri'));
    await save(db, sale(10_000, member));
    dropLedgerCache(db); // a phone just unlocked: nothing of the ledger in memory
    const [head, mark, rows, count, receipts] = [await readChainHead(db), await readProjectionMark(db), await projectionSnapshot(db), await db.entries.count(), await db.receipts.toArray()];
    // A live query on what the rehearsal writes: it must not hear of an aborted transaction.
    const seen: number[] = [];
    let heard: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (heard = resolve));
    const sub = liveQuery(async () => (await db.entries.count()) + (await db.projections.count())).subscribe((n) => {
      seen.push(n);
      heard();
    });
    await first;
    const adds = vi.spyOn(db.entries, 'add');
    await warmAppend(db, [{ ...sale(1, undefined), id: newEntryId() }]);
    // The write was rehearsed (the sample's entry row was added inside the warm-up's transaction)…
    expect(adds).toHaveBeenCalledTimes(1);
    adds.mockRestore();
    // …and nothing of it was stored: no entry, no row, no receipt number, no move of head or mark.
    expect([await readChainHead(db), await readProjectionMark(db), await projectionSnapshot(db), await db.entries.count(), await db.receipts.toArray()]).toEqual([head, mark, rows, count, receipts]);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(1);
    sub.unsubscribe();
    const reads = vi.spyOn(db.projections, 'bulkGet');
    const result = await appendEntry(db, sale(12_000, undefined), { locks: null });
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    if (!result.ok) throw new Error(result.error);
    expect(result.value.entry.seq).toBe(3);
    // The rows the save wrote are exactly a rebuild's: the sample's fold left nothing behind.
    const incremental = await projectionSnapshot(db);
    await rebuildProjections(db);
    expect(await projectionSnapshot(db)).toEqual(incremental);
    expect((await currentLedger(db)).accounts.get('4-110')?.credit).toBe(22_000);
  });
});
