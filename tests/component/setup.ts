// Component tests: jest-dom matchers, and a clean DOM and storage between tests.
import '@testing-library/jest-dom/vitest';
// A real IndexedDB (in memory) for screens that read and write the local store through Dexie.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom does not implement scrolling; the router scrolls to the top after a navigation.
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});
