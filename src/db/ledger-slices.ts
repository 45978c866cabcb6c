/**
 * Folding into the stored projections without holding the ledger in memory: a `LedgerState` whose
 * tables hold only the rows a fold reads, loaded from the `projections` table on demand.
 *
 * The fold is synchronous and IndexedDB is not, so a row cannot be fetched at the moment the fold
 * asks for it. Instead the fold runs in rounds: each round starts from a fresh copy of the rows
 * read so far, and every look-up of a key not read yet (a `get`, `has` or `delete`; a walk over a
 * whole table, `size`) is noted as a miss and answered "absent". A round with misses is thrown
 * away, the missing rows are read (one `bulkGet` plus one range per whole table, in parallel) and
 * the fold runs again. The first round without a miss saw exactly the rows the stored state holds
 * for every key it looked at, so its result is the one a fold over the whole ledger would give.
 * Rounds end: each one reads at least one key it had not read before. A save typically takes two
 * rounds (nothing read; then everything it touches) — microseconds of folding against one or two
 * IndexedDB round trips, instead of reading every row of five years of history.
 *
 * What the fold may ask of the state (src/domain/ledger): the row tables through `get`, `has`,
 * `set`, `delete` and iteration, and `index.memberNumbers` through the same Map methods (loaded
 * from the lifted `number` column: a member's profile number is its first join's number). It must
 * not decide a written row from `index.firstYear`, `lastYear` or `lastDate`: a slice starts them at
 * null (they are derived, never persisted, and only widened by the fold).
 */
import { Dexie } from 'dexie';
import { emptyLedger, TABLE_NAMES, type LedgerState, type TableName } from '../domain/ledger/index.ts';
import type { LumbungDb } from './database.ts';
import type { WrittenRows } from './ledger-tables.ts';
import type { ProjectionRow } from './projection-row.ts';

type Misses = { rows: Map<TableName, Set<string>>; whole: Set<TableName>; numbers: Set<string> };

const noMisses = (m: Misses): boolean => m.rows.size === 0 && m.whole.size === 0 && m.numbers.size === 0;

/**
 * A Map that knows which of its keys were read from the store (present or absent) and reports a
 * look-up of any other key, or a walk over the whole table while only part of it was read.
 */
class SliceMap<V> extends Map<string, V> {
  private readonly known: Set<string>;
  private complete: boolean;
  private readonly onMiss: (key: string) => void;
  private readonly onWhole: () => void;

  constructor(rows: Iterable<[string, V]>, known: Iterable<string>, complete: boolean, onMiss: (key: string) => void, onWhole: () => void) {
    super();
    this.known = new Set(known);
    this.complete = complete;
    this.onMiss = onMiss;
    this.onWhole = onWhole;
    for (const [k, v] of rows) super.set(k, v);
  }

  private check(key: string): void {
    if (this.complete || this.known.has(key) || super.has(key)) return;
    this.onMiss(key);
    this.known.add(key);
  }

  private walk(): void {
    if (!this.complete) this.onWhole();
  }

  override get(key: string): V | undefined {
    this.check(key);
    return super.get(key);
  }

  override has(key: string): boolean {
    this.check(key);
    return super.has(key);
  }

  override set(key: string, value: V): this {
    this.known.add(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.check(key);
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.complete = true;
  }

  override get size(): number {
    this.walk();
    return super.size;
  }

  override keys(): MapIterator<string> {
    this.walk();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.walk();
    return super.values();
  }

  override entries(): MapIterator<[string, V]> {
    this.walk();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    this.walk();
    return super.entries();
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.walk();
    super.forEach(callback, thisArg);
  }

  /** What the round ended with, without counting as a walk: rows, keys read or written, completeness. */
  held(): { rows: [string, V][]; known: Set<string>; complete: boolean } {
    return { rows: [...super.entries()], known: new Set([...this.known, ...super.keys()]), complete: this.complete };
  }
}

/** Tables keyed by entry: a save writes new keys there, it rarely reads back an old one. */
const PER_ENTRY: ReadonlySet<TableName> = new Set<TableName>(['entries', 'cashMoves', 'flags']);

/** The rows of one table read (or written) so far in this transaction. */
type Held = { rows: Map<string, unknown>; known: Set<string>; complete: boolean };

const emptyHeld = (): Held => ({ rows: new Map(), known: new Set(), complete: false });

/**
 * The rows one read-write (or read) transaction has read of the projections, and the rows its folds
 * have produced since. Lives for one transaction: the caller writes the touched rows back itself.
 */
export class LedgerSlices {
  private readonly tables = new Map<TableName, Held>(TABLE_NAMES.map((t) => [t, emptyHeld()]));
  private numbers: Held = emptyHeld();
  private years: { firstYear: number | null; lastYear: number | null; lastDate: string | null } = { firstYear: null, lastYear: null, lastDate: null };
  private readonly writtenKeys = new Map<TableName, Set<string>>();
  /** Rounds run and rows read, for tests and benchmarks. */
  readonly stats = { rounds: 0, rowsRead: 0 };

