/** Records which keys of which table an entry touched (written or deleted). */
import type { TableName, Touched } from './state.ts';

export type Tracker = { touch(table: TableName, key: string): void };

/** A full recompute has nobody to tell: it skips the bookkeeping. */
export const NO_TRACKING: Tracker = { touch: () => undefined };

export class TouchRecorder implements Tracker {
  private readonly keys = new Map<TableName, Set<string>>();

  touch(table: TableName, key: string): void {
    const set = this.keys.get(table);
    if (set === undefined) this.keys.set(table, new Set([key]));
    else set.add(key);
  }

  result(): Touched {
    const list = (table: TableName): string[] => [...(this.keys.get(table) ?? [])];
    return {
      accounts: list('accounts'),
      accountPeriods: list('accountPeriods'),
      chart: list('chart'),
      members: list('members'),
      memberPeriods: list('memberPeriods'),
      loans: list('loans'),
      settings: list('settings'),
      closedYears: list('closedYears'),
      entries: list('entries'),
      cashMoves: list('cashMoves'),
      flags: list('flags'),
    };
  }
}
