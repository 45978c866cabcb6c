/**
 * Maps every failure to the contract's error shape. Bad input is always a 4xx (Fastify's own
 * errors included); only a genuine fault on our side is a 5xx, and it never leaks internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { ApiError, errorBody } from './api-error.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

interface Mapped {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

function fromFastify(error: FastifyError): Mapped | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body-too-large', message: 'Isi permintaan terlalu besar.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported-media-type', message: 'Jenis isi permintaan tidak didukung; kirim application/json.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'invalid-content-length', message: 'Panjang isi permintaan tidak sesuai dengan header Content-Length.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid-json', message: 'Isi permintaan bukan JSON yang sah.' };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'bad-url', message: 'Alamat permintaan tidak sah.' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: 'url-too-long', message: 'Alamat permintaan terlalu panjang.' };
    default:
      return null;
  }
}

export function toMapped(error: unknown): Mapped {
  if (error instanceof ApiError) {
    return { status: error.status, code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      code: 'invalid-request',
      message: 'Isi permintaan tidak sesuai format.',
      details: error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const fastifyError = error as FastifyError;
    const mapped = fromFastify(fastifyError);
    if (mapped !== null) return mapped;
    const status = fastifyError.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return { status, code: 'bad-request', message: 'Permintaan tidak sah.' };
    }
  }
  return { status: 500, code: 'internal-error', message: 'Terjadi kesalahan pada server. Coba lagi nanti.' };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = toMapped(error);
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: mapped.code }, 'request refused');
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    }
    // A refused request must not look like a cacheable file.
    reply.header('cache-control', 'no-store');
    reply.removeHeader('content-encoding');
    return reply.code(mapped.status).type('application/json; charset=utf-8').send(errorBody(mapped.code, mapped.message, mapped.details));
  });
}

/**
 * Fastify's `frameworkErrors`: a URL the router cannot decode (`/api/v1/x/%zz`) or a path parameter
 * over the length limit is refused before routing, so no hook has run. Without this, Fastify
 * answers in its own shape and with none of the security headers.
 */
export function answerFrameworkError(error: FastifyError, reply: FastifyReply): void {
  const mapped = toMapped(error);
  void reply
    .code(mapped.status)
    .headers({ ...SECURITY_HEADERS, 'cache-control': 'no-store' })
    .type('application/json; charset=utf-8')
    .send(errorBody(mapped.code, mapped.message));
}
