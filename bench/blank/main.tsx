/**
 * The baseline of the load benchmarks: the smallest honest Vite + React page — React 19, one
 * heading and one button, a Workbox precache service worker (vite-plugin-pwa's generateSW). It
 * marks `lumbung:usable` when its button is on screen and wired, as the app does for its welcome
 * and lock screens, so both are timed to the same event.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Blank() {
  const [taps, setTaps] = useState(0);
  useEffect(() => {
    if (performance.getEntriesByName('lumbung:usable').length === 0) performance.mark('lumbung:usable');
  }, []);
  return (
    <main>
      <h1>Blank</h1>
      <button type="button" onClick={() => setTaps((n) => n + 1)}>
        Tap {taps}
      </button>
    </main>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <Blank />
  </StrictMode>,
);

// As the app does: register after `load` so the worker never competes with the first paint.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
