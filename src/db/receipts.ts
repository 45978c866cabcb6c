/**
 * Receipt numbers (nomor kuitansi) for what a member is handed on paper: a counter per business year,
 * advanced inside the same transaction as the entry it belongs to, so a number is never skipped or
 * reused even if the save fails. The number carries a short tag of the device id, because two phones
 * of one cooperative count independently.
 */
import type { LumbungDb } from './database.ts';
import { assertInReadWriteTransaction } from './in-transaction.ts';

export type ReceiptCounterRow = { year: number; last: number };

export function formatReceiptNumber(year: number, deviceId: string, n: number): string {
  return `${year}/${deviceId.slice(0, 4).toUpperCase()}/${String(n).padStart(5, '0')}`;
}

/** Must run inside a transaction that includes `receipts`. */
export async function takeReceiptNumber(db: LumbungDb, year: number, deviceId: string): Promise<string> {
  assertInReadWriteTransaction('takeReceiptNumber');
  const row = await db.receipts.get(year);
  const n = (row?.last ?? 0) + 1;
  await db.receipts.put({ year, last: n });
  return formatReceiptNumber(year, deviceId, n);
}
