import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/app-server.ts';

/**
 * `vite build` into dist/, as `npm run build` does. Vitest sets NODE_ENV=test, and Vite would then
 * make a development bundle (import.meta.env.PROD false: no service worker, React's dev build), so
 * the build is told plainly that it is a production build.
 */
export function viteBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'), ['build'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${String(code)}:\n${errors}`)),
    );
  });
}
