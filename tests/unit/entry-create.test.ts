import { describe, expect, it } from 'vitest';
import { buildUnsignedEntry, EntryBuildError, signEntry, type BuildEntryInput } from '../../src/domain/entry/create.ts';
import { MissingOriginalError } from '../../src/domain/entry/lines.ts';
import { ZERO_HASH, type Entry } from '../../src/domain/entry/schema.ts';
import { checkEntry, type ChainHead } from '../../src/domain/entry/validate.ts';
import { entryHash, entrySigningBytes } from '../../src/domain/hashing.ts';
import { isUuidV7 } from '../../src/domain/ids.ts';
import { verifyBytes } from '../../src/domain/signing.ts';
import { COOP, DEVICE, LOAN, MEMBER, context, testKeys } from './entry-test-kit.ts';

const envelope = {
  cooperativeId: COOP,
  deviceId: DEVICE,
  seq: 1,
  prevHash: ZERO_HASH,
  recordedAt: '2026-11-29T03:54:29.123Z',
  date: '2026-11-29',
  actor: 'Bu Siti',
};
const build = (input: unknown) => buildUnsignedEntry(input as BuildEntryInput);

describe('buildUnsignedEntry', () => {
  it('sets v 1, a fresh UUIDv7 id and the derived lines', () => {
    const unsigned = build({ ...envelope, type: 'savings.deposited', data: { memberId: MEMBER, kind: 'wajib', amount: 20_000, via: 'cash' } });
    expect(unsigned.v).toBe(1);
    expect(isUuidV7(unsigned.id)).toBe(true);
    expect(unsigned.lines).toEqual([
      { account: '1-101', debit: 20_000, credit: 0 },
      { account: '3-102', debit: 0, credit: 20_000 },
    ]);
    expect(Object.keys(unsigned).sort()).toEqual(
      ['actor', 'cooperativeId', 'data', 'date', 'deviceId', 'id', 'lines', 'prevHash', 'recordedAt', 'seq', 'type', 'v'],
    );
  });

  it('keeps a given id (re-issuing an entry under new device ids)', () => {
    const id = '0193a1c4-2b3d-7e4f-8a5b-6c7d8e9f0a1b';
    expect(build({ ...envelope, id, type: 'member.left', data: { memberId: MEMBER, leftOn: '2026-11-29' } }).id).toBe(id);
  });

  it('refuses data that does not fit its type, before anything is signed', () => {
    expect(() => build({ ...envelope, type: 'savings.deposited', data: { memberId: MEMBER, kind: 'wajib', amount: 0, via: 'cash' } })).toThrow(EntryBuildError);
    expect(() => build({ ...envelope, type: 'cash.paid', data: { account: '5-150', amount: 5, via: 'cash', memo: ' ATK ' } })).toThrow(EntryBuildError);
    expect(() => build({ ...envelope, type: 'entry.reversed', data: { entryId: '0193a1c4-2b3d-7e4f-8a5b-6c7d8e9f0a1b', reason: 'Salah' } })).toThrow(MissingOriginalError);
  });
});

describe('signEntry', () => {
  it('hashes and signs the same canonical bytes', async () => {
    const { privateKey, publicKey } = await testKeys();
    const unsigned = build({ ...envelope, type: 'cash.transferred', data: { from: 'cash', to: 'bank', amount: 1_000_000 } });
    const entry = await signEntry(unsigned, privateKey);
    expect(entry.hash).toBe(await entryHash(unsigned));
    expect(await verifyBytes(publicKey, entry.sig, entrySigningBytes(entry))).toBe(true);
    expect({ ...entry, hash: undefined, sig: undefined }).toEqual({ ...unsigned, hash: undefined, sig: undefined });
  });

  it('makes a chain that a receiver accepts entry by entry: join, save, borrow, repay, reverse', async () => {
    const { privateKey, publicKey } = await testKeys();
    const stored = new Map<string, Entry>();
    let previous: ChainHead | undefined;
    const bodies = [
      { type: 'member.joined', data: { memberId: MEMBER, number: 'A-001', name: 'Siti Aminah', joinedOn: '2026-01-05' } },
      { type: 'savings.deposited', data: { memberId: MEMBER, kind: 'pokok', amount: 100_000, via: 'cash' } },
      { type: 'loan.disbursed', data: { loanId: LOAN, memberId: MEMBER, principal: 5_000_000, months: 12, rateBp: 150, method: 'flat', firstDue: '2026-12-29', adminFee: 50_000, fineBpPerDay: 10, via: 'cash' } },
      { type: 'loan.repaid', data: { loanId: LOAN, memberId: MEMBER, principal: 416_666, interest: 75_000, fine: 0, via: 'cash' } },
    ];
    for (const [i, b] of bodies.entries()) {
      const entry = await signEntry(build({ ...envelope, ...b, seq: i + 1, prevHash: previous?.hash ?? ZERO_HASH }), privateKey);
      const verdict = await checkEntry(JSON.parse(JSON.stringify(entry)), context(publicKey, { previous }));
      expect(verdict.status).toBe('valid');
      stored.set(entry.id, entry);
      previous = { seq: entry.seq, hash: entry.hash };
    }
    const repayment = [...stored.values()][3];
    if (repayment === undefined) throw new Error('missing');
    const reversal = await signEntry(
      build({ ...envelope, seq: 5, prevHash: previous?.hash, type: 'entry.reversed', data: { entryId: repayment.id, reason: 'Dicatat dua kali' }, original: repayment.lines }),
      privateKey,
    );
    const findEntry = (id: string) => {
      const e = stored.get(id);
      return e === undefined ? undefined : { type: e.type, lines: e.lines, reversedBy: undefined };
    };
    expect(reversal.lines).toEqual([
      { account: '1-101', debit: 0, credit: 491_666 },
      { account: '1-110', debit: 416_666, credit: 0 },
      { account: '4-101', debit: 75_000, credit: 0 },
    ]);
    expect((await checkEntry(reversal, context(publicKey, { previous, findEntry }))).status).toBe('valid');
  });
});
