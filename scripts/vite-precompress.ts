import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
// The server's own rules for what is sent compressed, so that it finds a copy wherever it looks.
import { BROTLI_SUFFIX, isTextFile, worthCompressing } from '../server/http/compressible.ts';

const compress = promisify(brotliCompress);

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(absolute)));
    else if (entry.isFile()) found.push(absolute);
  }
  return found;
}

/** Writes `<file>.br` beside one built text file worth it, at brotli's densest setting. */
async function writeBrotliCopy(file: string): Promise<void> {
  const body = await readFile(file);
  if (!worthCompressing(body.length)) return;
  const packed = await compress(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  await writeFile(file + BROTLI_SUFFIX, packed);
}

/**
 * Writes a brotli copy of every built text file, for the server to send to browsers that accept
 * `br` (server/http/static-files.ts). Why at build time: brotli's densest setting takes ~0.4 s of
 * CPU for the first-load chunk, too slow to do per request or at every server start, and it makes
 * the first load ~13 % smaller than gzip -9 (96.0 → 83.0 KB for index.html, the first-load chunk
 * and its CSS), which on EDGE's 32 KB/s is ~0.4 s of the treasurer's first open and of the install.
 *
 * Runs after every other plugin's closeBundle (`order: 'post'`; Vite 8 runs these hooks one after
 * another), so the service worker that vite-plugin-pwa builds there, its precache manifest injected,
 * is compressed as written. The precache glob (`*.{js,css,…}`) does not match `.br`, so the copies are never precached; the
 * server checks that a copy decodes to the file before it sends one, so a stale copy is never sent.
 */
export function precompressBrotli(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'lumbung:precompress-brotli',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      async handler() {
        if (config === undefined || config.build.ssr) return;
        const outDir = path.resolve(config.root, config.build.outDir);
        const texts = (await filesUnder(outDir)).filter(isTextFile);
        // In parallel: each runs on libuv's thread pool, off the build's own thread.
        await Promise.all(texts.map(writeBrotliCopy));
      },
    },
  };
}
