/**
 * One folded `LedgerState` per cooperative, kept in memory and keyed by the last serverSeq folded
 * into it. Whoever uses it first catches it up from the store (several processes may share a
 * PostgreSQL database, so another process may have accepted entries since). All use of a
 * cooperative's state is serialised by an in-process lock, because `applyEntryUntracked` mutates it.
 *
 * A push folds its new entries into the cached state inside its transaction; if the transaction
 * then fails, the state is dropped (`invalidate`) and rebuilt from the store on next use.
 */
import type { Entry } from '../../src/domain/entry/schema.ts';
import { applyEntryUntracked, emptyLedger, type LedgerState } from '../../src/domain/ledger/index.ts';
import { KeyedMutex } from '../storage/mutex.ts';
import type { AcceptedEntryRow } from '../storage/store.ts';

export interface CachedLedger {
  state: LedgerState;
  lastSeq: number;
}

export type FetchAccepted = (afterSeq: number, limit: number) => Promise<AcceptedEntryRow[]>;

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
  async caughtUp(cooperativeId: string, fetch: FetchAccepted): Promise<CachedLedger> {
    let cached = this.ledgers.get(cooperativeId);
    if (cached === undefined) {
      cached = { state: emptyLedger(), lastSeq: 0 };
      this.ledgers.set(cooperativeId, cached);
    }
    try {
      for (;;) {
        const page = await fetch(cached.lastSeq, CATCH_UP_PAGE);
        for (const row of page) {
          // Stored entries were validated on the way in; their JSON is trusted here.
          const entry = JSON.parse(row.body) as Entry;
          applyEntryUntracked(cached.state, entry, { serverSeq: row.serverSeq });
          cached.lastSeq = row.serverSeq;
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
