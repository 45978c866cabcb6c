// The site-data note kept outside IndexedDB (src/db/site-data-marker.ts) and the comparison with the
// books (src/db/site-data-summary.ts): real Dexie on fake-indexeddb, real signed entries; the
// note's store is a Map standing in for localStorage (same three calls).
import { describe, expect, it } from 'vitest';
import { completeEnrollment } from '../../src/db/enrollment.ts';
import {
  MARKER_KEY,
  RESTORE_NOTICE_KEY,
  dismissRestoreNotice,
  lostBooks,
  noteEnrollment,
  readMarker,
  readRestoreNotice,
  type KeyValueStore,
} from '../../src/db/site-data-marker.ts';
import { checkSiteData, countDeviceEntries } from '../../src/db/site-data-summary.ts';
import { COOP, COOP_INFO, DEVICE, OTHER_DEVICE, enrolledPhone, freshDb, localPhone, sale, save } from './support.ts';

function memoryStore(): KeyValueStore & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const AT = new Date('2026-11-20T03:00:00Z');
const LATER = new Date('2026-11-22T03:00:00Z');

describe('the site-data note', () => {
  it('a new phone with no note is fresh, and nothing is written', async () => {
    const store = memoryStore();
    expect(await checkSiteData(freshDb(), store, AT)).toEqual({ kind: 'fresh' });
    expect(store.map.size).toBe(0);
  });

  it('describes the books: entries, own chain head, outbox', async () => {
    const db = await enrolledPhone();
    await save(db, sale(15_000, undefined));
    await save(db, sale(25_000, undefined));
    const store = memoryStore();
    const check = await checkSiteData(db, store, AT);
    expect(check.kind).toBe('ok');
    expect(readMarker(store)).toEqual({
      mode: 'enrolled',
      cooperativeId: COOP,
      deviceId: DEVICE,
      cooperativeName: COOP_INFO.name,
      entries: 2,
      ownSeq: 2,
      pending: 2,
      at: AT.toISOString(),
    });
    expect(await countDeviceEntries(db, DEVICE)).toBe(2);
    expect(await countDeviceEntries(db, OTHER_DEVICE)).toBe(0);
  });

  it('IndexedDB wiped, note kept: the books are reported lost and the note is left alone', async () => {
    const store = memoryStore();
    const old = await enrolledPhone();
    await save(old, sale(15_000, undefined));
    await checkSiteData(old, store, AT);
    const before = store.map.get(MARKER_KEY);

    const wiped = freshDb();
    const check = await checkSiteData(wiped, store, LATER);
    expect(check).toEqual({ kind: 'lost', lost: readMarker(store) });
    expect(store.map.get(MARKER_KEY)).toBe(before);
    expect(lostBooks(store)?.entries).toBe(1);
  });

  it('enrolled again as a new device: the restore notice keeps what was lost, whichever runs first', async () => {
    for (const order of ['watch-first', 'form-first'] as const) {
      const store = memoryStore();
      const old = await enrolledPhone();
      await save(old, sale(15_000, undefined));
      await save(old, sale(25_000, undefined));
      await checkSiteData(old, store, AT);

      const again = freshDb();
      const enrolled = await completeEnrollment(again, { cooperativeId: COOP, deviceId: OTHER_DEVICE, cooperative: COOP_INFO }, LATER);
      expect(enrolled.ok).toBe(true);
      if (order === 'form-first') noteEnrollment(store, { deviceId: OTHER_DEVICE, entriesNow: 0 }, LATER);
      expect((await checkSiteData(again, store, LATER)).kind).toBe('ok');
      if (order === 'watch-first') noteEnrollment(store, { deviceId: OTHER_DEVICE, entriesNow: 0 }, LATER);

      const notice = readRestoreNotice(store);
      expect(notice?.deviceId).toBe(OTHER_DEVICE);
      expect(notice?.lost).toMatchObject({ deviceId: DEVICE, entries: 2, ownSeq: 2, pending: 2 });
      // The note now describes the new books.
      expect(readMarker(store)).toMatchObject({ deviceId: OTHER_DEVICE, entries: 0 });
      dismissRestoreNotice(store);
      expect(store.map.has(RESTORE_NOTICE_KEY)).toBe(false);
    }
  });

  it('everything cleared, then enrolled: a notice without a known loss', () => {
    const store = memoryStore();
    const notice = noteEnrollment(store, { deviceId: OTHER_DEVICE, entriesNow: 0 }, LATER);
    expect(notice).toEqual({ deviceId: OTHER_DEVICE, since: LATER.toISOString(), lost: null });
    expect(readRestoreNotice(store)).toEqual(notice);
  });

  it('a trial phone enrolled with its entries re-issued has lost nothing', async () => {
    const store = memoryStore();
    const db = await localPhone();
    await save(db, sale(5_000, undefined));
    await checkSiteData(db, store, AT);
    expect(readMarker(store)).toMatchObject({ mode: 'local', entries: 1 });
    const enrolled = await completeEnrollment(db, { cooperativeId: COOP, deviceId: DEVICE, cooperative: COOP_INFO }, LATER);
    expect(enrolled).toEqual({ ok: true, value: { reissued: 1 } });
    expect(noteEnrollment(store, { deviceId: DEVICE, entriesNow: 1 }, LATER).lost).toBeNull();
    expect((await checkSiteData(db, store, LATER)).kind).toBe('ok');
    expect(readRestoreNotice(store)?.lost).toBeNull();
    expect(readMarker(store)).toMatchObject({ mode: 'enrolled', deviceId: DEVICE, entries: 1, ownSeq: 1 });
  });

  it('the same device with a shorter own chain than the note is behind, and the note keeps the higher figures', async () => {
    const store = memoryStore();
    const db = await enrolledPhone();
    for (const amount of [1_000, 2_000, 3_000]) await save(db, sale(amount, undefined));
    await checkSiteData(db, store, AT);

    // An older copy of the same phone: only the first entry.
    const older = await enrolledPhone();
    await save(older, sale(1_000, undefined));
    const check = await checkSiteData(older, store, LATER);
    expect(check.kind).toBe('behind');
    if (check.kind !== 'behind') return;
    expect([check.summary.ownSeq, check.marker.ownSeq]).toEqual([1, 3]);
    expect(readMarker(store)).toMatchObject({ ownSeq: 3, at: AT.toISOString() });
  });

  it('a damaged or hand-edited note reads as no note', async () => {
    const store = memoryStore();
    for (const raw of ['not json', '[]', '{"mode":"enrolled"}', JSON.stringify({ mode: 'enrolled', cooperativeId: COOP, deviceId: DEVICE, cooperativeName: 'X', entries: -1, ownSeq: 0, pending: 0, at: '' })]) {
      store.setItem(MARKER_KEY, raw);
      expect(readMarker(store)).toBeUndefined();
      expect(await checkSiteData(freshDb(), store, AT)).toEqual({ kind: 'fresh' });
    }
    store.setItem(RESTORE_NOTICE_KEY, '{"deviceId":1}');
    expect(readRestoreNotice(store)).toBeUndefined();
    // No storage at all (blocked): nothing throws.
    expect(readMarker(undefined)).toBeUndefined();
    expect(noteEnrollment(undefined, { deviceId: DEVICE, entriesNow: 0 }, AT).lost).toBeNull();
  });

});
