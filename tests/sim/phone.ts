/**
 * A treasurer's phone in the simulation: the real local store (src/db, Dexie on fake-indexeddb, one
 * database per phone) and the real sync engine (src/sync `syncOnce`), whose fetch goes through this
 * phone's own fault proxy to the real district server over HTTP.
 *
 * The phone's clock is the simulation's virtual clock plus this phone's skew (years off, for some);
 * it is passed as `now` to every save and sync, so no real time passes.
 *
 * Client crashes at named points (research/reliability.md §4.3), each followed by a "restart": the
 * Dexie handle is closed where it stands and a new one opened on the same database, with every
 * in-memory cache gone:
 * - `before-commit`: the save's transaction dies before it commits (a DBCore middleware fails the
 *   entry's write, which aborts the whole transaction): nothing may remain of it;
 * - `after-commit-before-ui`: the save committed but the app died before saying "Tersimpan": the
 *   treasurer never saw it confirmed, yet it must sync like any other;
 * - `after-send-before-ack`: a sync request reached the server and its answer arrived, but the app
 *   died before it recorded the acknowledgement: the entries must go again and come back `duplicate`.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { appendEntry, type EntryDraft, type SavedEntry } from '../../src/db/append-entry.ts';
import { LumbungDb } from '../../src/db/database.ts';
import { readMeta, readPullCursor } from '../../src/db/meta.ts';
import { dropLedgerCache } from '../../src/db/projections.ts';
import type { StorageResult } from '../../src/db/storage-errors.ts';
import { enroll } from '../../src/sync/enroll.ts';
import { syncOnce, type SyncResult } from '../../src/sync/sync-once.ts';
import type { FetchLike } from '../../src/sync/transport.ts';
import type { FaultProxy } from '../support/fault-proxy.ts';

export const CLIENT_CRASH_POINTS = ['before-commit', 'after-commit-before-ui', 'after-send-before-ack'] as const;
export type ClientCrashPoint = (typeof CLIENT_CRASH_POINTS)[number];

/** The error the crash middleware throws: the transaction aborts as if the tab had died. */
class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash before commit');
    this.name = 'SimulatedCrash';
  }
}

export type SyncTuning = { readonly maxEntries: number; readonly pullPageSize: number };

export class Phone {
  db: LumbungDb;
  deviceId = '';
  revoked = false;
  /** Virtual instant (ms) before which the next sync is not tried (back-off or the treasurer's habit). */
  nextSyncAt = 0;
  /** Virtual instant until which the phone has no signal. */
  offlineUntil = 0;
  private failBeforeCommit = false;
  private crashOnResponse = false;
  private crashedInSync = false;
  private readonly crash: Middleware<DBCore>;

  constructor(
    readonly label: string,
    readonly cooperativeId: string,
    readonly proxy: FaultProxy,
    /** Phone clock minus true time, in ms. */
    readonly skewMs: number,
    readonly tuning: SyncTuning,
    private readonly dbName: string,
  ) {
    this.crash = {
      stack: 'dbcore',
      name: 'sim-crash-before-commit',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) => {
              if (name === 'entries' && req.type === 'add' && this.failBeforeCommit) {
                this.failBeforeCommit = false;
                return Promise.reject(new SimulatedCrash());
              }
              return table.mutate(req);
            },
          };
        },
      }),
    };
    this.db = this.open();
  }

  private open(): LumbungDb {
    const db = new LumbungDb(this.dbName);
    db.use(this.crash);
    return db;
  }

  /** The app dies and starts again on the same IndexedDB database. */
  restart(): void {
    dropLedgerCache(this.db);
    this.db.close();
    this.db = this.open();
  }

  now(virtualMs: number): Date {
    return new Date(virtualMs + this.skewMs);
  }

  /** The phone's network: every request goes through its fault proxy. */
  readonly fetch: FetchLike = async (input, init) => {
    const response = await fetch(input, init);
    if (this.crashOnResponse) {
      // The answer is here, the app dies before reading it: close the database under the engine.
      this.crashOnResponse = false;
      this.crashedInSync = true;
      this.db.close();
    }
    return response;
  };

  async enroll(code: string, virtualMs: number): Promise<void> {
    const result = await enroll(this.db, {
      serverUrl: this.proxy.url,
      code,
      deviceName: this.label,
      fetch: this.fetch,
      now: () => this.now(virtualMs),
    });
    if (!result.ok) throw new Error(`${this.label}: enrollment failed: ${result.error} ${result.detail ?? ''}`);
    this.deviceId = result.value.deviceId;
  }

  /** A save as the screen does it; with a crash point, the app dies at that point of the save. */
  async record(
    draft: EntryDraft,
    virtualMs: number,
    crash: 'before-commit' | 'after-commit-before-ui' | null,
  ): Promise<StorageResult<SavedEntry>> {
    this.failBeforeCommit = crash === 'before-commit';
    const result = await appendEntry(this.db, draft, { locks: null, now: () => this.now(virtualMs), receipt: draft.type === 'savings.deposited' });
    this.failBeforeCommit = false;
    if (crash !== null) this.restart();
    return result;
  }

  /** One sync run; with `crashAfterSend`, the app dies when the first answer arrives. */
  async sync(virtualMs: number, crashAfterSend: boolean): Promise<{ result: SyncResult; crashed: boolean }> {
    this.crashOnResponse = crashAfterSend;
    this.crashedInSync = false;
    const result = await syncOnce(this.db, {
      fetch: this.fetch,
      now: () => this.now(virtualMs),
      baseUrl: this.proxy.url,
      timeoutMs: 20_000,
      batchLimits: { maxEntries: this.tuning.maxEntries, maxJsonBytes: 256 * 1024, maxWireBytes: 64 * 1024, gzip: true },
      pullPageSize: this.tuning.pullPageSize,
    });
    this.crashOnResponse = false;
    const crashed = this.crashedInSync;
    if (crashed) this.restart();
    return { result, crashed };
  }

  async seenCursor(): Promise<string> {
    return (await readPullCursor(this.db)) ?? '0';
  }

  async identityDeviceId(): Promise<string | undefined> {
    return (await readMeta(this.db, 'identity'))?.deviceId;
  }

  close(): void {
    dropLedgerCache(this.db);
    this.db.close();
  }
}
