/**
 * The builds the benchmarks load, each in its own directory under bench/out (never dist/, which the
 * e2e tests and `npm start` use): the app exactly as `vite build` makes it, the app plus the seeding
 * page (bench/harness), and the blank baseline page (bench/blank). Rebuilt only when stale.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { decideBuild } from '../../server/startup/build-if-stale.ts';
import { BENCH_OUT, PROJECT_ROOT } from './paths.ts';

export type BuildKind = 'app' | 'harness' | 'blank';

function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(target).map((name) => newest(path.join(target, name))));
}

function vite(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'), ['build', ...args], {
      cwd: PROJECT_ROOT,
      // Vite makes a development bundle when NODE_ENV is not production (tsx and vitest may set it).
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build ${args.join(' ')} exited ${String(code)}:\n${errors}`))));
  });
}

/** Returns the directory of an up-to-date build of `kind`. */
export async function ensureBuild(kind: BuildKind): Promise<string> {
  const outDir = path.join(BENCH_OUT, kind);
  switch (kind) {
    case 'app':
      if (decideBuild(PROJECT_ROOT, outDir) !== 'up-to-date') await vite(['--outDir', outDir, '--manifest', '--logLevel', 'warn']);
      return outDir;
    case 'harness': {
      const stale = decideBuild(PROJECT_ROOT, outDir) !== 'up-to-date' || newest(path.join(PROJECT_ROOT, 'bench', 'harness')) > newest(path.join(outDir, 'index.html'));
      if (stale) await vite(['--config', path.join(PROJECT_ROOT, 'bench', 'harness', 'vite.config.ts'), '--outDir', outDir]);
      return outDir;
    }
    case 'blank': {
      const source = path.join(PROJECT_ROOT, 'bench', 'blank');
      if (newest(source) > newest(path.join(outDir, 'index.html'))) {
        await vite(['--config', path.join(source, 'vite.config.ts'), '--outDir', outDir]);
      }
      return outDir;
    }
  }
}
