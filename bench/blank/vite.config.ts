import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressBrotli } from '../../scripts/vite-precompress.ts';

// The blank baseline page (bench/blank): same Vite, React plugin and build target as the app, and a
// generated Workbox precache worker so the warm start compares worker to worker, and the same brotli
// copies, so that the server sends both pages alike.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  build: { emptyOutDir: true, target: 'es2022' },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: { globPatterns: ['**/*.{js,css,html}'], navigateFallback: '/index.html' },
    }),
    precompressBrotli(),
  ],
});
