import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode } from '../../src/domain/base64url.ts';
import { REJECT_REASONS } from '../../src/domain/entry/reasons.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { checkEntry, parseEntry, type StructuralVerdict } from '../../src/domain/entry/validate.ts';
import { isDefaultAccountCode } from '../../src/domain/chart.ts';
import { generateDeviceKeyPair, importPublicJwk, signBytes, type DeviceKey } from '../../src/domain/signing.ts';
import { entrySigningBytes } from '../../src/domain/hashing.ts';
import { COOP, DEVICE, LOAN, MEMBER, PY_COOP, PY_DEVICE, PY_ENTRY_1, PY_ENTRY_2, PY_JWK, asLines, context, resign, signed, testKeys } from './entry-test-kit.ts';

let publicKey: DeviceKey;
beforeAll(async () => {
  publicKey = (await testKeys()).publicKey;
});

const deposit = { type: 'savings.deposited', data: { memberId: MEMBER, kind: 'wajib', amount: 20_000, via: 'cash' } } as const;
const reasonOf = (v: StructuralVerdict): string => (v.status === 'rejected' ? v.reason : v.status);
const clone = (e: Entry): Record<string, unknown> => structuredClone(e);

describe('an independent client (Python) is understood', () => {
  it('accepts its chain of two entries, unicode memo included', async () => {
    const imported = await importPublicJwk(PY_JWK);
    if (!imported.ok) throw new Error(imported.error);
    const ctx = { ...context(imported.key), expectedCooperativeId: PY_COOP, expectedDeviceId: PY_DEVICE };
    expect(reasonOf(await checkEntry(PY_ENTRY_1.entry, ctx))).toBe('valid');
    const second = await checkEntry(PY_ENTRY_2.entry, { ...ctx, previous: { seq: 1, hash: PY_ENTRY_1.entry.hash } });
    expect(reasonOf(second)).toBe('valid');
    // Through a JSON round trip as it arrives over HTTP.
    expect(reasonOf(await checkEntry(JSON.parse(JSON.stringify(PY_ENTRY_1.entry)), ctx))).toBe('valid');
  });
});

describe('parseEntry: schema, with precise reasons', () => {
  let base: Record<string, unknown>;
  beforeAll(async () => {
    base = clone(await signed(deposit));
  });
  const withData = (patch: Record<string, unknown>) => ({ ...base, data: { ...(base['data'] as object), ...patch } });

  it.each([
    ['amount as text', () => withData({ amount: '20000' }), 'schema-invalid'],
    ['negative amount', () => withData({ amount: -20_000 }), 'amount-not-positive'],
    ['zero amount', () => withData({ amount: 0 }), 'amount-not-positive'],
    ['fractional amount', () => withData({ amount: 20_000.5 }), 'amount-not-integer'],
    ['amount beyond MAX_RUPIAH', () => withData({ amount: 2_000_000_000_000_000 }), 'amount-too-large'],
    ['unknown data key', () => withData({ note: 'x' }), 'schema-invalid'],
    ['unknown envelope key', () => ({ ...base, extra: 1 }), 'schema-invalid'],
    ['unknown type', () => ({ ...base, type: 'savings.stolen' }), 'type-unknown'],
    ['untrimmed actor', () => ({ ...base, actor: ' Bu Siti' }), 'text-untrimmed'],
    ['version 2', () => ({ ...base, v: 2 }), 'schema-invalid'],
    ['bad kind', () => withData({ kind: 'arisan' }), 'schema-invalid'],
    ['non-v7 id', () => ({ ...base, id: '3f2b8c1e-5d4a-4b6f-9e21-0a7c9d3e5f10' }), 'schema-invalid'],
    ['impossible date', () => ({ ...base, date: '2026-02-30' }), 'schema-invalid'],
    ['uppercase hash', () => ({ ...base, hash: (base['hash'] as string).toUpperCase() }), 'schema-invalid'],
    ['negative debit in a line', () => ({ ...base, lines: [{ account: '1-101', debit: -1, credit: 0 }] }), 'amount-not-positive'],
    ['fractional credit in a line', () => ({ ...base, lines: [{ account: '1-101', debit: 0, credit: 0.5 }] }), 'amount-not-integer'],
    ['null', () => null, 'schema-invalid'],
    ['an array', () => [base], 'schema-invalid'],
    ['a string', () => JSON.stringify(base), 'schema-invalid'],
  ])('%s → %s', async (_label, make, reason) => {
    const raw = make();
    const parsed = parseEntry(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toBe(reason);
      expect(parsed.details.issues.length).toBeGreaterThan(0);
    }
    expect(reasonOf(await checkEntry(raw, context(publicKey)))).toBe(reason);
  });

  it('gives zod issue paths in details', () => {
    const parsed = parseEntry(withData({ amount: 1.5 }));
    expect(parsed.ok ? [] : parsed.details.issues[0]?.path).toEqual(['data', 'amount']);
  });

  it.each([
    ['admin fee not below principal', { type: 'loan.disbursed', data: { loanId: LOAN, memberId: MEMBER, principal: 100, months: 1, rateBp: 0, method: 'flat', firstDue: '2026-12-01', adminFee: 100, fineBpPerDay: 0, via: 'cash' } }],
    ['transfer to the same place', { type: 'cash.transferred', data: { from: 'cash', to: 'cash', amount: 5 } }],
    ['a float inside a setting', { type: 'settings.changed', data: { key: 'shuAllocation', value: { cadangan: 40.5 } } }],
    ['a fund named twice in a year close', { type: 'year.closed', data: { year: 2026, shu: 2, funds: [{ fund: 'sosial', amount: 1 }, { fund: 'sosial', amount: 1 }], members: [] } }],
    ['a member named twice in a year close', { type: 'year.closed', data: { year: 2026, shu: 0, funds: [], members: [{ memberId: MEMBER, capital: 0, patronage: 0 }, { memberId: MEMBER, capital: 0, patronage: 0 }] } }],
    ['empty member changes', { type: 'member.updated', data: { memberId: MEMBER, changes: {}, seenCursor: '0' } }],
  ])('refuses %s', (_label, body) => {
    const parsed = parseEntry({ ...base, ...body });
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('schema-invalid');
  });
});

