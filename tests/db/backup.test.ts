import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup, type BackupFile } from '../../src/db/backup.ts';
import { loadDeviceKeys } from '../../src/db/device-keys.ts';
import { ingestPulled } from '../../src/db/ingest.ts';
import { readChainHead } from '../../src/db/meta.ts';
import { currentLedger, projectionSnapshot } from '../../src/db/projections.ts';
import { pendingEntries } from '../../src/db/outbox.ts';
import { LumbungDb } from '../../src/db/database.ts';
import type { MemberId } from '../../src/domain/ids.ts';
import { completeEnrollment } from '../../src/db/enrollment.ts';
import { COOP, COOP_INFO, DEVICE, deposit, enrolledPhone, freshDb, join, newMemberId, reversal, save } from './support.ts';
import { RemoteDevice } from './remote.ts';

type Fixture = { source: LumbungDb; file: BackupFile; keyFor: (id: string) => CryptoKey | undefined; member: MemberId };

/** A phone with its own entries (one reversed) and another device's pulled entries, exported. */
async function exportedPhone(): Promise<Fixture> {
  const source = await enrolledPhone();
  const other = await RemoteDevice.create();
  const member = newMemberId();
  await save(source, join(member, 'K-001', 'Siti Aminah'));
  await save(source, deposit(member, 'pokok', 100_000));
  const wrong = await save(source, deposit(member, 'wajib', 250_000));
  await save(source, reversal(wrong.id));
  await save(source, deposit(member, 'wajib', 25_000));
  await ingestPulled(source, { entries: [await other.sign(deposit(member, 'sukarela', 40_000))], cursor: 'MQ' });
  const own = await loadDeviceKeys(source);
  if (own === undefined) throw new Error('no keys');
  const keyFor = (id: string) => (id === DEVICE ? own.publicKey : id === other.deviceId ? other.keys.publicKey : undefined);
  const exported = await exportBackup(source);
  if (!exported.ok) throw new Error(exported.error);
  return { source, file: exported.value, keyFor, member };
}

/** A new phone enrolled in the same cooperative under the same device id (the lost phone's data is restored). */
async function emptyTwin(source: LumbungDb): Promise<LumbungDb> {
  const keys = await loadDeviceKeys(source);
  if (keys === undefined) throw new Error('no keys');
  const twin = freshDb();
  await twin.keys.add({ id: 'device', ...keys });
  const enrolled = await completeEnrollment(twin, { cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO });
  if (!enrolled.ok) throw new Error(enrolled.error);
  return twin;
}

