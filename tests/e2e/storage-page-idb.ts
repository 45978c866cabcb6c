/**
 * Raw IndexedDB and quota work inside the page, for the storage-fault browser tests: what the
 * phone really holds (read past the app), a filler database that eats the origin's quota the way
 * photos and other sites' data eat a cheap phone's disk, and the DevTools quota override.
 *
 * These files typecheck without the DOM lib; the callbacks run in the page and reach its globals
 * through a cast (see page-globals.ts).
 */
import type { CDPSession, Page } from 'playwright-core';

type Request<T> = { onsuccess: (() => void) | null; onerror: (() => void) | null; readonly result: T };
type Tx = {
  objectStore(store: string): { getAll(): Request<unknown[]>; add(value: unknown): Request<unknown> };
  oncomplete: (() => void) | null;
  onabort: (() => void) | null;
  readonly error: { readonly name: string } | null;
};
type Db = {
  readonly objectStoreNames: { contains(name: string): boolean };
  transaction(store: string, mode?: 'readonly' | 'readwrite', options?: { durability: 'strict' }): Tx;
  createObjectStore(name: string, options: { autoIncrement: boolean }): unknown;
  close(): void;
};
type OpenRequest = Request<Db> & { onupgradeneeded: (() => void) | null; readonly transaction: { abort(): void } | null };
type IdbGlobals = {
  readonly indexedDB: {
    open(name: string, version?: number): OpenRequest;
    deleteDatabase(name: string): Request<undefined> & { onblocked: (() => void) | null };
  };
  readonly crypto: { getRandomValues(bytes: Uint8Array): Uint8Array };
};

/** The app's database name (src/db/database.ts). */
const APP_DB = 'lumbung';
/** The database that stands in for everything else on the phone that fills its storage. */
export const FILLER_DB = 'not-lumbung-filler';

export type LocalEntry = { readonly id: string; readonly type: string; readonly sync: string; readonly amount: number | null };

/**
 * Every entry row of the phone's own IndexedDB, read raw in the page. A phone whose database is
 * gone (or not made yet) holds none: the read must neither create the database (an open without a
 * version would make an empty one) nor wait forever on a store that is not there.
 */
export async function localEntries(page: Page): Promise<LocalEntry[]> {
  return page.evaluate(
    (name) =>
      new Promise<LocalEntry[]>((resolve, reject) => {
        const open = (globalThis as unknown as IdbGlobals).indexedDB.open(name);
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction?.abort();
        };
        open.onerror = () => (absent ? resolve([]) : reject(new Error(`cannot open the ${name} database`)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('entries')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('entries').objectStore('entries').getAll();
          all.onerror = () => reject(new Error(`cannot read the entries of ${name}`));
          all.onsuccess = () => {
            const rows = all.result as { sync: string; entry: { id: string; type: string; data: { amount?: number } } }[];
            db.close();
            resolve(rows.map((r) => ({ id: r.entry.id, type: r.entry.type, sync: r.sync, amount: r.entry.data.amount ?? null })));
          };
        };
      }),
    APP_DB,
  );
}

/** The amounts of the cash receipts (Penjualan gerai) on the phone. */
export async function localCashAmounts(page: Page): Promise<number[]> {
  return (await localEntries(page)).filter((e) => e.type === 'cash.received').map((e) => e.amount ?? 0);
}

/**
 * Writes random (incompressible) blobs into FILLER_DB, from 1 MiB down to 1 KiB, each size until
 * the browser answers QuotaExceededError, so the origin ends up with less than 1 KiB free. Returns
 * the bytes written. Bounded: at most `maxBytes` in all.
 */
export async function fillQuota(page: Page, maxBytes: number): Promise<number> {
  return page.evaluate(
    async ({ name, maxBytes: max }) => {
      const g = globalThis as unknown as IdbGlobals;
      const db = await new Promise<Db>((resolve, reject) => {
        const open = g.indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('blobs', { autoIncrement: true });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error('cannot open the filler database'));
      });
      const put = (size: number) =>
        new Promise<boolean>((resolve, reject) => {
          const bytes = new Uint8Array(size);
          for (let at = 0; at < size; at += 65_536) g.crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
          const tx = db.transaction('blobs', 'readwrite', { durability: 'strict' });
          tx.objectStore('blobs').add(bytes);
          tx.oncomplete = () => resolve(true);
          tx.onabort = () => (tx.error?.name === 'QuotaExceededError' ? resolve(false) : reject(new Error(`filler aborted: ${String(tx.error?.name)}`)));
        });
      let written = 0;
      try {
        for (const size of [1_048_576, 262_144, 65_536, 16_384, 4_096, 1_024]) {
          while (written + size <= max && (await put(size))) written += size;
        }
      } finally {
        db.close();
      }
      return written;
    },
    { name: FILLER_DB, maxBytes },
  );
}

/** Deletes FILLER_DB: the treasurer freed space on her phone. */
export async function freeQuota(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = (globalThis as unknown as IdbGlobals).indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error('cannot delete the filler database'));
        request.onblocked = () => reject(new Error('deleting the filler database is blocked'));
      }),
    FILLER_DB,
  );
}

export type UsageAndQuota = { readonly usage: number; readonly quota: number; readonly overrideActive: boolean };

/**
 * A quota for `origin` through DevTools. What works in this Chromium (156, checked by hand):
 * IndexedDB reads the quota when the origin first uses it and then spends a cached allowance,
 * asking the quota manager again only when a write does not fit. So the override must be in place
 * BEFORE the page first opens IndexedDB (set on a blank page's session, then navigate); set later,
 * a lower quota has no effect until the allowance read earlier is spent (what session 1 saw).
 * A higher quota set later does take effect at the next write that did not fit.
 * `navigator.storage.estimate()` is no witness: it reports usage + a fixed 10 GiB here.
 */
export async function overrideQuota(session: CDPSession, origin: string, quotaSize: number): Promise<UsageAndQuota> {
  await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });
  return usageAndQuota(session, origin);
}

export async function usageAndQuota(session: CDPSession, origin: string): Promise<UsageAndQuota> {
  const { usage, quota, overrideActive } = await session.send('Storage.getUsageAndQuota', { origin });
  return { usage, quota, overrideActive };
}
