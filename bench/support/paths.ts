import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Builds, cached data sets and raw results; ignored by git and eslint. */
export const BENCH_OUT = path.join(PROJECT_ROOT, 'bench', 'out');
