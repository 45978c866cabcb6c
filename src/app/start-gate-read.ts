// Imported by main.tsx right after zod-jitless.ts, before React DOM and the app: modules evaluate in
// import order, so the gate's first read of IndexedDB (the phone's mode, the lock screen's names) is
// started before the first-load chunk evaluates react-dom and the screens, and the browser opens
// the database meanwhile (docs/performance.md §1, session 9). This module's own imports are
// the read and the `react` package, which the gate's store subscribes through — nothing larger.
import { startGateState } from '../features/session/gate-state.ts';
import { isUngatedPath } from '../features/session/ungated-paths.ts';

if (!isUngatedPath(window.location.pathname)) startGateState();
