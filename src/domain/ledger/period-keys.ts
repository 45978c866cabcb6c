/**
 * The period keys of one business date, built once per state and date instead of once per posting.
 *
 * Why: a fold of 100 000 entries looked up ~400 000 period rows by keys concatenated afresh
 * (`m|2026-11|1-110`); every such key is a new string that the map must flatten and hash, and the
 * garbage collector then sweeps. Here a date's keys are made once and shared, so a posting's look-up
 * hashes nothing new. The cache hangs off the state's period table (a WeakMap), so it lives exactly
 * as long as the state and is never persisted. Its cost is one map entry per period row the state
 * has held (the key strings themselves are the rows' own keys).
 */
import type { Grain } from './rows.ts';
import { periodKey } from './periods.ts';
import type { LedgerState } from './state.ts';

/** One period (a month or a day) and the row keys of the subjects posted in it. */
export class PeriodKeys {
  private readonly keys = new Map<string, string>();

  constructor(
    readonly grain: Grain,
    readonly period: string,
  ) {}

  keyOf(subject: string): string {
    let key = this.keys.get(subject);
    if (key === undefined) {
      key = periodKey(this.grain, this.period, subject);
      this.keys.set(subject, key);
    }
    return key;
  }
}

export type DateKeys = { readonly year: number; readonly month: PeriodKeys; readonly day: PeriodKeys; readonly dayOfMonth: string };

type DateCache = { dates: Map<string, DateKeys>; months: Map<string, PeriodKeys> };

const caches = new WeakMap<object, DateCache>();

export function periodKeysOf(state: LedgerState, date: string): DateKeys {
  let cache = caches.get(state.accountPeriods);
  if (cache === undefined) {
    cache = { dates: new Map(), months: new Map() };
    caches.set(state.accountPeriods, cache);
  }
  let keys = cache.dates.get(date);
  if (keys === undefined) {
    const monthText = date.slice(0, 7);
    let month = cache.months.get(monthText);
    if (month === undefined) {
      month = new PeriodKeys('m', monthText);
      cache.months.set(monthText, month);
    }
    keys = { year: Number(date.slice(0, 4)), month, day: new PeriodKeys('d', date), dayOfMonth: date.slice(8, 10) };
    cache.dates.set(date, keys);
  }
  return keys;
}
