// First: it configures zod before any module that could construct a schema (see the file).
import './app/zod-jitless.ts';
// Second: it starts the gate's first read before React DOM and the app are evaluated (see the file).
import './app/start-gate-read.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './app/update/register-service-worker.ts';
import { whenFirstScreenShown } from './features/session/usable-mark.ts';
import { loadErrorSentences } from './i18n/error-sentences.ts';
import { currentLanguage, startInStoredLanguage } from './i18n/language-store.ts';
import './styles/gate.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const updates = registerServiceWorker();
// Not needed by any first screen, but by every form that can fail: fetched once it is painted.
whenFirstScreenShown(() => void loadErrorSentences().catch(() => undefined));

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App updates={updates} />
    </StrictMode>,
  );

// A treasurer who chose English gets her first screen in English: its catalogs come first (from the
// worker's cache). An Indonesian start renders at once. (Not a top-level await: that makes the
// bundler wrap every lazy chunk in a re-exporting one, a second fetch each.)
if (currentLanguage() === 'en') void startInStoredLanguage().then(render);
else render();