describe('checkEntry: envelope, chain, hash and signature', () => {
  it('accepts a well-formed entry of this device at the right place', async () => {
    const entry = await signed(deposit);
    const verdict = await checkEntry(entry, context(publicKey));
    expect(verdict).toEqual({ status: 'valid', entry });
  });

  it('refuses another cooperative or device', async () => {
    expect(reasonOf(await checkEntry(await signed(deposit), context(publicKey, { expectedCooperativeId: DEVICE })))).toBe('cooperative-mismatch');
    expect(reasonOf(await checkEntry(await signed(deposit), context(publicKey, { expectedDeviceId: COOP })))).toBe('device-mismatch');
  });

  it('reports a gap with the seq it expects, and a reused seq', async () => {
    const third = await signed(deposit, { seq: 3, prevHash: 'a'.repeat(64) });
    expect(await checkEntry(third, context(publicKey, { previous: { seq: 1, hash: 'b'.repeat(64) } }))).toEqual({ status: 'gap', expectedSeq: 2 });
    expect(await checkEntry(third, context(publicKey))).toEqual({ status: 'gap', expectedSeq: 1 });
    const first = await signed(deposit);
    expect(reasonOf(await checkEntry(first, context(publicKey, { previous: { seq: 1, hash: first.hash } })))).toBe('seq-reused');
  });

  it('refuses content that changed after signing (hash) and a signature of another key', async () => {
    const entry = clone(await signed(deposit));
    const changed = { ...entry, data: { ...(entry['data'] as object), amount: 200_000 }, lines: [
      { account: '1-101', debit: 200_000, credit: 0 }, { account: '3-102', debit: 0, credit: 200_000 }] };
    expect(reasonOf(await checkEntry(changed, context(publicKey)))).toBe('hash-mismatch');
    const other = await generateDeviceKeyPair({ extractable: false });
    const forged = { ...entry, sig: await signBytes(other.privateKey, entrySigningBytes(entry)) };
    expect(reasonOf(await checkEntry(forged, context(publicKey)))).toBe('signature-invalid');
    expect(reasonOf(await checkEntry({ ...entry, sig: 'A'.repeat(86) }, context(publicKey)))).toBe('signature-invalid');
  });

  it('refuses a broken chain: seq 1 needs 64 zeros, seq n the hash of n−1', async () => {
    expect(reasonOf(await checkEntry(await signed(deposit, { prevHash: 'c'.repeat(64) }), context(publicKey)))).toBe('chain-broken');
    const first = await signed(deposit);
    const second = await signed(deposit, { seq: 2, prevHash: first.hash });
    expect(reasonOf(await checkEntry(second, context(publicKey, { previous: { seq: 1, hash: first.hash } })))).toBe('valid');
    expect(reasonOf(await checkEntry(second, context(publicKey, { previous: { seq: 1, hash: 'd'.repeat(64) } })))).toBe('chain-broken');
  });

  it('any change to a signed entry, however small, is caught', async () => {
    const entry = clone(await signed({ type: 'cash.received', data: { account: '4-190', amount: 1_250_000, via: 'qris', memo: 'Sewa tenda' } }));
    const fields = ['actor', 'date', 'recordedAt', 'id', 'memo', 'amount', 'sig', 'hash'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.nat(), async (field, n) => {
        const copy = structuredClone(entry);
        const data = copy['data'] as Record<string, unknown>;
        switch (field) {
          case 'amount':
            data['amount'] = 1_250_000 + 1 + (n % 1000);
            break;
          case 'memo':
            data['memo'] = `Sewa tenda${' x'.repeat(1 + (n % 3))}`;
            break;
          case 'sig': {
            const raw = base64urlDecode(copy['sig'] as string) ?? new Uint8Array();
            raw[n % 64] = (raw[n % 64] ?? 0) ^ (1 << (n % 8));
            copy['sig'] = base64urlEncode(raw);
            break;
          }
          case 'hash':
            copy['hash'] = (n % 16).toString(16).repeat(64) === copy['hash'] ? 'f'.repeat(64) : (n % 16).toString(16).repeat(64);
            break;
          case 'recordedAt':
            copy['recordedAt'] = `2026-11-29T03:54:29.${String(124 + (n % 800))}Z`;
            break;
          case 'date':
            copy['date'] = `2026-11-${String(10 + (n % 18))}`;
            break;
          case 'id':
            copy['id'] = `0193a1c4-2b3d-7e4f-8a5b-${(n % 10 ** 12).toString().padStart(12, '0')}`;
            break;
          case 'actor':
            copy['actor'] = `Bu Siti ${String(n)}`;
            break;
        }
        const verdict = await checkEntry(copy, context(publicKey));
        expect(verdict.status).toBe('rejected');
        expect(['hash-mismatch', 'signature-invalid']).toContain(reasonOf(verdict));
      }),
      { numRuns: 60 },
    );
  });
});

