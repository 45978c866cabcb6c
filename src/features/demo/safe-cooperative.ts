/**
 * The cooperative, live, for parts of the frame that sit OUTSIDE the session gate (the DEMO banner,
 * the sync engine host). `useCooperative()` lets a storage failure throw into React — fine behind
 * the gate, which shows its own message first — but out here a blocked IndexedDB (private mode) or
 * a damaged identity row must not take the whole frame down: it reads as "no cooperative".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { readCooperative, type Cooperative } from '../session/cooperative.ts';
import { getDb } from '../session/database.ts';

export function useCooperativeOutsideGate(): Cooperative | null | undefined {
  return useLiveQuery(() => readCooperative(getDb()).catch(() => null), []);
}
