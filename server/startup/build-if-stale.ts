/**
 * `npm start` must serve a current app: if dist/index.html is missing or older than any source
 * file, run `vite build` first. A treasurer's laptop at the district office has no developer to
 * remember that step.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// `scripts` holds the build's own plugins (compile hints, brotli copies): a change there changes dist.
const SOURCE_ROOTS = ['src', 'service-worker', 'public', 'scripts', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(target: string): number {
  let info;
  try {
    info = statSync(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, name)));
  }
  return newest;
}

export type BuildDecision = 'up-to-date' | 'stale' | 'missing' | 'no-sources';

export function decideBuild(projectRoot: string, distDir: string): BuildDecision {
  if (!existsSync(path.join(projectRoot, 'index.html'))) return 'no-sources';
  const indexPath = path.join(distDir, 'index.html');
  if (!existsSync(indexPath)) return 'missing';
  const built = statSync(indexPath).mtimeMs;
  const sources = Math.max(...SOURCE_ROOTS.map((root) => newestMtime(path.join(projectRoot, root))));
  return sources > built ? 'stale' : 'up-to-date';
}

/** Runs `vite build`; resolves to null on success or to a one-line reason on failure. */
export function runViteBuild(projectRoot: string): Promise<string | null> {
  const vite = path.join(projectRoot, 'node_modules', '.bin', 'vite');
  return new Promise((resolve) => {
    // Build output goes to stderr so stdout stays the server's own log.
    const child = spawn(vite, ['build'], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
    child.once('error', (error) => resolve(`tidak bisa menjalankan vite build (${error.message})`));
    child.once('exit', (code) => resolve(code === 0 ? null : `vite build gagal (kode keluar ${String(code)})`));
  });
}
