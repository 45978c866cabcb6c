import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Builds, cached data sets and raw results; ignored by git and eslint. `BENCH_OUT=/tmp/x` gives one
 * engineer's runs their own builds, so two benchmarks started from a shared tree do not rebuild
 * each other's app mid-run.
 */
export const BENCH_OUT = process.env.BENCH_OUT ?? path.join(PROJECT_ROOT, 'bench', 'out');
