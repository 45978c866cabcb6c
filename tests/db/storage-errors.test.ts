import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { classifyStorageError, StorageAbort } from '../../src/db/storage-errors.ts';
import { openStore } from '../../src/db/open-store.ts';
import { LumbungDb } from '../../src/db/database.ts';

describe('storage errors become typed results', () => {
  it('maps quota, corruption, version change and our own aborts', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    // Chrome's shape: the transaction aborts and Dexie wraps the cause.
    expect(classifyStorageError(new Dexie.AbortError('aborted', quota))).toEqual({ ok: false, error: 'storage-full' });
    expect(classifyStorageError(new Dexie.OpenFailedError('open', new DOMException('x', 'UnknownError')))).toEqual({
      ok: false,
      error: 'storage-unavailable',
    });
    expect(classifyStorageError(new Dexie.DatabaseClosedError('closed'))).toEqual({ ok: false, error: 'version-changed' });
    expect(classifyStorageError(new StorageAbort('chain-moved'))).toEqual({ ok: false, error: 'chain-moved' });
    expect(classifyStorageError(new Error('boom'))).toMatchObject({ ok: false, error: 'write-failed', details: 'boom' });
  });

  it('opening a store reports its version as a result', async () => {
    expect(await openStore(new LumbungDb(`fresh-${crypto.randomUUID()}`))).toEqual({ ok: true, value: { version: 1 } });
  });
});