describe('checkEntry: lines, accounts, reversals', () => {
  it('refuses a zero line, a two-sided line and unbalanced lines', async () => {
    const entry = clone(await signed(deposit));
    const withLines = async (lines: unknown) => checkEntry(await resign({ ...entry, lines }), context(publicKey));
    expect(reasonOf(await withLines([{ account: '1-101', debit: 20_000, credit: 0 }, { account: '3-102', debit: 0, credit: 20_000 }, { account: '1-101', debit: 0, credit: 0 }]))).toBe('line-zero');
    expect(reasonOf(await withLines([{ account: '1-101', debit: 20_000, credit: 20_000 }]))).toBe('line-two-sided');
    expect(reasonOf(await withLines([{ account: '1-101', debit: 20_000, credit: 0 }, { account: '3-102', debit: 0, credit: 2_000 }]))).toBe('lines-unbalanced');
    expect(reasonOf(await withLines([]))).toBe('lines-mismatch');
  });

  it('refuses balanced lines that differ from the derived ones, accepts them in another order', async () => {
    const entry = clone(await signed(deposit));
    const wrongKind = [{ account: '1-101', debit: 20_000, credit: 0 }, { account: '3-101', debit: 0, credit: 20_000 }];
    const verdict = await checkEntry(await resign({ ...entry, lines: wrongKind }), context(publicKey));
    expect(reasonOf(verdict)).toBe('lines-mismatch');
    const reordered = [...(entry['lines'] as unknown[])].reverse();
    expect(reasonOf(await checkEntry(await resign({ ...entry, lines: reordered }), context(publicKey)))).toBe('valid');
  });

  it('refuses a derived total beyond MAX_RUPIAH as a mismatch, not a crash', async () => {
    const max = 1_000_000_000_000_000;
    const entry = clone(await signed({ type: 'year.closed', data: { year: 2026, shu: 0, funds: [], members: [] } }));
    const close = {
      ...entry,
      data: { year: 2026, shu: max, funds: [], members: [{ memberId: MEMBER, capital: max, patronage: max }] },
      lines: [{ account: '3-130', debit: max, credit: 0 }, { account: '3-130', debit: max, credit: 0 }, { account: '2-150', debit: 0, credit: max }, { account: '2-150', debit: 0, credit: max }],
    };
    expect(reasonOf(await checkEntry(await resign(close), context(publicKey)))).toBe('lines-mismatch');
  });

  it('refuses an account outside the chart, accepts it once added', async () => {
    const entry = await signed({ type: 'cash.received', data: { account: '4-120', amount: 300_000, via: 'cash', memo: 'Sewa kios' } });
    expect(await checkEntry(entry, context(publicKey))).toMatchObject({ status: 'rejected', reason: 'account-unknown', details: { account: '4-120' } });
    const added = (code: string) => isDefaultAccountCode(code) || code === '4-120';
    expect(reasonOf(await checkEntry(entry, context(publicKey, { accountExists: added })))).toBe('valid');
  });

  it('account.added: a new code of the right class only', async () => {
    const add = (code: string, type: string) => signed({ type: 'account.added', data: { code, name: 'Pendapatan sewa', type } });
    expect(reasonOf(await checkEntry(await add('4-120', 'revenue'), context(publicKey)))).toBe('valid');
    expect(reasonOf(await checkEntry(await add('1-101', 'asset'), context(publicKey)))).toBe('account-exists');
    expect(reasonOf(await checkEntry(await add('4-121', 'expense'), context(publicKey)))).toBe('account-type-mismatch');
    expect(reasonOf(await checkEntry(await add('9-100', 'asset'), context(publicKey)))).toBe('account-type-mismatch');
  });

  describe('reversals', () => {
    const targetId = '0193a1c4-2b3d-7e4f-8a5b-6c7d8e9f0a1b';
    const originalLines = [
      { account: '1-101', debit: 20_000, credit: 0 },
      { account: '3-102', debit: 0, credit: 20_000 },
    ];
    const reversalBody = { type: 'entry.reversed', data: { entryId: targetId, reason: 'Salah anggota' } } as const;

    it('accepts the mirror of an entry not yet reversed', async () => {
      const entry = await signed(reversalBody, { original: originalLines });
      const find = (id: string) => (id === targetId ? { type: 'savings.deposited' as const, lines: asLines(originalLines), reversedBy: undefined } : undefined);
      expect(entry.lines).toEqual([{ account: '1-101', debit: 0, credit: 20_000 }, { account: '3-102', debit: 20_000, credit: 0 }]);
      expect(reasonOf(await checkEntry(entry, context(publicKey, { findEntry: find })))).toBe('valid');
      // Seen again after it was stored (reversedBy is itself): still valid.
      const again = () => ({ type: 'savings.deposited' as const, lines: asLines(originalLines), reversedBy: entry.id });
      expect(reasonOf(await checkEntry(entry, context(publicKey, { findEntry: again })))).toBe('valid');
    });

    it('refuses an unknown target, a reversal of a reversal, a second reversal, and non-mirrored lines', async () => {
      const entry = await signed(reversalBody, { original: originalLines });
      expect(reasonOf(await checkEntry(entry, context(publicKey)))).toBe('reversal-target-unknown');
      const ofReversal = () => ({ type: 'entry.reversed' as const, lines: [], reversedBy: undefined });
      expect(reasonOf(await checkEntry(entry, context(publicKey, { findEntry: ofReversal })))).toBe('reversal-of-reversal');
      const reversedAlready = () => ({ type: 'savings.deposited' as const, lines: asLines(originalLines), reversedBy: '0193a1c4-2b3d-7e4f-8a5b-00000000ffff' });
      expect(await checkEntry(entry, context(publicKey, { findEntry: reversedAlready }))).toMatchObject({ status: 'rejected', reason: 'already-reversed' });
      const sameAsOriginal = await resign({ ...clone(entry), lines: originalLines });
      const find = () => ({ type: 'savings.deposited' as const, lines: asLines(originalLines), reversedBy: undefined });
      expect(reasonOf(await checkEntry(sameAsOriginal, context(publicKey, { findEntry: find })))).toBe('lines-mismatch');
    });
  });
});

describe('REJECT_REASONS', () => {
  it('are unique kebab-case codes', () => {
    expect(new Set(REJECT_REASONS).size).toBe(REJECT_REASONS.length);
    for (const r of REJECT_REASONS) expect(r).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