  constructor(private readonly db: LumbungDb) {
    // The default chart is part of every ledger (emptyLedger); stored chart rows only add to it.
    const chart = this.held('chart');
    for (const [code, row] of emptyLedger().chart) {
      chart.rows.set(code, row);
      chart.known.add(code);
    }
  }

  /**
   * Slices for the next transaction that starts from the rows this one left, valid only while
   * nobody else has written since (the caller checks the projection mark). Held rows are never
   * changed in place (each round works on copies), so the two may share them.
   */
  successor(): LedgerSlices {
    const next = new LedgerSlices(this.db);
    for (const [t, held] of this.tables) {
      // Rows of one entry each (its index row, cash move, flags) are not what the next save reads,
      // and every round copies every held row: carried over, they would make each save of a long
      // session slower than the one before. The next save reads any of them it does look up.
      if (PER_ENTRY.has(t)) continue;
      next.tables.set(t, { rows: new Map(held.rows), known: new Set(held.known), complete: held.complete });
    }
    next.numbers = { rows: new Map(this.numbers.rows), known: new Set(this.numbers.known), complete: this.numbers.complete };
    next.years = { ...this.years };
    return next;
  }

  /** How many rows are held: a successor is only worth keeping while this stays small. */
  get size(): number {
    let rows = 0;
    for (const held of this.tables.values()) rows += held.known.size;
    return rows;
  }

  /** Keys the caller knows are not in the store (an entry id it has just checked is new). */
  absent(t: TableName, keys: Iterable<string>): void {
    const held = this.held(t);
    for (const k of keys) if (!held.rows.has(k)) held.known.add(k);
  }

  private held(t: TableName): Held {
    const held = this.tables.get(t);
    if (held === undefined) throw new Error(`unknown ledger table ${t}`);
    return held;
  }

  /**
   * Runs `work` against the stored ledger: in rounds until one needed no row it had not read.
   * `work` must be a pure function of the state it is given (it is run more than once); its
   * changes to the state of the last round are kept for the next `fold` of this transaction.
   */
  async fold<R>(work: (state: LedgerState) => R): Promise<{ result: R; state: LedgerState }> {
    return this.rounds(work, true);
  }

  /**
   * Reads every stored row `work` would look at, without keeping what it changes: a dry fold of a
   * sample entry while a form is open, so the save that follows finds its rows already held and
   * folds in one round. A failure of `work` on the complete round is the sample's problem, not a
   * reason to fail: it is dropped.
   */
  async prefetch(work: (state: LedgerState) => unknown): Promise<void> {
    try {
      await this.rounds(work, false);
    } catch {
      // Only the rows matter here; whatever the rows were read for is thrown away anyway.
    }
  }

  private async rounds<R>(work: (state: LedgerState) => R, keep: boolean): Promise<{ result: R; state: LedgerState }> {
    for (;;) {
      const misses: Misses = { rows: new Map(), whole: new Set(), numbers: new Set() };
      const state = this.round(misses);
      this.stats.rounds++;
      let result: R | undefined;
      let failure: unknown;
      let failed = false;
      try {
        result = work(state);
      } catch (error) {
        // A round that lacked rows may take a branch the real state would not; only a complete one's error counts.
        failed = true;
        failure = error;
      }
      if (noMisses(misses)) {
        if (failed) throw failure;
        if (keep) this.keep(state);
        return { result: result as R, state };
      }
      await this.load(misses);
    }
  }

  /** The caller wrote these keys back to the projections (so an in-memory copy can follow, see `written`). */
  noteWritten(touched: ReadonlyMap<TableName, ReadonlySet<string>>): void {
    for (const [t, keys] of touched) {
      let into = this.writtenKeys.get(t);
      if (into === undefined) this.writtenKeys.set(t, (into = new Set()));
      for (const k of keys) into.add(k);
    }
  }

  /** Every row this transaction wrote, as it now stands (undefined: deleted), and the years and dates it folded. */
  written(): WrittenRows {
    const rows = new Map<TableName, Map<string, unknown>>();
    for (const [t, keys] of this.writtenKeys) {
      const held = this.held(t);
      rows.set(t, new Map([...keys].map((k) => [k, held.rows.get(k)])));
    }
    return { rows, ...this.years };
  }

