/**
 * One folded `LedgerState` per cooperative, kept in memory and keyed by the last serverSeq folded
 * into it and the chain mark there (src/domain/ledger/cursor.ts). Whoever uses it first catches it
 * up from the store (several processes may share a PostgreSQL database, so another process may have
 * accepted entries since). All use of a cooperative's state is serialised by an in-process lock,
 * because `applyEntryUntracked` mutates it.
 *
 * Before catching up, the cache checks that the store's history up to its last serverSeq is still
 * the one it folded: the chain mark there must be its own. A database restored under running
 * processes (a point-in-time restore, a fail-over) can hold other entries under the same numbers;
 * its serverSeq alone would pass, and pushes would be checked, and reports answered, against
 * entries the database no longer holds (found by review). Then the state is built again.
 *
 * A push folds its new entries into the cached state inside its transaction; if the transaction
 * then fails, the state is dropped (`invalidate`) and rebuilt from the store on next use.
 */
import type { Entry } from '../../src/domain/entry/schema.ts';
import { applyEntryUntracked, emptyLedger, GENESIS_MARK, nextChainMark, type LedgerState } from '../../src/domain/ledger/index.ts';
import { KeyedMutex } from '../storage/mutex.ts';
import type { AcceptedEntryRow, ChainMarkAt, CooperativeTx, Store } from '../storage/store.ts';

export interface CachedLedger {
  state: LedgerState;
  lastSeq: number;
  /** The chain mark at `lastSeq`, computed from the entries folded (not read: unmarked rows too). */
  chainMark: string;
}

export type FetchAccepted = (afterSeq: number, limit: number) => Promise<AcceptedEntryRow[]>;
export type FetchChainMark = (serverSeq: number) => Promise<ChainMarkAt | null>;

/** Where a cooperative's ledger is caught up from: its accepted entries, and its chain marks. */
export interface LedgerSource {
  readonly accepted: FetchAccepted;
  readonly chainMarkAt: FetchChainMark;
}

const CATCH_UP_PAGE = 2000;

export class LedgerCache {
  private readonly ledgers = new Map<string, CachedLedger>();
  private readonly locks = new KeyedMutex();

  /** Runs `work` alone for this cooperative, holding the in-process lock. */
  exclusive<T>(cooperativeId: string, work: () => Promise<T>): Promise<T> {
    return this.locks.run(cooperativeId, work);
  }

  /**
   * Brings the cooperative's ledger up to the newest accepted entry `fetch` can see and returns it.
   * Call only inside `exclusive` for the same cooperative.
   */
  async caughtUp(cooperativeId: string, source: LedgerSource): Promise<CachedLedger> {
    let cached = this.ledgers.get(cooperativeId);
    try {
      if (cached !== undefined && !(await stillHolds(cached, source.chainMarkAt))) cached = undefined;
      if (cached === undefined) {
        cached = { state: emptyLedger(), lastSeq: 0, chainMark: GENESIS_MARK };
        this.ledgers.set(cooperativeId, cached);
      }
      for (;;) {
        const page = await source.accepted(cached.lastSeq, CATCH_UP_PAGE);
        for (const row of page) {
          // Stored entries were validated on the way in; their JSON is trusted here.
          const entry = JSON.parse(row.body) as Entry;
          applyEntryUntracked(cached.state, entry, { serverSeq: row.serverSeq });
          cached.lastSeq = row.serverSeq;
          cached.chainMark = nextChainMark(cached.chainMark, row.hash);
        }
        if (page.length < CATCH_UP_PAGE) break;
      }
    } catch (error) {
      this.ledgers.delete(cooperativeId);
      throw error;
    }
    return cached;
  }

  invalidate(cooperativeId: string): void {
    this.ledgers.delete(cooperativeId);
  }
}

/** A cooperative's ledger read from the store, outside a transaction (reports, the overview). */
export function storeSource(store: Store, cooperativeId: string): LedgerSource {
  return {
    accepted: (after, limit) => store.acceptedAfter(cooperativeId, after, limit),
    chainMarkAt: (serverSeq) => store.chainMarkAt(cooperativeId, serverSeq),
  };
}

/** A cooperative's ledger read inside its write transaction (a push). */
export function txSource(tx: CooperativeTx): LedgerSource {
  return { accepted: (after, limit) => tx.acceptedAfter(after, limit), chainMarkAt: (serverSeq) => tx.chainMarkAt(serverSeq) };
}

/**
 * Is the store's history up to the cache's last serverSeq the one it folded? A row not yet marked
 * (stored before migration 3) cannot say otherwise, and passes.
 */
async function stillHolds(cached: CachedLedger, chainMarkAt: FetchChainMark): Promise<boolean> {
  if (cached.lastSeq === 0) return true;
  const at = await chainMarkAt(cached.lastSeq);
  return at !== null && (at.chainMark === null || at.chainMark === cached.chainMark);
}
