/**
 * The HTTP surface every route shares: health, security headers on every kind of response, the
 * error shape for bad input (never a 5xx), body limits and gzip bodies, and static serving of the
 * built app with its cache rules, SPA fallback, ETag, gzip and the build's brotli copies.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/http/security-headers.ts';
import type { Store } from '../../server/storage/store.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { startHarness, type Harness } from './harness.ts';

const INDEX_HTML = '<!doctype html><html lang="id"><head><title>Lumbung</title><script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = `export const hello = ${JSON.stringify('halo '.repeat(400))};\n`;
const OLD_JS = `export const hello = ${JSON.stringify('lama '.repeat(400))};\n`;

function makeDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lumbung-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Lumbung"}');
  writeFileSync(path.join(dir, 'assets', 'app-1a2b3c.js'), APP_JS);
  writeFileSync(path.join(dir, 'assets', 'style-9f8e7d.css'), 'body{margin:0}');
  // The build's brotli copy (scripts/vite-precompress.ts) …
  writeFileSync(path.join(dir, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(APP_JS));
  // … and one left over from another build: its file has changed since.
  writeFileSync(path.join(dir, 'assets', 'stale-5d6e7f.js'), APP_JS);
  writeFileSync(path.join(dir, 'assets', 'stale-5d6e7f.js.br'), brotliCompressSync(OLD_JS));
  return dir;
}

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
}

function expectError(body: string, code: string): void {
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(5);
}

describe.each(STORE_KINDS)('HTTP basics on %s', (kind) => {
  let h: Harness;
  let dist: string;
  beforeAll(async () => {
    dist = makeDist();
    h = await startHarness(kind, { staticDir: dist });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('GET /api/v1/health answers ok with the version', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, version: '0.1.0' });
    expectSecurityHeaders(response.headers);
  });

  it('GET /api/v1/health answers 503 store-unavailable when the store cannot be reached', async () => {
    const { buildApp } = await import('../../server/app.ts');
    // The real store, except that it cannot be reached.
    const broken = Object.assign(Object.create(h.store.store) as Store, { ping: () => Promise.reject(new Error('down')) });
    const app = buildApp({ store: broken, staticDir: null });
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(503);
    expectError(response.body, 'store-unavailable');
    await app.close();
  });

  it('sends the security headers on API answers, static files, SPA fallbacks, errors and 404s', async () => {
    const responses = await Promise.all([
      h.app.inject({ method: 'GET', url: '/api/v1/health' }),
      h.app.inject({ method: 'GET', url: '/' }),
      h.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' }),
      h.app.inject({ method: 'GET', url: '/dinas/koperasi/123' }),
      h.app.inject({ method: 'GET', url: '/api/v1/nope' }),
      h.app.inject({ method: 'GET', url: '/assets/missing-000.js' }),
      h.app.inject({ method: 'GET', url: '/api/v1/admin/me' }),
      h.app.inject({ method: 'POST', url: '/api/v1/admin/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 404, 404, 401, 400]);
    for (const response of responses) expectSecurityHeaders(response.headers);
  });

  it('answers unknown API paths with 404 not-found in the error shape', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/v1/tidak-ada' });
    expect(response.statusCode).toBe(404);
    expectError(response.body, 'not-found');
    // An API path never falls back to the app's HTML.
    const deep = await h.app.inject({ method: 'GET', url: '/api/v2/anything', headers: { accept: 'text/html' } });
    expect(deep.statusCode).toBe(404);
    expect(deep.headers['content-type']).toContain('application/json');
  });

  it('answers malformed JSON with 400 invalid-json', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "dinas", ',
    });
    expect(response.statusCode).toBe(400);
    expectError(response.body, 'invalid-json');
  });

  it('answers a body of the wrong shape with 400 invalid-request, not 500', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: { username: 42, password: [] } });
    expect(response.statusCode).toBe(400);
    expectError(response.body, 'invalid-request');
  });

  it('answers an oversized body with 413 body-too-large', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'dinas', password: 'x'.repeat(200_000) }),
    });
    expect(response.statusCode).toBe(413);
    expectError(response.body, 'body-too-large');
  });

  it('answers a gzip bomb with 413 before inflating it all', async () => {
    // 50 MB of spaces compress to ~50 KB: under the wire limit, far over the inflated limit.
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"username":"dinas","password":"'), Buffer.alloc(50 * 1024 * 1024, 0x61), Buffer.from('"}')]));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: bomb,
    });
    expect(response.statusCode).toBe(413);
    expectError(response.body, 'body-too-large');
  });

  it('answers a wrong content type with 415, an unknown encoding with 415, broken gzip with 400', async () => {
    const form = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=dinas&password=x',
    });
    expect(form.statusCode).toBe(415);
    expectError(form.body, 'unsupported-media-type');
    const brotli = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
      payload: Buffer.from('xyz'),
    });
    expect(brotli.statusCode).toBe(415);
    expectError(brotli.body, 'unsupported-content-encoding');
    const broken = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: Buffer.from('definitely not gzip'),
    });
    expect(broken.statusCode).toBe(400);
    expectError(broken.body, 'invalid-gzip');
  });

  it('refuses __proto__ keys in JSON bodies with 400 (prototype poisoning)', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"dinas","password":"x","__proto__":{"isAdmin":true}}',
    });
    expect(response.statusCode).toBe(400);
    expectError(response.body, 'forbidden-json-key');
    // The words themselves inside values are fine.
    const harmless = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"__proto__ constructor","password":"salah-salah"}',
      remoteAddress: '10.9.9.9',
    });
    expect(harmless.statusCode).toBe(401);
  });

  it('accepts a gzip-encoded JSON body', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(Buffer.from(JSON.stringify({ username: 'dinas', password: 'rahasia-dinas-123' }))),
    });
    expect(response.statusCode).toBe(200);
  });

  it('serves hashed assets immutable for a year and the shell files no-cache', async () => {
    const asset = await h.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.body).toBe(APP_JS);
    const css = await h.app.inject({ method: 'GET', url: '/assets/style-9f8e7d.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    for (const [url, type] of [
      ['/', 'text/html; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
      ['/sw.js', 'text/javascript; charset=utf-8'],
      ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ] as const) {
      const response = await h.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-type'], url).toBe(type);
    }
  });

  it('falls back to index.html for deep links, but not for missing files', async () => {
    for (const url of ['/anggota/0193a1c4-0000-7000-8000-000000000000', '/dinas', '/dinas/koperasi/abc?tab=laporan']) {
      const response = await h.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX_HTML);
    }
    const missing = await h.app.inject({ method: 'GET', url: '/favicon-missing.png' });
    expect(missing.statusCode).toBe(404);
    const traversal = await h.app.inject({ method: 'GET', url: '/assets/..%2f..%2f..%2fetc%2fpasswd' });
    expect(traversal.statusCode).toBe(404);
  });

  it('answers a matching If-None-Match with 304 and gzips compressible files', async () => {
    const first = await h.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js', headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(first.rawPayload).toString('utf8')).toBe(APP_JS);
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await h.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js', headers: { 'accept-encoding': 'gzip', 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('sends the brotli copy to a browser that accepts br, gzip to one that accepts only gzip, and honours q=0', async () => {
    const get = (acceptEncoding?: string) =>
      h.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js', headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
    const chromium = await get('gzip, deflate, br, zstd');
    expect(chromium.headers['content-encoding']).toBe('br');
    expect(chromium.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(chromium.rawPayload).toString('utf8')).toBe(APP_JS);
    expect(chromium.rawPayload.length).toBeLessThan(gzipSync(APP_JS, { level: 9 }).length);
    const gzipOnly = await get('gzip');
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipOnly.rawPayload).toString('utf8')).toBe(APP_JS);
    const brRefused = await get('br;q=0, gzip;q=0.5');
    expect(brRefused.headers['content-encoding']).toBe('gzip');
    const gzipPreferred = await get('br;q=0.1, gzip');
    expect(gzipPreferred.headers['content-encoding']).toBe('gzip');
    for (const refusing of ['br;q=0, gzip;q=0', 'identity', undefined]) {
      const plain = await get(refusing);
      expect(plain.headers['content-encoding'], String(refusing)).toBeUndefined();
      expect(plain.body, String(refusing)).toBe(APP_JS);
    }
  });

  it('gives each coding its own ETag and answers If-None-Match by the representation it would send', async () => {
    const url = '/assets/app-1a2b3c.js';
    const get = (acceptEncoding: string, ifNoneMatch?: string) =>
      h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding, ...(ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch }) } });
    const [br, gzip, plain] = [await get('gzip, br'), await get('gzip'), await get('identity')];
    const tags = [br, gzip, plain].map((response) => String(response.headers.etag));
    expect(new Set(tags).size).toBe(3);
    const [brTag = '', gzipTag = '', plainTag = ''] = tags;
    expect(brTag).toMatch(/^"[\w-]+-br"$/);
    expect(gzipTag).toMatch(/^"[\w-]+-gzip"$/);
    // Each revalidates to 304 with its own tag, as Chromium sends it back, weakened by a proxy, or in a list.
    expect((await get('gzip, br', brTag)).statusCode).toBe(304);
    expect((await get('gzip', `W/${gzipTag}`)).statusCode).toBe(304);
    expect((await get('identity', `"other", ${plainTag}`)).statusCode).toBe(304);
    expect((await get('gzip, br', '*')).statusCode).toBe(304);
    // A cache holding the gzip body is not told it holds the br one: it gets the br body.
    const crossed = await get('gzip, br', gzipTag);
    expect(crossed.statusCode).toBe(200);
    expect(crossed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(crossed.rawPayload).toString('utf8')).toBe(APP_JS);
  });

  it('picks up a brotli copy written after its file was first sent, and never serves a copy by its own name', async () => {
    const url = '/assets/late-7a8b9c.js';
    const chromium = { 'accept-encoding': 'gzip, deflate, br, zstd' };
    writeFileSync(path.join(dist, 'assets', 'late-7a8b9c.js'), APP_JS);
    const before = await h.app.inject({ method: 'GET', url, headers: chromium });
    expect(before.headers['content-encoding']).toBe('gzip');
    // The build writes the copy a moment after the file (sw.js is written, then compressed).
    writeFileSync(path.join(dist, 'assets', 'late-7a8b9c.js.br'), brotliCompressSync(APP_JS));
    const after = await h.app.inject({ method: 'GET', url, headers: chromium });
    expect(after.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(after.rawPayload).toString('utf8')).toBe(APP_JS);
    const copy = await h.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js.br', headers: chromium });
    expect(copy.statusCode).toBe(404);
  });

  it('never sends a brotli copy that does not decode to the file', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/assets/stale-5d6e7f.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString('utf8')).toBe(APP_JS);
  });
});
