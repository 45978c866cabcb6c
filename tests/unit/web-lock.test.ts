/**
 * `whenWebLockFree`, against a lock manager that queues as the Web Locks API does (one holder per
 * name, waiters in order, a waiter withdrawn by its signal): it ends when the holder lets go, or at
 * its cap without ever taking the lock from the holder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { whenWebLockFree, withWebLock } from '../../src/sync/web-lock.ts';

type Waiter = { readonly grant: () => void; readonly signal: AbortSignal | undefined };

function queuedLocks(): { readonly holders: Map<string, Waiter[]>; readonly release: (name: string) => void } {
  const holders = new Map<string, Waiter[]>();
  const release = (name: string): void => {
    const queue = holders.get(name) ?? [];
    queue.shift();
    const next = queue[0];
    if (next === undefined) holders.delete(name);
    else next.grant();
  };
  const locks = {
    request<R>(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<R>): Promise<R> {
      const queue = holders.get(name) ?? [];
      if (queue.length > 0 && options.ifAvailable === true) return callback(null);
      return new Promise<R>((resolve, reject) => {
        const waiter: Waiter = {
          signal: options.signal,
          grant: () => {
            void callback({ name }).then(resolve, reject).finally(() => release(name));
          },
        };
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(waiter);
          if (at > 0) {
            queue.splice(at, 1);
            reject(new DOMException('withdrawn', 'AbortError'));
          }
        });
        queue.push(waiter);
        holders.set(name, queue);
        if (queue.length === 1) waiter.grant();
      });
    },
  };
  Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
  return { holders, release };
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'navigator');
});

describe('whenWebLockFree', () => {
  it('ends when the other context lets go of the lock, not before', async () => {
    queuedLocks();
    let finishOther: () => void = () => undefined;
    const other = withWebLock('lumbung-sync:x', () => new Promise<string>((resolve) => (finishOther = () => resolve('pushed'))));
    let freed = false;
    const waiting = whenWebLockFree('lumbung-sync:x', 60_000).then(() => (freed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(freed).toBe(false);
    // While it waits, the lock is still the other context's: a second caller is told busy.
    expect(await withWebLock('lumbung-sync:x', () => Promise.resolve('second'))).toEqual({ ran: false });
    finishOther();
    expect(await other).toEqual({ ran: true, value: 'pushed' });
    await waiting;
    expect(freed).toBe(true);
    expect(await withWebLock('lumbung-sync:x', () => Promise.resolve('after'))).toEqual({ ran: true, value: 'after' });
  });

  it('gives up at its cap and withdraws its request, leaving the holder undisturbed', async () => {
    const { holders, release } = queuedLocks();
    void withWebLock('lumbung-sync:y', () => new Promise<void>(() => undefined));
    const started = Date.now();
    await whenWebLockFree('lumbung-sync:y', 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(holders.get('lumbung-sync:y')).toHaveLength(1);
    release('lumbung-sync:y');
    expect(holders.has('lumbung-sync:y')).toBe(false);
  });

  it('waits out its cap when the lock manager refuses, so a caller asking again does not spin', async () => {
    const locks = { request: () => Promise.reject(new DOMException('refused', 'SecurityError')) };
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    const started = Date.now();
    await whenWebLockFree('lumbung-sync:w', 40);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('ends at once where there is no Web Locks API', async () => {
    let done = false;
    await whenWebLockFree('lumbung-sync:z', 60_000).then(() => (done = true));
    expect(done).toBe(true);
  });
});
