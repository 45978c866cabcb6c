/**
 * Buku kas (CONTRACT §8 `cash-book`) from the ledger's cash projection: one row per entry that
 * moves money in the range, in business-date order and, within a day, by entry id (UUIDv7, so
 * roughly the order they were recorded — and the same on the phone and the server, whatever order
 * each folded them in). Reversed entries and their reversals have no row (their moves are removed
 * when the reversal is folded).
 *
 * `via` picks one of cash / bank / QRIS; without it the book covers all three together, and a
 * transfer between them shows the same amount in and out.
 *
 * Only the moves dated `from`..`to` are touched (keys `date|entryId`), so the phone reads a month's
 * moves for a month's book, not five years of them (`cashBookReads`); the opening comes from the
 * account totals up to `from`.
 */
import { VIA_ACCOUNT } from '../chart.ts';
import { VIAS, type EntryType, type Via } from '../entry/schema.ts';
import { accountTotalsUpTo, keysStartingWith, rowsInRange, type KeyRange, type TableRead } from '../ledger/queries.ts';
import type { LedgerState } from '../ledger/state.ts';
import { rupiah, type Rupiah } from '../money.ts';

export type CashBookRow = {
  date: string;
  entryId: string;
  type: EntryType;
  memo: string;
  in: Rupiah;
  out: Rupiah;
  balance: Rupiah;
};

export type CashBook = { opening: Rupiah; rows: CashBookRow[]; closing: Rupiah };

/** The cash move keys (`date|entryId`) of the dates `from`..`to`, both included. */
export const cashMovesDated = (from: string, to: string): KeyRange => ({ from: `${from}|`, below: keysStartingWith(`${to}|`).below });

/**
 * What `cashBook(state, from, to)` reads beyond account totals, month rows and settings: the moves
 * of its dates. (Its opening also needs the day rows of `from`'s month, which the screen names.)
 */
export const cashBookReads = (from: string, to: string): readonly TableRead[] => [
  { table: 'cashMoves', range: cashMovesDated(from, to) },
];

export function cashBook(state: LedgerState, from: string, to: string, via?: Via): CashBook {
  const vias: readonly Via[] = via === undefined ? VIAS : [via];
  let opening = 0;
  for (const v of vias) {
    const totals = accountTotalsUpTo(state, VIA_ACCOUNT[v], from, false);
    opening += totals.debit - totals.credit;
  }
  const moves = [...rowsInRange(state.cashMoves, cashMovesDated(from, to))].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let balance = opening;
  const rows: CashBookRow[] = [];
  for (const move of moves) {
    let moneyIn = 0;
    let moneyOut = 0;
    for (const leg of move.legs) {
      if (!vias.includes(leg.via)) continue;
      moneyIn += leg.in;
      moneyOut += leg.out;
    }
    if (moneyIn === 0 && moneyOut === 0) continue;
    balance += moneyIn - moneyOut;
    rows.push({
      date: move.date,
      entryId: move.entryId,
      type: move.type,
      memo: move.memo,
      in: rupiah(moneyIn),
      out: rupiah(moneyOut),
      balance: rupiah(balance),
    });
  }
  return { opening: rupiah(opening), rows, closing: rupiah(balance) };
}
