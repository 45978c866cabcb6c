/**
 * Telling the live queries of a commit later than Dexie would.
 *
 * When a read-write transaction completes, Dexie fires `storagemutated` with the key ranges the
 * transaction wrote ("mutated parts") from inside the `complete` event, before the code awaiting
 * the transaction runs; every live query on screen whose ranges overlap starts its read there and
 * then. After a save that work (a dozen milliseconds on a throttled phone) sat between the commit
 * and "Tersimpan". A transaction can instead take its parts just before it ends and fire them
 * itself once the screen has shown the outcome: the same notification, to the same queries here
 * and (through Dexie's BroadcastChannel) in other tabs, one frame later.
 *
 * This relies on one Dexie internal: the parts are kept on the native transaction as
 * `mutatedParts` (dexie 4.x, observability middleware). If a Dexie version keeps them elsewhere,
 * nothing is taken and Dexie notifies at the commit as before — slower, never stale. The liveQuery
 * result cache must be off (`cache: 'disabled'`, database.ts): it would otherwise keep serving
 * results from before the commit to the queries it holds.
 */
import { Dexie, type ObservabilitySet } from 'dexie';

export type LiveQueryNotice = { readonly tell: () => void };

const PARTS = 'mutatedParts';

/**
 * Inside a read-write transaction, after its writes resolved: takes the notification Dexie would
 * fire at the commit. The caller must call `tell()` once the transaction committed (and may skip
 * it if it aborted: nothing changed then).
 */
export function holdLiveQueryNotice(): LiveQueryNotice | undefined {
  const idbtrans: unknown = Dexie.currentTransaction?.idbtrans;
  if (typeof idbtrans !== 'object' || idbtrans === null || !Reflect.has(idbtrans, PARTS)) return undefined;
  const parts: unknown = Reflect.get(idbtrans, PARTS);
  if (!isObservabilitySet(parts)) return undefined;
  Reflect.deleteProperty(idbtrans, PARTS);
  let told = false;
  return {
    tell: () => {
      if (told) return;
      told = true;
      Dexie.on.storagemutated.fire(parts);
    },
  };
}

const isObservabilitySet = (value: unknown): value is ObservabilitySet => typeof value === 'object' && value !== null;
