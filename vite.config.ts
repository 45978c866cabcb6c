import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { compileHints, lumbungSavePath } from './scripts/vite-compile-hints.ts';
import { precompressBrotli } from './scripts/vite-precompress.ts';

// Two builds come out of this file: the app (index.html → dist/) and, through vite-plugin-pwa's
// injectManifest strategy, our own service worker (service-worker/sw.ts → dist/sw.js) with the
// precache manifest injected. Registration is done by the app (src/app/update) so that the
// update prompt is ours and the worker never skips waiting without the treasurer agreeing.
const THEME_GREEN = '#1d5c3a';
const PAPER = '#fdf8ec';

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __BUILD_TIME__: JSON.stringify(new Date().toISOString()),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Android Go phones run an evergreen Chrome; no legacy bundle is shipped.
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Everything the first screen needs (React, the gate, the i18n catalogues) in one chunk with
        // the entry, instead of seven that lazy screens happen to share: on a warm start each is one
        // more fetch through the service worker and one more module to instantiate before the lock
        // screen, and on 2G one more round trip (docs/performance.md §1). Lazy chunks import from it.
        codeSplitting: {
          groups: [
            { name: 'first-load', tags: ['$initial'] },
            // The English of the first load's catalogs (src/i18n/later-english.ts): one chunk, so a
            // start in English waits for one fetch from the worker's cache, not six.
            { name: 'english', test: /\.en\.ts$/ },
          ],
        },
      },
    },
  },
  plugins: [
    react(),
    // The save path's lazy chunks are compiled when they load, not inside the first tap.
    compileHints(lumbungSavePath),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // Icons, favicon and apple-touch-icon are precached by the glob below; listing them again
      // would only duplicate precache entries.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Lumbung — Pembukuan Koperasi',
        short_name: 'Lumbung',
        description:
          'Pembukuan koperasi desa yang tetap jalan tanpa sinyal: anggota, simpanan, pinjaman, kas dan laporan, tersinkron ke Dinas Koperasi.',
        lang: 'id',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME_GREEN,
        background_color: PAPER,
        categories: ['finance', 'business', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        // The office pages (/dinas) are a lazy chunk the treasurer never needs offline; leaving
        // them out keeps the phone's install small. They still load normally when online.
        globIgnores: ['**/district-*.js', '**/district-*.css'],
        // One classic script: the sync engine, imported lazily by sw.ts, is inlined as a function
        // run on the first sync event. (The default ES output keeps Vite's preload helper, whose
        // `import.meta` a classic worker script cannot parse.)
        rollupFormat: 'iife',
      },
    }),
    // Last: a brotli copy of every built text file, the service worker included, for the server.
    precompressBrotli(),
  ],
});
