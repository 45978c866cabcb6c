/**
 * A guard for functions that must run inside the caller's read-write transaction. Dexie binds
 * `db.table` calls to the surrounding transaction through its async zone; if that binding were
 * lost (a non-async scope function, a foreign await), the calls would silently run in transactions
 * of their own and break atomicity. Checking at the start and at the last write turns that into a
 * loud failure that aborts the whole transaction instead.
 */
import { Dexie, type Transaction } from 'dexie';

export function assertInReadWriteTransaction(what: string): void {
  const tx: Transaction | null | undefined = Dexie.currentTransaction;
  if (tx === null || tx === undefined || tx.mode !== 'readwrite' || !tx.active) {
    throw new Error(`${what} must run inside an active read-write transaction`);
  }
}
