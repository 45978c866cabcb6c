import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import appConfig from '../../vite.config.ts';

// The app's own build plus one more page, bench/harness/seed.html, which seeds the store through
// src/db (same origin, same IndexedDB). Used by the data benchmarks only; the load benchmark
// measures the plain `vite build` so its chunks are exactly what ships.
const root = fileURLToPath(new URL('../..', import.meta.url));
export default mergeConfig(appConfig, {
  logLevel: 'warn',
  build: {
    rollupOptions: {
      input: {
        main: `${root}index.html`,
        harness: `${root}bench/harness/seed.html`,
      },
    },
  },
});
