/**
 * `npm run bench` runs every bench/*.bench.ts one after another, each in its own Node process (a
 * benchmark's heap, browser and servers never leak into the next); `npm run bench -- load sync`
 * runs those whose name is or starts with one of the words. Figures are printed as markdown rows
 * and written to bench/out/results/<name>.json; docs/performance.md explains them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();
const wanted = process.argv.slice(2);
const chosen = wanted.length === 0 ? all : all.filter((name) => wanted.some((word) => name === word || name.startsWith(word)));
if (chosen.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Known: ${all.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const name of chosen) {
  const started = Date.now();
  console.log(`\n=== ${name} (bench/${name}.bench.ts) ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.bench.ts`)], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (run.status !== 0) {
    failed += 1;
    console.error(`=== ${name} failed (exit ${String(run.status)}) after ${seconds} s ===`);
  } else {
    console.log(`=== ${name} done in ${seconds} s ===`);
  }
}
process.exit(failed === 0 ? 0 : 1);
