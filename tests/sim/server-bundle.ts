/**
 * The simulated district server starts many times per run (after every crash), and `tsx` needs
 * ~4 s of a slow CPU to transpile the server on each start. So the same entry
 * (server-process.ts, which is `buildApp` + the SQLite store) is bundled ONCE per process with
 * Vite's SSR build — our TypeScript in one ESM file, every npm package left external and loaded
 * from node_modules as usual — and each start is a plain `node bundle.mjs` (~1.5 s).
 * The bundle lives under .tmp/ (ignored by git and lint) so its imports resolve in node_modules.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../support/app-server.ts';

let bundle: Promise<string> | null = null;

export function serverBundle(): Promise<string> {
  bundle ??= (async () => {
    const outDir = path.join(PROJECT_ROOT, '.tmp', `sim-server-${String(process.pid)}`);
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    await build({
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      root: PROJECT_ROOT,
      build: {
        ssr: path.join(PROJECT_ROOT, 'tests', 'sim', 'server-process.ts'),
        outDir,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        rolldownOptions: { output: { format: 'esm', entryFileNames: 'server-process.mjs' } },
      },
    });
    return path.join(outDir, 'server-process.mjs');
  })();
  return bundle;
}
