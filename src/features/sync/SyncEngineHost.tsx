import { useEffect } from 'react';
import { getDb } from '../session/database.ts';
import { useCooperativeOutsideGate } from '../demo/safe-cooperative.ts';
import { startSyncEngine } from './engine.ts';
import { useSiteDataWatch } from './site-data.ts';

/**
 * Mounted once by the treasurer's frame, outside the PIN gate: a locked phone keeps syncing what is
 * already saved (it shows nothing). Starts the engine when the phone is enrolled — including the
 * moment a local-only phone finishes enrolling — and stops it on unmount. Also keeps the note of
 * what the books hold outside IndexedDB current (site-data.ts), on enrolled and trial phones alike.
 */
export function SyncEngineHost() {
  const cooperative = useCooperativeOutsideGate();
  const enrolled = cooperative?.mode === 'enrolled';
  useSiteDataWatch();
  useEffect(() => {
    if (!enrolled) return undefined;
    return startSyncEngine(getDb());
  }, [enrolled]);
  return null;
}
