/**
 * Gzips API responses when the client accepts it and the body is big enough to gain (a pull of a
 * thousand entries shrinks several-fold: minutes on 2G). Static files carry their own gzip and brotli
 * copies (static-files.ts).
 */
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { acceptsEncoding } from './accept-encoding.ts';

const MIN_BYTES = 1024;

export function registerResponseCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    reply.header('vary', 'accept-encoding');
    if (!acceptsEncoding(request.headers['accept-encoding'], 'gzip')) return payload;
    const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    if (bytes.length < MIN_BYTES) return payload;
    reply.header('content-encoding', 'gzip');
    reply.removeHeader('content-length');
    return gzipSync(bytes, { level: 6 });
  });
}
