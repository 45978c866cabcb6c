/**
 * Shared fixtures for the entry tests. PY_* were produced by an independent client written in
 * Python (json.dumps sort_keys + hashlib + the `cryptography` package's ECDSA); the script is in
 * docs/domain-entries.md. If our canonical JSON, hash or signature check drifted, they would fail.
 */
import { buildUnsignedEntry, signEntry, type BuildEntryInput } from '../../src/domain/entry/create.ts';
import { ZERO_HASH, type Entry, type JournalLine, type UnsignedEntry } from '../../src/domain/entry/schema.ts';
import { generateDeviceKeyPair, type DeviceKey, type DeviceKeyPair } from '../../src/domain/signing.ts';
import type { StructuralContext } from '../../src/domain/entry/validate.ts';
import { isDefaultAccountCode } from '../../src/domain/chart.ts';
import { rupiah } from '../../src/domain/money.ts';

export const PY_COOP = '3f2b8c1e-5d4a-4b6f-9e21-0a7c9d3e5f10';
export const PY_DEVICE = '8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';
export const PY_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y',
  y: 'eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk',
};

export const PY_ENTRY_1 = {
  canonical:
    '{"actor":"Bu Siti","cooperativeId":"3f2b8c1e-5d4a-4b6f-9e21-0a7c9d3e5f10","data":{"amount":20000,"kind":"wajib","memberId":"0193a1c0-0000-7000-8000-000000000001","via":"cash"},"date":"2026-11-29","deviceId":"8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f","id":"0193a1c4-2b3d-7e4f-8a5b-6c7d8e9f0a1b","lines":[{"account":"1-101","credit":0,"debit":20000},{"account":"3-102","credit":20000,"debit":0}],"prevHash":"0000000000000000000000000000000000000000000000000000000000000000","recordedAt":"2026-11-29T03:54:29.123Z","seq":1,"type":"savings.deposited","v":1}',
  entry: {
    v: 1,
    id: '0193a1c4-2b3d-7e4f-8a5b-6c7d8e9f0a1b',
    cooperativeId: PY_COOP,
    deviceId: PY_DEVICE,
    seq: 1,
    prevHash: '0'.repeat(64),
    recordedAt: '2026-11-29T03:54:29.123Z',
    date: '2026-11-29',
    actor: 'Bu Siti',
    type: 'savings.deposited',
    data: { memberId: '0193a1c0-0000-7000-8000-000000000001', kind: 'wajib', amount: 20000, via: 'cash' },
    lines: [
      { account: '1-101', debit: 20000, credit: 0 },
      { account: '3-102', debit: 0, credit: 20000 },
    ],
    hash: 'd4331a801703b78f6b9aea9c4360a29c8ddaba655e47b9f36fc3993ec385ce6f',
    sig: '2ChWVqc7iqidjUTTtJ2jH2CqZakkyltqKQJ2srcs4Ob6Wu3Ga8ZTUuS7qMGd0npuiFm9NTdreAWrast3ktj1Yw',
  },
} as const;

export const PY_ENTRY_2 = {
  entry: {
    v: 1,
    id: '0193a1c4-2b3d-7e4f-8a5b-6c7d8e9f0a1c',
    cooperativeId: PY_COOP,
    deviceId: PY_DEVICE,
    seq: 2,
    prevHash: 'd4331a801703b78f6b9aea9c4360a29c8ddaba655e47b9f36fc3993ec385ce6f',
    recordedAt: '2026-11-29T04:10:00.000Z',
    date: '2026-11-29',
    actor: 'Bu Siti',
    type: 'cash.received',
    data: { account: '4-190', amount: 1250000, via: 'qris', memo: 'Sewa tenda “HUT RI” – café €5\n\tlunas "ok" \\ 😀' },
    lines: [
      { account: '1-103', debit: 1250000, credit: 0 },
      { account: '4-190', debit: 0, credit: 1250000 },
    ],
    hash: 'ac54e6817a70b6a36117e465237feafef472a48349d5bca832e3701557b0e61b',
    sig: 'RAnzf7i_Y720QCxUZKItpXO4_QenO4Zp7xUkYVtLe1BwkloFuQ5SK9NP1evA6yhhoCsw-f9pFCRR7kuFlbaADg',
  },
} as const;

export const COOP = '5b0e7c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c';
export const DEVICE = '6c1f8d3b-2e4a-4f5b-9c7d-8e9f0a1b2c3d';
export const MEMBER = '0193a1c0-0000-7000-8000-00000000000a';
export const LOAN = '0193a1c0-0000-7000-8000-0000000000b1';

let keysPromise: Promise<DeviceKeyPair> | undefined;
/** One key pair per test file: generation is the slow part. */
export function testKeys(): Promise<DeviceKeyPair> {
  keysPromise ??= generateDeviceKeyPair({ extractable: false });
  return keysPromise;
}

/** Loose on purpose: tests write plain numbers and strings; the builder and schema check them. */
type LooseBody = { type: string; data: unknown };
type LooseOverrides = { [K in keyof BuildEntryInput]?: unknown };

/** A signed entry of this test device with sensible envelope defaults. */
export async function signed(body: LooseBody, overrides: LooseOverrides = {}): Promise<Entry> {
  const { privateKey } = await testKeys();
  const unsigned = buildUnsignedEntry({
    cooperativeId: COOP,
    deviceId: DEVICE,
    seq: 1,
    prevHash: ZERO_HASH,
    recordedAt: '2026-11-29T03:54:29.123Z',
    date: '2026-11-29',
    actor: 'Bu Siti',
    ...body,
    ...overrides,
  } as BuildEntryInput);
  return signEntry(unsigned, privateKey);
}

/** Re-signs an entry after a test changed it (so only the change under test is wrong). */
export async function resign(entry: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { privateKey } = await testKeys();
  const { hash: _h, sig: _s, ...unsigned } = entry;
  return signEntry(unsigned as UnsignedEntry, privateKey);
}

export function context(publicKey: DeviceKey, overrides: Partial<StructuralContext> = {}): StructuralContext {
  return {
    expectedCooperativeId: COOP,
    expectedDeviceId: DEVICE,
    devicePublicKey: publicKey,
    previous: undefined,
    accountExists: isDefaultAccountCode,
    findEntry: () => undefined,
    ...overrides,
  };
}

/** Plain-number lines as branded journal lines. */
export function asLines(raw: readonly { account: string; debit: number; credit: number }[]): JournalLine[] {
  return raw.map((l) => ({ account: l.account, debit: rupiah(l.debit), credit: rupiah(l.credit) }));
}