describe('backup', () => {
  it('refuses to export before the phone has an identity', async () => {
    expect(await exportBackup(freshDb())).toEqual({ ok: false, error: 'not-initialised' });
  });

  it('exports every signed entry verbatim, in fold order', async () => {
    const { source, file } = await exportedPhone();
    expect(file).toMatchObject({ format: 'lumbung-backup', version: 1, cooperativeId: COOP, deviceId: DEVICE });
    expect(file.entries).toEqual((await source.entries.orderBy('order').toArray()).map((r) => r.entry));
    expect(file.entries).toHaveLength(6);
    // Survives JSON (the file on a flash drive) unchanged.
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });

  it('round trip: a restored phone has the same entries, chain head, outbox and projections', async () => {
    const { source, file, keyFor, member } = await exportedPhone();
    const twin = await emptyTwin(source);
    const result = await restoreBackup(twin, JSON.parse(JSON.stringify(file)), keyFor);
    expect(result).toEqual({ ok: true, value: { added: 6, skipped: 0, pending: 5, restored: 1 } });
    expect(await readChainHead(twin)).toEqual(await readChainHead(source));
    expect(await pendingEntries(twin, 100)).toEqual(await pendingEntries(source, 100));
    expect(await projectionSnapshot(twin)).toEqual(await projectionSnapshot(source));
    expect((await currentLedger(twin)).members.get(member)?.savings).toEqual({ pokok: 100_000, wajib: 25_000, sukarela: 40_000 });
    // Idempotent: the same file again adds nothing and changes nothing.
    const before = await projectionSnapshot(twin);
    expect(await restoreBackup(twin, file, keyFor)).toEqual({ ok: true, value: { added: 0, skipped: 6, pending: 0, restored: 0 } });
    expect(await projectionSnapshot(twin)).toEqual(before);
    // The restored phone keeps recording on the same chain.
    const next = await save(twin, deposit(member, 'wajib', 25_000, '2026-12-02'));
    expect(next.seq).toBe(6);
  });

  describe('refusals leave the phone exactly as it was', () => {
    async function expectRefused(mutate: (file: BackupFile) => unknown, error: string, twinOf?: (source: LumbungDb) => Promise<LumbungDb>) {
      const { source, file, keyFor } = await exportedPhone();
      const twin = await (twinOf ?? emptyTwin)(source);
      await save(twin, join(newMemberId(), 'Z-009', 'Penanda'));
      const before = { entries: await twin.entries.toArray(), projections: await projectionSnapshot(twin), head: await readChainHead(twin) };
      const result = await restoreBackup(twin, mutate(structuredClone(file)), keyFor);
      expect(result).toMatchObject({ ok: false, error });
      expect({ entries: await twin.entries.toArray(), projections: await projectionSnapshot(twin), head: await readChainHead(twin) }).toEqual(before);
    }

    it('not a backup file', async () => {
      await expectRefused(() => ({ hello: 'world' }), 'not-a-backup');
      await expectRefused((f) => ({ ...f, version: 2 }), 'not-a-backup');
    });

    it('a corrupt entry (truncated, wrong type)', async () => {
      await expectRefused((f) => {
        const [first] = f.entries;
        return { ...f, entries: [{ ...first, seq: 'one' }, ...f.entries.slice(1)] };
      }, 'entry-invalid');
    });

    it('another cooperative\'s file', async () => {
      await expectRefused((f) => ({ ...f, cooperativeId: '00000000-0000-4000-8000-000000000000' }), 'foreign-cooperative');
    });

    it('a tampered amount (hash no longer matches)', async () => {
      await expectRefused((f) => {
        const entries = f.entries.map((e) => (e.type === 'savings.deposited' && e.data.kind === 'pokok' ? { ...e, data: { ...e.data, amount: 1_000_000 } } : e));
        return { ...f, entries };
      }, 'hash-mismatch');
    });

    it('a re-hashed but unsigned change (signature no longer matches)', async () => {
      const { source, file, keyFor } = await exportedPhone();
      const twin = await emptyTwin(source);
      const { entryHash } = await import('../../src/domain/hashing.ts');
      const entries = await Promise.all(
        file.entries.map(async (e) => (e.seq === 1 && e.deviceId === DEVICE ? { ...e, actor: 'Pak Palsu', hash: await entryHash({ ...e, actor: 'Pak Palsu' }) } : e)),
      );
      expect(await restoreBackup(twin, { ...file, entries }, keyFor)).toMatchObject({ ok: false, error: 'signature-invalid' });
      expect(await twin.entries.count()).toBe(0);
    });

    it('a dropped entry (the exporting device\'s chain has a hole)', async () => {
      await expectRefused((f) => ({ ...f, entries: f.entries.filter((e) => !(e.deviceId === DEVICE && e.seq === 3)) }), 'chain-broken');
    });

    it('a file whose seqs this phone already used for other entries', async () => {
      // The twin recorded its own seq 1 ("Penanda") before the restore: the file's seq 1 cannot fit.
      await expectRefused((f) => f, 'chain-conflict');
    });

    it('an unknown device key', async () => {
      const { source, file } = await exportedPhone();
      const twin = await emptyTwin(source);
      expect(await restoreBackup(twin, file, () => undefined)).toMatchObject({ ok: false, error: 'signature-unverifiable' });
    });
  });
});
