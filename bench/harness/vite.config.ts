import { fileURLToPath } from 'node:url';
import { mergeConfig, type UserConfig } from 'vite';
import appConfig from '../../vite.config.ts';

// The app's own build plus one more page, bench/harness/seed.html, which seeds the store through
// src/db (same origin, same IndexedDB). Used by the data benchmarks only; the load benchmark
// measures the plain `vite build` so its chunks are exactly what ships.
const root = fileURLToPath(new URL('../..', import.meta.url));
const config: UserConfig = mergeConfig(appConfig, {
  logLevel: 'warn',
  build: {
    // UNMINIFIED=1 (with a BENCH_OUT of its own): function names in bench/profile.ts's CPU profiles.
    ...(process.env.UNMINIFIED === '1' ? { minify: false } : {}),
    rollupOptions: {
      input: {
        main: `${root}index.html`,
        harness: `${root}bench/harness/seed.html`,
      },
    },
  },
});
// The app groups every module of the first load ($initial) into one chunk with its entry. With a
// second entry that would be the seeding page's initial chunk too, and running it runs main.tsx
// ("index.html has no #root element"): here chunks are split the default way. The data benchmarks
// measure work after the app has loaded, which its chunking does not change.
const output = config.build?.rolldownOptions?.output;
if (output !== undefined && !Array.isArray(output)) output.codeSplitting = true;
export default config;
