/**
 * What the session gate shows before anyone unlocks: how far the phone is set up and the names on
 * the lock screen. Two sources, one after the other:
 *  1. the raw first read (setup-probe.ts), started before React DOM is evaluated
 *     (app/start-gate-read.ts), which draws the first screen without Dexie (docs/performance.md §1:
 *     a warm start no longer compiles, runs and opens Dexie before the lock screen);
 *  2. Dexie's live queries (gate-live.ts), loaded once that first screen is painted — or at once when
 *     the first read could not decide — which keep the gate in step with every later write.
 */
import { useSyncExternalStore } from 'react';
import type { LockUser } from '../users/lock-users.ts';
import { currentDatabaseName } from './database-name.ts';
import { probeGate } from './setup-probe.ts';
import type { SetupState } from './setup-state.ts';
import { whenFirstScreenShown } from './usable-mark.ts';

type GateView = { readonly setup: SetupState | undefined; readonly lockUsers: readonly LockUser[] | undefined };

const UNKNOWN: GateView = { setup: undefined, lockUsers: undefined };

let view: GateView = UNKNOWN;
let started = false;
/** Bumped by `resetGateState`: answers about a previous database are dropped. */
let generation = 0;
let live = false;
let stopLive: (() => void) | undefined;
const listeners = new Set<() => void>();

function publish(next: Partial<GateView>, from: number): void {
  if (from !== generation) return;
  view = { ...view, ...next };
  for (const listener of listeners) listener();
}

function watchLive(from: number): void {
  if (from !== generation || stopLive !== undefined) return;
  // Set before the import resolves so that a second call does not start a second watch.
  stopLive = () => undefined;
  import('./gate-live.ts')
    .then(({ watchGate }) => {
      if (from !== generation) return;
      stopLive = watchGate({
        onSetup: (setup) => {
          live = true;
          publish({ setup }, from);
        },
        onLockUsers: (lockUsers) => publish({ lockUsers }, from),
      });
    })
    .catch(() => publish({ setup: { kind: 'failed' } }, from));
}

/** Starts the first read (once; later calls do nothing). Called by app/start-gate-read.ts before React DOM is evaluated. */
export function startGateState(): void {
  if (started) return;
  started = true;
  const from = generation;
  void probeGate(currentDatabaseName()).then((probed) => {
    if (probed === undefined) {
      watchLive(from);
      return;
    }
    // Dexie may have answered first (it always wins: it is the one that stays up to date).
    if (!live) publish(probed, from);
    whenFirstScreenShown(() => watchLive(from));
  });
}

/** Test hook (through `openDatabaseForTests`): forget the previous database's state and watch. */
export function resetGateState(): void {
  stopLive?.();
  stopLive = undefined;
  generation += 1;
  started = false;
  live = false;
  view = UNKNOWN;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const getView = () => view;

function useGateView(): GateView {
  // Idempotent: start-gate-read.ts has usually started it already; tests and other entry points start it here.
  startGateState();
  return useSyncExternalStore(subscribe, getView, getView);
}

/** How far the phone is set up; undefined until the first read answers. */
export function useSetupState(): SetupState | undefined {
  return useGateView().setup;
}

/** The names on the lock screen; undefined until the first read answers. */
export function useGateLockUsers(): readonly LockUser[] | undefined {
  return useGateView().lockUsers;
}