  /** A fresh state over copies of the rows held: a round may change them and then be thrown away. */
  private round(misses: Misses): LedgerState {
    const slice = <V>(t: TableName): SliceMap<V> => {
      const held = this.held(t);
      const rows = [...held.rows].map(([k, v]): [string, V] => [k, structuredClone(v) as V]);
      const onMiss = (k: string) => {
        let keys = misses.rows.get(t);
        if (keys === undefined) misses.rows.set(t, (keys = new Set()));
        keys.add(k);
      };
      return new SliceMap<V>(rows, held.known, held.complete, onMiss, () => misses.whole.add(t));
    };
    const numbers = new SliceMap<Set<string>>(
      [...this.numbers.rows].map(([n, ids]): [string, Set<string>] => [n, new Set(ids as Set<string>)]),
      this.numbers.known,
      this.numbers.complete,
      (n) => misses.numbers.add(n),
      // No fold walks the member numbers; should one, it reads them all (the members' lifted column).
      () => misses.numbers.add(''),
    );
    return {
      accounts: slice('accounts'),
      accountPeriods: slice('accountPeriods'),
      chart: slice('chart'),
      members: slice('members'),
      memberPeriods: slice('memberPeriods'),
      loans: slice('loans'),
      settings: slice('settings'),
      closedYears: slice('closedYears'),
      entries: slice('entries'),
      cashMoves: slice('cashMoves'),
      flags: slice('flags'),
      index: { memberNumbers: numbers, ...this.years },
    };
  }

  /** The round succeeded: its rows (changed in place, added, deleted) are what this transaction now holds. */
  private keep(state: LedgerState): void {
    for (const t of TABLE_NAMES) {
      const map: Map<string, unknown> = state[t];
      if (!(map instanceof SliceMap)) throw new Error(`ledger table ${t} is not a slice`);
      const held = (map as SliceMap<unknown>).held();
      this.tables.set(t, { rows: new Map(held.rows), known: held.known, complete: held.complete });
    }
    const numbers = state.index.memberNumbers;
    if (numbers instanceof SliceMap) {
      const held = (numbers as SliceMap<unknown>).held();
      this.numbers = { rows: new Map(held.rows), known: held.known, complete: held.complete };
    }
    const { firstYear, lastYear, lastDate } = state.index;
    this.years = { firstYear, lastYear, lastDate };
  }

  private async load(misses: Misses): Promise<void> {
    const keys: [string, string][] = [];
    for (const [t, ks] of misses.rows) if (!misses.whole.has(t)) for (const k of ks) keys.push([t, k]);
    const wholeTables = [...misses.whole];
    const numbers = [...misses.numbers];
    const [rows, tables, holders] = await Promise.all([
      keys.length === 0 ? Promise.resolve([]) : this.db.projections.bulkGet(keys),
      Promise.all(wholeTables.map((t) => this.db.projections.where('[t+k]').between([t, Dexie.minKey], [t, Dexie.maxKey]).toArray())),
      Promise.all(
        numbers.map((n) =>
          n === '' ? this.db.projections.where('number').above('').toArray() : this.db.projections.where('number').equals(n).toArray(),
        ),
      ),
    ]);
    keys.forEach(([t, k], i) => {
      const held = this.held(t as TableName);
      const row = rows[i];
      if (!held.known.has(k) && row !== undefined) held.rows.set(k, row.v);
      held.known.add(k);
      if (row !== undefined) this.stats.rowsRead++;
    });
    wholeTables.forEach((t, i) => {
      const held = this.held(t);
      // Rows this transaction already holds (perhaps changed by an earlier fold) stay as they are.
      for (const row of tables[i] ?? []) if (!held.known.has(row.k)) held.rows.set(row.k, row.v);
      this.stats.rowsRead += tables[i]?.length ?? 0;
      held.complete = true;
    });
    numbers.forEach((n, i) => this.holdNumbers(n, holders[i] ?? []));
  }

  /** Which members' first join uses number `n` ('' = every number): the ledger's member-number index. */
  private holdNumbers(n: string, rows: readonly ProjectionRow[]): void {
    const found = new Map<string, Set<string>>();
    for (const row of rows) {
      if (row.t !== 'members' || row.number === undefined) continue;
      const ids = found.get(row.number) ?? new Set<string>();
      ids.add(row.k);
      found.set(row.number, ids);
    }
    const numbers = this.numbers;
    const settle = (number: string) => {
      if (numbers.known.has(number)) return;
      const ids = found.get(number);
      if (ids !== undefined) numbers.rows.set(number, ids);
      numbers.known.add(number);
    };
    if (n === '') {
      for (const number of found.keys()) settle(number);
      numbers.complete = true;
    } else settle(n);
  }
}
