/**
 * Member profile edits resolve by server order (in-server-order.ts `inServerOrder`): two ledgers that
 * folded the same edits in different arrival orders show the same profile once the edits carry
 * their serverSeq; an edit not yet numbered (a phone's own, pending) sits on top until it is.
 */
import { describe, expect, it } from 'vitest';
import { applyEntry, emptyLedger, encodeCursor, recordServerSeq, type LedgerState } from '../../src/domain/ledger/index.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { Book, DEVICE_A, DEVICE_B, memberId } from './support/ledger-book.ts';

const M1 = memberId(1);

function scenario() {
  const b = new Book();
  const join = b.make('member.joined', '2026-01-02', { memberId: M1, number: '001', name: 'Siti Rahayu', joinedOn: '2026-01-02' });
  // Both phones had seen only the join (serverSeq 1) when each corrected the same field.
  const fromA = b.make('member.updated', '2026-02-01', { memberId: M1, changes: { name: 'Siti Rahayu Ningsih' }, seenCursor: encodeCursor(1) }, { device: DEVICE_A });
  const fromB = b.make('member.updated', '2026-02-01', { memberId: M1, changes: { name: 'Siti R.', phone: '081234567890' }, seenCursor: encodeCursor(1) }, { device: DEVICE_B });
  return { join, fromA, fromB };
}

function fold(steps: readonly [Entry, number | undefined][]): LedgerState {
  const s = emptyLedger();
  for (const [entry, serverSeq] of steps) applyEntry(s, entry, serverSeq === undefined ? {} : { serverSeq });
  return s;
}

describe('member edits in server order', () => {
  it('a phone that folded its own edit first ends with the server result once the edit is numbered', () => {
    const { join, fromA, fromB } = scenario();
    // The server: A's edit arrived first (2), B's second (3). B's name wins, and B is flagged.
    const server = fold([[join, 1], [fromA, 2], [fromB, 3]]);
    expect(server.members.get(M1)?.profile).toMatchObject({ name: 'Siti R.', phone: '081234567890' });

    // Phone B folded its own edit at save time (no number yet), then pulled A's edit (2).
    const phoneB = fold([[join, 1], [fromB, undefined], [fromA, 2]]);
    // Until acknowledged, B's own pending edit stays on top: the treasurer sees what she typed.
    expect(phoneB.members.get(M1)?.profile?.name).toBe('Siti R.');
    // Phone A folded its own edit (pending), then learned its number, then pulled B's edit.
    const phoneA = fold([[join, 1], [fromA, undefined]]);
    expect(phoneA.members.get(M1)?.profile?.name).toBe('Siti Rahayu Ningsih');
    const touched = recordServerSeq(phoneA, fromA.id, 2);
    expect(touched.entries).toEqual([fromA.id]);
    expect(touched.members).toEqual([M1]);
    applyEntry(phoneA, fromB, { serverSeq: 3 });

    recordServerSeq(phoneB, fromB.id, 3);
    expect(phoneA.members.get(M1)?.profile).toEqual(server.members.get(M1)?.profile);
    expect(phoneB.members.get(M1)?.profile).toEqual(server.members.get(M1)?.profile);
    expect(phoneB.entries.get(fromB.id)?.serverSeq).toBe(3);
  });

  it('the opposite server order gives the opposite field winner on every ledger', () => {
    const { join, fromA, fromB } = scenario();
    const server = fold([[join, 1], [fromB, 2], [fromA, 3]]);
    expect(server.members.get(M1)?.profile).toMatchObject({ name: 'Siti Rahayu Ningsih', phone: '081234567890' });
    // A phone that happened to fold them the other way round agrees with the server.
    const phone = fold([[join, 1], [fromA, 3], [fromB, 2]]);
    expect(phone.members.get(M1)?.profile).toEqual(server.members.get(M1)?.profile);
  });

  it('an edit the server ordered after another cannot make that other one a conflict', () => {
    const { join, fromA, fromB } = scenario();
    // Phone A holds its own edit, numbered 3, and then pulls B's edit, which the server put at 2.
    const s = fold([[join, 1], [fromA, 3]]);
    expect(applyEntry(s, fromB, { serverSeq: 2 }).flags).toEqual([]);
    // On the server the same pair in its order flags the later one, A's.
    const server = fold([[join, 1], [fromB, 2]]);
    expect(applyEntry(server, fromA, { serverSeq: 3 }).flags.map((f) => f.reason)).toEqual(['member-edit-conflict']);
  });

  it('recording a number that is already known, or for an entry not held, touches nothing', () => {
    const { join, fromA } = scenario();
    const s = fold([[join, 1], [fromA, 2]]);
    expect(Object.values(recordServerSeq(s, fromA.id, 2)).flat()).toEqual([]);
    expect(Object.values(recordServerSeq(s, memberId(99), 5)).flat()).toEqual([]);
    // A non-edit entry only has its index row numbered.
    const t = fold([[join, undefined]]);
    const touched = recordServerSeq(t, join.id, 1);
    expect(touched.entries).toEqual([join.id]);
    expect(touched.members).toEqual([]);
  });
});
