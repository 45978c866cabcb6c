import { describe, expect, it } from 'vitest';
import { completeEnrollment, startLocalMode } from '../../src/db/enrollment.ts';
import { loadDeviceKeys } from '../../src/db/device-keys.ts';
import { readChainHead, readMeta } from '../../src/db/meta.ts';
import { markAcked, pendingEntries } from '../../src/db/outbox.ts';
import { currentLedger } from '../../src/db/projections.ts';
import { ZERO_HASH } from '../../src/domain/entry/schema.ts';
import { entryHash, entrySigningBytes } from '../../src/domain/hashing.ts';
import { verifyBytes } from '../../src/domain/signing.ts';
import { COOP, COOP_INFO, DEVICE, deposit, freshDb, join, localPhone, newMemberId, reversal, save } from './support.ts';

describe('local-only mode and enrollment', () => {
  it('starts with a provisional identity and a non-extractable key, once', async () => {
    const db = freshDb();
    const first = await startLocalMode(db);
    const again = await startLocalMode(db);
    expect(again).toEqual(first);
    expect(first.mode).toBe('local');
    const keys = await loadDeviceKeys(db);
    expect(keys?.privateKey.extractable).toBe(false);
    expect(keys?.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it('re-issues local entries under the enrolled ids: same ids and facts, a new valid chain', async () => {
    const db = await localPhone();
    const provisional = await readMeta(db, 'identity');
    const member = newMemberId();
    const joined = await save(db, join(member, 'L-001', 'Sumarni'));
    const dep = await save(db, deposit(member, 'pokok', 100_000));
    const rev = await save(db, reversal(dep.id));
    const dep2 = await save(db, deposit(member, 'wajib', 25_000));
    const before = [joined, dep, rev, dep2];
    expect(before.every((e) => e.cooperativeId === provisional?.cooperativeId)).toBe(true);

    const result = await completeEnrollment(db, { cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO });
    expect(result).toEqual({ ok: true, value: { reissued: 4 } });
    expect(await readMeta(db, 'identity')).toMatchObject({ mode: 'enrolled', cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO });

    const after = await pendingEntries(db, 100);
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    const keys = await loadDeviceKeys(db);
    if (keys === undefined) throw new Error('no keys');
    let prev = ZERO_HASH;
    for (const [i, e] of after.entries()) {
      const old = before[i];
      expect(e).toMatchObject({ cooperativeId: COOP, deviceId: DEVICE, seq: i + 1, prevHash: prev });
      expect({ type: e.type, data: e.data, date: e.date, actor: e.actor, recordedAt: e.recordedAt, lines: e.lines }).toEqual({
        type: old?.type,
        data: old?.data,
        date: old?.date,
        actor: old?.actor,
        recordedAt: old?.recordedAt,
        lines: old?.lines,
      });
      expect(await entryHash(e)).toBe(e.hash);
      expect(await verifyBytes(keys.publicKey, e.sig, entrySigningBytes(e))).toBe(true);
      prev = e.hash;
    }
    expect(await readChainHead(db)).toEqual({ seq: 4, hash: prev });
    // Index columns follow the entry; the ledger was recomputed under the new device id.
    expect((await db.entries.where('[deviceId+seq]').equals([DEVICE, 2]).first())?.id).toBe(dep.id);
    const ledger = await currentLedger(db);
    expect(ledger.members.get(member)?.savings).toEqual({ pokok: 0, wajib: 25_000, sukarela: 0 });
    expect(ledger.entries.get(dep2.id)?.deviceId).toBe(DEVICE);
    // The next entry continues the enrolled chain.
    const next = await save(db, deposit(member, 'wajib', 25_000, '2026-12-01'));
    expect(next).toMatchObject({ seq: 5, prevHash: prev, deviceId: DEVICE });
  });

  it('refuses to enroll twice, and to re-issue once anything was acknowledged', async () => {
    const db = await localPhone();
    await save(db, join(newMemberId(), 'L-002', 'Darto'));
    const [only] = await pendingEntries(db, 1);
    if (only === undefined) throw new Error('no entry');
    await markAcked(db, [{ id: only.id, status: 'accepted', serverSeq: 1 }]);
    expect(await completeEnrollment(db, { cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO })).toEqual({
      ok: false,
      error: 'already-synced',
    });
    const fresh = await localPhone();
    expect((await completeEnrollment(fresh, { cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO })).ok).toBe(true);
    expect(await completeEnrollment(fresh, { cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO })).toEqual({
      ok: false,
      error: 'already-enrolled',
    });
  });
});
