/**
 * Journal lines into account totals, account period totals and the cash projection. `sign` is +1
 * to post an entry and −1 to take a reversed entry's effect back out at its own date.
 */
import { VIA_ACCOUNT } from '../chart.ts';
import type { EntryType, JournalLine, Via } from '../entry/schema.ts';
import { rupiah } from '../money.ts';
import { periodKeysOf, type PeriodKeys } from './period-keys.ts';
import type { CashLeg, CashMoveRow } from './rows.ts';
import { noteDate, noteYear, type LedgerState } from './state.ts';
import type { Tracker } from './tracker.ts';

export type Sign = 1 | -1;

export function postLines(state: LedgerState, lines: readonly JournalLine[], date: string, sign: Sign, t: Tracker): void {
  if (lines.length === 0) return;
  const keys = periodKeysOf(state, date);
  for (const line of lines) {
    const debit = sign * line.debit;
    const credit = sign * line.credit;
    const code = line.account;
    const total = state.accounts.get(code);
    if (total === undefined) {
      state.accounts.set(code, { code, debit: rupiah(debit), credit: rupiah(credit) });
    } else {
      total.debit = rupiah(total.debit + debit);
      total.credit = rupiah(total.credit + credit);
      if (total.debit === 0 && total.credit === 0) state.accounts.delete(code);
    }
    t.touch('accounts', code);
    bumpAccountPeriod(state, keys.month, code, debit, credit, t);
    bumpAccountPeriod(state, keys.day, code, debit, credit, t);
  }
  noteYear(state, keys.year);
  noteDate(state, date);
}

function bumpAccountPeriod(state: LedgerState, period: PeriodKeys, code: string, debit: number, credit: number, t: Tracker): void {
  const key = period.keyOf(code);
  const row = state.accountPeriods.get(key);
  if (row === undefined) {
    state.accountPeriods.set(key, { key, code, grain: period.grain, period: period.period, debit: rupiah(debit), credit: rupiah(credit) });
  } else {
    row.debit = rupiah(row.debit + debit);
    row.credit = rupiah(row.credit + credit);
    if (row.debit === 0 && row.credit === 0) state.accountPeriods.delete(key);
  }
  t.touch('accountPeriods', key);
}

const VIA_BY_ACCOUNT: ReadonlyMap<string, Via> = new Map(
  (Object.entries(VIA_ACCOUNT) as [Via, string][]).map(([via, account]) => [account, via]),
);

export function viaOfAccount(code: string): Via | undefined {
  return VIA_BY_ACCOUNT.get(code);
}

export function cashMoveKey(date: string, entryId: string): string {
  return `${date}|${entryId}`;
}

/** What the lines move in and out of cash, bank and QRIS, or nothing if they do not touch them. */
export function cashLegs(lines: readonly JournalLine[]): CashLeg[] {
  const legs: CashLeg[] = [];
  for (const line of lines) {
    const via = viaOfAccount(line.account);
    if (via === undefined) continue;
    // At most three legs (cash, bank, QRIS): a loop, not a search with a closure per line.
    let leg: CashLeg | undefined;
    for (const l of legs) if (l.via === via) leg = l;
    if (leg === undefined) legs.push({ via, in: line.debit, out: line.credit });
    else {
      leg.in = rupiah(leg.in + line.debit);
      leg.out = rupiah(leg.out + line.credit);
    }
  }
  return legs;
}

export function addCashMove(
  state: LedgerState,
  move: { entryId: string; date: string; type: EntryType; memo: string; lines: readonly JournalLine[] },
  t: Tracker,
): void {
  const legs = cashLegs(move.lines);
  if (legs.length === 0) return;
  const key = cashMoveKey(move.date, move.entryId);
  const row: CashMoveRow = { key, entryId: move.entryId, date: move.date, type: move.type, memo: move.memo, legs };
  state.cashMoves.set(key, row);
  t.touch('cashMoves', key);
}

export function removeCashMove(state: LedgerState, date: string, entryId: string, t: Tracker): void {
  const key = cashMoveKey(date, entryId);
  if (state.cashMoves.delete(key)) t.touch('cashMoves', key);
}
