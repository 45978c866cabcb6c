/**
 * JSON request bodies, parsed by us instead of Fastify's default parser, because:
 * - device signatures cover the body bytes exactly as sent (gzip included), so the raw bytes are
 *   kept on the request (`rawBody`) before anything else touches them;
 * - bodies may be `Content-Encoding: gzip` (CONTRACT §7); they are inflated with a hard cap on the
 *   inflated size so a zip bomb costs nothing but a 413.
 * Fastify's `bodyLimit` (per route) bounds the bytes on the wire; `inflatedLimit` bounds them
 * after gunzip and applies to plain bodies too.
 */
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body bytes as received on the wire (before gunzip); undefined when there was no body. */
    rawBody?: Buffer;
  }
  interface FastifyContextConfig {
    /** Largest body after decompression, in bytes. */
    inflatedLimit?: number;
  }
}

export const DEFAULT_INFLATED_LIMIT = 64 * 1024;

function inflate(request: FastifyRequest, raw: Buffer, limit: number): Buffer {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  if (encoding === 'identity' || encoding === '') {
    if (raw.length > limit) throw tooLarge(limit);
    return raw;
  }
  if (encoding !== 'gzip') {
    throw new ApiError(415, 'unsupported-content-encoding', 'Pengodean isi permintaan tidak didukung; gunakan gzip atau tanpa pengodean.');
  }
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError || (error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE')) {
      throw tooLarge(limit);
    }
    throw new ApiError(400, 'invalid-gzip', 'Isi permintaan yang dikompresi gzip rusak.');
  }
}

/**
 * Keys that could reach an object's prototype if a later merge copied them: refused outright, as
 * Fastify's own parser does. The reviver only runs when the text could spell one of them: plainly,
 * or with `\u` escapes (`"\u005f_proto__"` parses to the same key), which our own clients never
 * send (JSON.stringify escapes only control characters and lone surrogates).
 */
function parseJson(text: string): unknown {
  if (!text.includes('__proto__') && !text.includes('constructor') && !text.includes('\\u')) return JSON.parse(text) as unknown;
  return JSON.parse(text, function (this: unknown, key: string, value: unknown) {
    if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)) {
      throw new ApiError(400, 'forbidden-json-key', 'Isi permintaan memuat kunci JSON yang tidak diizinkan.', { details: { key } });
    }
    return value;
  }) as unknown;
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'body-too-large', 'Isi permintaan terlalu besar.', { details: { limitBytes: limit } });
}

export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    request.rawBody = raw;
    try {
      const limit = request.routeOptions.config.inflatedLimit ?? DEFAULT_INFLATED_LIMIT;
      const text = inflate(request, raw, limit).toString('utf8');
      // An empty JSON body is no body: routes that need one refuse `undefined` with their schema.
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      done(null, parseJson(text));
    } catch (error) {
      if (error instanceof ApiError) {
        done(error);
        return;
      }
      done(new ApiError(400, 'invalid-json', 'Isi permintaan bukan JSON yang sah.'));
    }
  });
}
