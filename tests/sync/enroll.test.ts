/**
 * Enrollment against the real server (SQLite is enough here: the server's store is covered on
 * both backends by the server suite and push-pull.test.ts): every way a code can fail maps to a
 * typed error the screen can explain, and success stores what the sync engine needs.
 */
import Dexie, { type DBCoreTransaction } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import { loadDeviceKeys } from '../../src/db/device-keys.ts';
import { completeEnrollment, startLocalMode } from '../../src/db/enrollment.ts';
import { DEMO_SEED } from '../../src/domain/demo/generate.ts';
import { loadDemo } from '../../src/features/demo/load-demo.ts';
import { readMeta } from '../../src/db/meta.ts';
import { enroll, enrollErrorFor, normaliseEnrollmentCode } from '../../src/sync/enroll.ts';
import { readSyncMeta } from '../../src/sync/sync-meta.ts';
import { freePort } from '../support/app-server.ts';
import { watchMetaWrites } from '../support/meta-writes.ts';
import { newPhone, realFetch, startDistrict, wire, type District } from './harness.ts';

describe('enroll', () => {
  let district: District;
  let coop: string;

  beforeAll(async () => {
    district = await startDistrict('sqlite');
    coop = await district.createCooperative('Koperasi Tani Makmur');
  });
  afterAll(async () => {
    await district.close();
  });

  it('stores the identity, the server URL, chart and clock offset, and sends only the public key', async () => {
    const db = newPhone('enroll');
    const code = await district.enrollmentCode(coop);
    const net = wire();
    // Typed the way people type codes: lower case, with spaces.
    const typed = code.toLowerCase().replace(/(.{4})/g, '$1 ');
    const result = await enroll(db, { serverUrl: district.url, code: typed, deviceName: '  HP Bendahara ', fetch: net.fetch });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.cooperative).toMatchObject({ id: coop, name: 'Koperasi Tani Makmur' });
    const identity = await readMeta(db, 'identity');
    expect(identity).toMatchObject({ mode: 'enrolled', cooperativeId: coop, deviceId: result.value.deviceId });
    const saved = await readSyncMeta(db, 'sync.enrollment');
    expect(saved?.serverUrl).toBe(district.url);
    expect(saved?.deviceName).toBe('HP Bendahara');
    expect(saved?.chart.find((a) => a.code === '1-101')?.name).toBe('Kas');
    expect(typeof (await readSyncMeta(db, 'sync.clockOffsetMs'))).toBe('number');

    const sent = net.sent[0]?.json as { code: string; name: string; publicKey: Record<string, unknown> };
    expect(sent.code).toBe(normaliseEnrollmentCode(code));
    expect(Object.keys(sent.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    const keys = await loadDeviceKeys(db);
    expect(keys?.privateKey.extractable).toBe(false);
    expect(keys?.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });

    const again = await enroll(db, { serverUrl: district.url, code, deviceName: 'HP', fetch: realFetch });
    expect(again).toMatchObject({ ok: false, error: 'already-enrolled' });
  });

  it('refuses demo books before asking the server: the code stays unused, and nothing of the demo is pushed', async () => {
    // The demo's ids are fixed by its seed and date: another phone's demo (or the server's --demo
    // cooperative) holds the same ids with other hashes, and each would be an id-conflict hole.
    const db = newPhone('enroll-demo');
    await startLocalMode(db);
    const loaded = await loadDemo(db, { seed: DEMO_SEED, until: '2026-11-29', members: 4, months: 1, loans: 1 });
    expect(loaded.ok).toBe(true);
    const code = await district.enrollmentCode(coop);
    const net = wire();
    expect(await enroll(db, { serverUrl: district.url, code, deviceName: 'HP uji coba', fetch: net.fetch })).toEqual({ ok: false, error: 'demo-books', detail: null });
    expect(net.sent).toHaveLength(0);
    expect((await readMeta(db, 'identity'))?.mode).toBe('local');
    // Also refused where the identity would be stored (a caller that skipped the first check).
    expect(await completeEnrollment(db, { cooperativeId: coop, deviceId: crypto.randomUUID(), cooperative: { name: 'Koperasi Tani Makmur', village: 'Desa', district: 'Jember' } })).toEqual({ ok: false, error: 'demo-books' });
    // The code still enrolls a phone with real books.
    expect((await enroll(newPhone('enroll-after-demo'), { serverUrl: district.url, code, deviceName: 'HP Bendahara', fetch: realFetch })).ok).toBe(true);
  });

  it('writes the server address and clock offset in the transaction that makes the phone enrolled', async () => {
    // The sync engine starts the moment the identity reads as enrolled: its first run must find
    // where the district server is, or it would ask the app's own origin.
    const db = newPhone('enroll-together');
    const writes = metaWritesByTransaction(db);
    const result = await enroll(db, { serverUrl: district.url, code: await district.enrollmentCode(coop), deviceName: 'HP Kasir', fetch: realFetch });
    expect(result.ok).toBe(true);
    const enrolling = writes.find((keys) => keys.includes('identity') && keys.length > 1);
    expect(enrolling).toBeDefined();
    expect(enrolling).toEqual(expect.arrayContaining(['identity', 'chainHead', 'sync.enrollment', 'sync.clockOffsetMs']));
    expect((await readSyncMeta(db, 'sync.enrollment'))?.serverUrl).toBe(district.url);
  });

  it('notes the enrollment outside IndexedDB from inside that transaction, and a note that fails undoes nothing', async () => {
    const db = newPhone('enroll-note');
    const noted: { deviceId: string; reissued: number; inTransaction: string | undefined }[] = [];
    const result = await enroll(db, {
      serverUrl: district.url,
      code: await district.enrollmentCode(coop),
      deviceName: 'HP Kasir',
      fetch: realFetch,
      onStoring: (enrolled) => {
        // Inside the read-write transaction that stores the identity, before it commits.
        const trans = Dexie.currentTransaction;
        noted.push({ deviceId: enrolled.deviceId, reissued: enrolled.reissued, inTransaction: trans === null ? undefined : `${trans.mode} ${[...trans.storeNames].sort().join(',')}` });
        throw new Error('localStorage blocked');
      },
    });
    expect(result.ok).toBe(true);
    expect(noted).toHaveLength(1);
    expect(noted[0]?.deviceId).toBe(result.ok ? result.value.deviceId : undefined);
    expect(noted[0]?.reissued).toBe(0);
    expect(noted[0]?.inTransaction).toBe('readwrite entries,meta,projections');
    expect((await readMeta(db, 'identity'))?.mode).toBe('enrolled');
  });

  it('maps wrong, used and expired codes to their own errors', async () => {
    const wrong = await enroll(newPhone(), { serverUrl: district.url, code: 'ZZZZ-ZZZZ-ZZ', deviceName: 'HP', fetch: realFetch });
    expect(wrong).toMatchObject({ ok: false, error: 'code-invalid' });

    const code = await district.enrollmentCode(coop);
    expect((await enroll(newPhone(), { serverUrl: district.url, code, deviceName: 'HP 1', fetch: realFetch })).ok).toBe(true);
    const used = await enroll(newPhone(), { serverUrl: district.url, code, deviceName: 'HP 2', fetch: realFetch });
    expect(used).toMatchObject({ ok: false, error: 'code-used' });

    const old = await district.enrollmentCode(coop);
    district.clock.advance(8 * 24 * 60 * 60_000);
    const expired = await enroll(newPhone(), { serverUrl: district.url, code: old, deviceName: 'HP 3', fetch: realFetch });
    expect(expired).toMatchObject({ ok: false, error: 'code-expired' });
    // Back to the present, or the admin session of the other tests would have expired too.
    district.clock.advance(-8 * 24 * 60 * 60_000);
  });

  it('reports network trouble as network, and a phone that failed can enroll later', async () => {
    const db = newPhone();
    const nobody = `http://127.0.0.1:${String(await freePort())}`;
    const offline = await enroll(db, { serverUrl: nobody, code: 'ABCD-EFGH-JK', deviceName: 'HP', fetch: realFetch });
    expect(offline).toMatchObject({ ok: false, error: 'network' });
    const portal = await enroll(db, {
      serverUrl: district.url,
      code: 'ABCD-EFGH-JK',
      deviceName: 'HP',
      fetch: () => Promise.resolve(new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } })),
    });
    expect(portal).toMatchObject({ ok: false, error: 'network' });
    expect(await readMeta(db, 'identity')).toBeUndefined();

    const code = await district.enrollmentCode(coop);
    expect((await enroll(db, { serverUrl: district.url, code, deviceName: 'HP', fetch: realFetch })).ok).toBe(true);
  });

  it('classifies refusal codes by their meaning', () => {
    expect(enrollErrorFor(429, 'too-many-attempts')).toBe('throttled');
    expect(enrollErrorFor(410, 'enrollment-code-used')).toBe('code-used');
    expect(enrollErrorFor(410, 'enrollment-code-expired')).toBe('code-expired');
    expect(enrollErrorFor(400, 'enrollment-code-invalid')).toBe('code-invalid');
  });
});

/** The meta keys each read-write transaction of `db` puts, one list per transaction, in order (what reaches IndexedDB). */
function metaWritesByTransaction(db: LumbungDb): string[][] {
  const byTransaction = new Map<DBCoreTransaction, string[]>();
  const inOrder: string[][] = [];
  watchMetaWrites(db, {
    onWrite: (keys, trans) => {
      let written = byTransaction.get(trans);
      if (written === undefined) {
        written = [];
        byTransaction.set(trans, written);
        inOrder.push(written);
      }
      written.push(...keys);
    },
  });
  return inOrder;
}
