/**
 * Settings resolve by server order (in-server-order.ts), like member edits: two phones that changed
 * the same setting offline folded the two changes in different orders (each its own first), and the
 * server numbered them in the order they arrived. Once both changes are numbered, every ledger —
 * both phones and the server — shows the server's last change, and the reports that read the
 * setting (SHU's allocation here) agree to the rupiah.
 */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { applyEntry, emptyLedger, foldEntries, recordServerSeq, type LedgerState } from '../../src/domain/ledger/index.ts';
import { shuAllocation } from '../../src/domain/reports/settings.ts';
import { Book, DEVICE_A, DEVICE_B } from './support/ledger-book.ts';

const ALLOCATION_A = { cadangan: 5_000, jasa_modal: 1_500, jasa_anggota: 1_500, pengurus: 500, karyawan: 500, pendidikan: 500, sosial: 500 };
const ALLOCATION_B = { cadangan: 3_000, jasa_modal: 2_500, jasa_anggota: 2_500, pengurus: 500, karyawan: 500, pendidikan: 500, sosial: 500 };

function scenario() {
  const b = new Book();
  const fromA = b.make('settings.changed', '2026-03-01', { key: 'shuAllocation', value: ALLOCATION_A }, { device: DEVICE_A });
  const fromB = b.make('settings.changed', '2026-03-02', { key: 'shuAllocation', value: ALLOCATION_B }, { device: DEVICE_B });
  return { fromA, fromB };
}

function fold(steps: readonly [Entry, number | undefined][]): LedgerState {
  const s = emptyLedger();
  for (const [entry, serverSeq] of steps) applyEntry(s, entry, serverSeq === undefined ? {} : { serverSeq });
  return s;
}

describe('settings in server order', () => {
  it('each phone shows its own pending change, then the server’s last change once both are numbered', () => {
    const { fromA, fromB } = scenario();
    // B reached the office first (1), A later (2): A's allocation is the cooperative's.
    const server = fold([[fromB, 1], [fromA, 2]]);
    expect(server.settings.get('shuAllocation')?.value).toEqual(ALLOCATION_A);
    expect(shuAllocation(server)).toEqual(ALLOCATION_A);

    // Phone B saved its change, pushed it (numbered 1), and later pulled A's (2).
    const phoneB = fold([[fromB, undefined]]);
    expect(shuAllocation(phoneB)).toEqual(ALLOCATION_B);
    const touched = recordServerSeq(phoneB, fromB.id, 1);
    expect(touched.settings).toEqual(['shuAllocation']);
    applyEntry(phoneB, fromA, { serverSeq: 2 });

    // Phone A saved its change offline, then pulled B's (1) before its own push was answered: its
    // own change stays on top while pending (it is newer than anything A has heard of)…
    const phoneA = fold([[fromA, undefined], [fromB, 1]]);
    expect(shuAllocation(phoneA)).toEqual(ALLOCATION_A);
    // …and stays there once the server numbers it 2.
    recordServerSeq(phoneA, fromA.id, 2);

    for (const phone of [phoneA, phoneB]) {
      expect(phone.settings.get('shuAllocation')).toEqual(server.settings.get('shuAllocation'));
      expect(shuAllocation(phone)).toEqual(ALLOCATION_A);
    }
  });

  it('the other arrival order makes B’s change the last one on every ledger', () => {
    const { fromA, fromB } = scenario();
    const server = fold([[fromA, 1], [fromB, 2]]);
    // A phone that folded A's change first while pending, then pulled B's, then learned A's number.
    const phoneA = fold([[fromA, undefined], [fromB, 2]]);
    // Before the number arrives, A's pending change is on top — what its treasurer just saved.
    expect(shuAllocation(phoneA)).toEqual(ALLOCATION_A);
    recordServerSeq(phoneA, fromA.id, 1);
    expect(shuAllocation(phoneA)).toEqual(ALLOCATION_B);
    expect(phoneA.settings.get('shuAllocation')).toEqual(server.settings.get('shuAllocation'));
    // A recompute in server order (what a rebuild does) gives the same row.
    const rebuilt = foldEntries([fromA, fromB], (e) => ({ serverSeq: e.id === fromA.id ? 1 : 2 }));
    expect(rebuilt.settings.get('shuAllocation')).toEqual(server.settings.get('shuAllocation'));
  });

  it('a reversed change leaves the setting as if it had never been made, whatever the order', () => {
    const b = new Book();
    const first = b.make('settings.changed', '2026-03-01', { key: 'shuAllocation', value: ALLOCATION_A });
    const second = b.make('settings.changed', '2026-03-02', { key: 'shuAllocation', value: ALLOCATION_B }, { device: DEVICE_B });
    const undo = b.reverse(second, '2026-03-03', { device: DEVICE_B });
    const server = fold([[first, 1], [second, 2], [undo, 3]]);
    const phone = fold([[second, 2], [undo, 3], [first, 1]]);
    expect(shuAllocation(server)).toEqual(ALLOCATION_A);
    expect(phone.settings.get('shuAllocation')).toEqual(server.settings.get('shuAllocation'));
    expect(server.settings.get('shuAllocation')?.history.map((c) => [c.entryId, c.serverSeq])).toEqual([[first.id, 1]]);
  });
});
