/**
 * Serves the built app from `dist/` without @fastify/static: the rules are few and specific.
 * - `/assets/*` carry a content hash in their name, so they are cached for a year, immutable.
 * - `index.html`, `sw.js`, `manifest.webmanifest`, `registerSW.js` must be revalidated every time
 *   (`no-cache`), or a phone would keep an old service worker forever.
 * - Any other GET navigation outside `/api/` that is not a file gets `index.html` (SPA deep links
 *   such as `/anggota/…` and `/dinas/…`).
 * Files are read once and kept in memory with a strong ETag and a gzip copy; a changed mtime or
 * size (a rebuild) refreshes them. The build writes a brotli copy beside each text file
 * (`<file>.br`, scripts/vite-precompress.ts): ~13 % fewer bytes than gzip for the first load, which
 * on EDGE is ~0.4 s. It is sent to browsers that accept `br`, and only after it has been decoded
 * once and found equal to the file, so a copy left over from another build is never sent.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { encodingWeight } from './accept-encoding.ts';
import { BROTLI_SUFFIX, isTextFile, worthCompressing } from './compressible.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const REVALIDATE = new Set(['index.html', 'sw.js', 'manifest.webmanifest', 'registerSW.js']);

interface CachedFile {
  mtimeMs: number;
  size: number;
  /** The brotli copy's stamp when this entry was made: a copy written after its file is picked up. */
  brotliStamp: string | null;
  body: Buffer;
  gzipped: Buffer | null;
  /** The build's brotli copy, when there is one and it decodes to exactly `body`. */
  brotli: Buffer | null;
  etag: string;
  contentType: string;
  cacheControl: string;
}

export interface StaticFiles {
  /** Answers the request from dist/ and returns true, or returns false when nothing fits. */
  serve(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
}

function cacheControlFor(relative: string): string {
  if (REVALIDATE.has(relative)) return 'no-cache';
  if (relative.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  // Icons and other unhashed files: short cache, always revalidated after an hour.
  return 'public, max-age=3600, must-revalidate';
}

/** A stamp of a file's version: its mtime and size, or null when it is not there. */
async function stampOf(absolute: string): Promise<string | null> {
  try {
    const info = await stat(absolute);
    return info.isFile() ? `${String(info.mtimeMs)}:${String(info.size)}` : null;
  } catch {
    return null;
  }
}

/**
 * The build's `<file>.br` if it is there and decodes to `body`; null otherwise (never throws).
 * A copy larger than the file is no use and is not read; one that would decode to more than the
 * file is stopped there.
 */
async function brotliCopyOf(absolute: string, body: Buffer): Promise<Buffer | null> {
  try {
    const info = await stat(absolute + BROTLI_SUFFIX);
    if (!info.isFile() || info.size >= body.length) return null;
    const packed = await readFile(absolute + BROTLI_SUFFIX);
    const unpacked = brotliDecompressSync(packed, { maxOutputLength: body.length + 1 });
    return unpacked.equals(body) ? packed : null;
  } catch {
    return null;
  }
}

export function createStaticFiles(rootDir: string): StaticFiles {
  const root = path.resolve(rootDir);
  const cache = new Map<string, CachedFile>();

  async function load(relative: string): Promise<CachedFile | null> {
    const absolute = path.resolve(root, relative);
    // Only files strictly inside dist/: `..`, encoded or not, never escapes.
    if (absolute !== root && !absolute.startsWith(root + path.sep)) return null;
    let info;
    try {
      info = await stat(absolute);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const ext = path.extname(absolute).toLowerCase();
    const textual = isTextFile(absolute);
    // A build writes `sw.js` before `sw.js.br`: a request in between must not pin "no copy".
    const brotliStamp = textual ? await stampOf(absolute + BROTLI_SUFFIX) : null;
    const cached = cache.get(absolute);
    if (cached?.mtimeMs === info.mtimeMs && cached.size === info.size && cached.brotliStamp === brotliStamp) return cached;
    const body = await readFile(absolute);
    const compressible = textual && worthCompressing(body.length);
    const entry: CachedFile = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      brotliStamp,
      body,
      gzipped: compressible ? gzipSync(body, { level: 9 }) : null,
      brotli: compressible ? await brotliCopyOf(absolute, body) : null,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
      cacheControl: cacheControlFor(path.relative(root, absolute).split(path.sep).join('/')),
    };
    cache.set(absolute, entry);
    return entry;
  }

  function send(request: FastifyRequest, reply: FastifyReply, file: CachedFile): void {
    const { coding, body } = representationFor(file, request.headers['accept-encoding']);
    // One validator per coding (RFC 9110 §8.8.3): the br, gzip and plain bodies are different
    // representations, so a cache holding one must not be told by a 304 that it holds another.
    const etag = coding === 'identity' ? file.etag : `${file.etag.slice(0, -1)}-${coding}"`;
    reply.header('content-type', file.contentType);
    reply.header('cache-control', file.cacheControl);
    reply.header('etag', etag);
    reply.header('vary', 'accept-encoding');
    if (noneMatch(request.headers['if-none-match'], etag)) {
      void reply.code(304).send();
      return;
    }
    if (coding !== 'identity') reply.header('content-encoding', coding);
    void reply.code(200).send(body);
  }

  return {
    async serve(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const pathname = request.url.split('?')[0] ?? '/';
      if (pathname === '/api' || pathname.startsWith('/api/')) return false;
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return false;
      }
      if (decoded.includes('\0')) return false;
      const relative = decoded.replace(/^\/+/, '');
      // The build's brotli copies are how a file is sent, not files of their own.
      if (relative.endsWith(BROTLI_SUFFIX)) return false;
      if (relative !== '') {
        const file = await load(relative);
        if (file !== null) {
          send(request, reply, file);
          return true;
        }
      }
      // SPA fallback: a navigation (no file extension, or the browser asks for HTML) gets the app.
      const lastSegment = relative.split('/').pop() ?? '';
      const accept = request.headers.accept ?? '';
      const isNavigation = relative === '' || !lastSegment.includes('.') || accept.includes('text/html');
      if (!isNavigation || relative.startsWith('assets/')) return false;
      const index = await load('index.html');
      if (index === null) return false;
      send(request, reply, index);
      return true;
    },
  };
}

type Representation = { readonly coding: 'br' | 'gzip' | 'identity'; readonly body: Buffer };

/** The smaller brotli copy unless the browser prefers gzip outright (browsers weigh both 1). */
function representationFor(file: CachedFile, accepted: string | undefined): Representation {
  const brWeight = file.brotli === null ? 0 : encodingWeight(accepted, 'br');
  const gzipWeight = file.gzipped === null ? 0 : encodingWeight(accepted, 'gzip');
  if (file.brotli !== null && brWeight > 0 && brWeight >= gzipWeight) return { coding: 'br', body: file.brotli };
  if (file.gzipped !== null && gzipWeight > 0) return { coding: 'gzip', body: file.gzipped };
  return { coding: 'identity', body: file.body };
}

/** If-None-Match's weak comparison (RFC 9110 §13.1.2): `*`, or any listed tag, `W/` or not. */
function noneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (typeof header !== 'string') return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}
