// Component tests: jest-dom matchers, and a clean DOM and storage between tests.
import '@testing-library/jest-dom/vitest';
// A real IndexedDB (in memory) for screens that read and write the local store through Dexie.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadErrorSentences } from '../../src/i18n/error-sentences.ts';

// Screens read the local store (fake IndexedDB, PBKDF2 for PINs) before they show: on a busy
// two-core CI machine that can take longer than Testing Library's 1 s default for findBy/waitFor.
configure({ asyncUtilTimeout: 5_000 });

// The app fetches the error sentences once its first screen is painted (main.tsx); screens
// rendered here start after that point. FormError's own test covers the moment before.
await loadErrorSentences();

// jsdom does not implement scrolling; the router scrolls to the top after a navigation.
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});
