// First: it configures zod before any module that could construct a schema (see the file).
import './app/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './app/update/register-service-worker.ts';
import { isUngatedPath } from './features/session/SessionGate.tsx';
import { startGateState } from './features/session/gate-state.ts';
import './app/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// The gate's first read of IndexedDB runs in the browser while React renders the first frame, so
// the welcome or lock screen can follow without waiting for it (docs/performance.md §1).
if (!isUngatedPath(window.location.pathname)) startGateState();

const updates = registerServiceWorker();

createRoot(root).render(
  <StrictMode>
    <App updates={updates} />
  </StrictMode>,
);
