/**
 * The push path's batch verification (server/entries/verify-pool.ts): signatures of a batch are
 * verified side by side, yet every verdict, reason and chain place is what checking one entry after
 * another gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { checkEntry, type PrecomputedSigning } from '../../src/domain/entry/validate.ts';
import { encodeCursor, GENESIS_MARK, nextChainMark } from '../../src/domain/ledger/index.ts';
import { utf8 } from '../../src/domain/hashing.ts';
import { sha256HexSync } from '../../src/domain/sha256.ts';
import { startBatchVerification } from '../../server/entries/verify-pool.ts';
import { deposit, ids, joined, newDeviceKeys, TestDevice } from '../support/entries.ts';
import { startHarness, type Harness } from './harness.ts';

function sealOf(entry: Entry): { bytes: Uint8Array; digest: string } {
  const { hash: _hash, sig: _sig, ...unsigned } = entry;
  const bytes = utf8(canonicalJson(unsigned));
  return { bytes, digest: sha256HexSync(bytes) };
}

describe('startBatchVerification', () => {
  it('answers like a plain verify for good, forged, re-used and unstarted signatures', async () => {
    const keys = await newDeviceKeys();
    const other = await newDeviceKeys();
    const device = new TestDevice('3f2b8c1e-5d4a-4b6f-9e21-0a7c9d3e5f10', '8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f', keys);
    const member = ids.member();
    const good = [await device.entry(joined(member, 'A-001', 'Siti Aminah')), await device.entry(deposit(member, 'pokok', 100_000))];
    // Re-signed by another key, hash recomputed: a perfect-looking entry with a wrong signature.
    const forged = await new TestDevice(device.cooperativeId, device.deviceId, other).entryAt(3, device.head, deposit(member, 'wajib', 20_000));
    // Another entry's signature copied onto different bytes.
    const copied = { ...(await device.entryAt(3, device.head, deposit(member, 'wajib', 25_000))), sig: good[0]?.sig ?? '' };
    const sameBytes = await device.entryAt(3, device.head, deposit(member, 'sukarela', 50_000));
    const badHash = { ...sameBytes, hash: 'f'.repeat(64) };

    const batch = startBatchVerification(keys.pair.publicKey, [...good, forged, copied, badHash, 'junk', { sig: 'x' }]);
    const verify = batch.verifySignature;
    for (const entry of good) {
      const { bytes, digest } = sealOf(entry);
      expect(await verify(entry.sig, bytes, digest)).toBe(true);
    }
    const forgedSeal = sealOf(forged);
    expect(await verify(forged.sig, forgedSeal.bytes, forgedSeal.digest)).toBe(false);
    const copiedSeal = sealOf(copied);
    expect(await verify(copied.sig, copiedSeal.bytes, copiedSeal.digest)).toBe(false);
    // Started from a copy with a wrong claimed hash: the bytes are the same, so is the verdict.
    const plainSeal = sealOf(sameBytes);
    expect(await verify(sameBytes.sig, plainSeal.bytes, plainSeal.digest)).toBe(true);
    // Never started: verified on demand, correctly, both ways.
    const later = await device.entryAt(3, device.head, deposit(member, 'sukarela', 75_000));
    const laterSeal = sealOf(later);
    expect(await verify(later.sig, laterSeal.bytes, laterSeal.digest)).toBe(true);
    expect(await verify(forged.sig, laterSeal.bytes, laterSeal.digest)).toBe(false);
  });

  it("hands checkEntry each entry's signing bytes and native digest, used only for the object they came from", async () => {
    const keys = await newDeviceKeys();
    const device = new TestDevice('3f2b8c1e-5d4a-4b6f-9e21-0a7c9d3e5f10', '8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f', keys);
    const member = ids.member();
    const first = await device.entry(joined(member, 'A-001', 'Siti Aminah'));
    const second = await device.entry(deposit(member, 'pokok', 100_000));
    const badHash = { ...second, hash: 'f'.repeat(64) };
    const raws: unknown[] = [first, badHash, 'junk', { v: 1.5, hash: 'a', sig: 'b' }];
    const batch = startBatchVerification(keys.pair.publicKey, raws);

    // The same bytes and digest as the domain's canonical JSON and JavaScript SHA-256.
    const signing = batch.signingOf(first);
    expect(signing?.of).toBe(first);
    expect(signing?.digest).toBe(first.hash);
    expect(Buffer.from(signing?.bytes ?? new Uint8Array()).equals(sealOf(first).bytes)).toBe(true);
    expect(batch.signingOf(badHash)?.digest).toBe(second.hash);
    expect(batch.signingOf('junk')).toBeUndefined();
    expect(batch.signingOf(raws[3])).toBeUndefined(); // a float is not canonical JSON
    expect(batch.signingOf(second)).toBeUndefined(); // not in the batch (badHash is a copy)

    const context = (signing: PrecomputedSigning | undefined, previous?: { seq: number; hash: string }) => ({
      expectedCooperativeId: device.cooperativeId,
      expectedDeviceId: device.deviceId,
      devicePublicKey: keys.pair.publicKey,
      previous,
      accountExists: () => true,
      findEntry: () => undefined,
      verifySignature: batch.verifySignature,
      signing,
    });
    expect((await checkEntry(first, context(batch.signingOf(first)))).status).toBe('valid');
    // The claimed hash is not the digest: rejected for the hash, with the natively computed digest.
    expect(await checkEntry(badHash, context(batch.signingOf(badHash), { seq: 1, hash: first.hash }))).toEqual({
      status: 'rejected',
      reason: 'hash-mismatch',
      details: { computed: second.hash },
    });
    // A signing computed from another object is ignored: the entry is hashed for itself.
    expect((await checkEntry(second, context(batch.signingOf(first), { seq: 1, hash: first.hash }))).status).toBe('valid');
    expect(await checkEntry(badHash, context(batch.signingOf(first), { seq: 1, hash: first.hash }))).toMatchObject({ reason: 'hash-mismatch' });
  });
});

describe('push with batch verification on the sqlite server', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness('sqlite');
  });
  afterAll(async () => {
    await harness.close();
  });

  it('rejects the one forged entry of a 60-entry batch in its place, keeps its chain place and accepts the rest in order', async () => {
    const coop = await harness.createCooperative();
    const device = await harness.enroll(coop);
    const impostor = new TestDevice(coop, device.deviceId, await newDeviceKeys());
    const member = ids.member();
    const batch: Entry[] = [await device.entry(joined(member, 'A-001', 'Siti Aminah'))];
    while (batch.length < 60) {
      if (batch.length === 30) {
        // Entry 31 is signed by the wrong key; the phone's chain goes on from it, as the server keeps it.
        const forged = await impostor.entryAt(device.seq + 1, device.head, deposit(member, 'wajib', 20_000));
        device.seq = forged.seq;
        device.head = forged.hash;
        batch.push(forged);
        continue;
      }
      batch.push(await device.entry(deposit(member, 'wajib', 20_000 + batch.length * 1_000)));
    }
    const answer = await harness.push(device, batch);
    expect(answer.results.map((r) => r.id)).toEqual(batch.map((e) => e.id));
    expect(answer.results[30]).toEqual({ id: batch[30]?.id, status: 'rejected', reason: 'signature-invalid' });
    const accepted = answer.results.filter((r) => r.status === 'accepted');
    expect(accepted).toHaveLength(59);
    // serverSeqs follow seq order with no hole where the rejected entry sits.
    expect(accepted.map((r) => r.serverSeq)).toEqual(Array.from({ length: 59 }, (_, i) => i + 1));
    // The answer names the cooperative's newest serverSeq as a pull cursor (docs/api.md addition).
    // Its chain mark follows the 59 accepted entries in order; the rejected one has no place in it.
    const mark = batch.filter((_, i) => i !== 30).reduce((m, entry) => nextChainMark(m, entry.hash), GENESIS_MARK);
    expect((answer as unknown as { cursor: string }).cursor).toBe(encodeCursor(59, mark));

    // Sent again: all duplicates (or the stored rejection), nothing verified twice into a new verdict.
    const again = await harness.push(device, batch);
    expect(again.results.filter((r) => r.status === 'duplicate')).toHaveLength(59);
    expect(again.results[30]).toMatchObject({ status: 'rejected', reason: 'signature-invalid' });
  });
});
