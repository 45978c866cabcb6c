/** Shared refusals for throttled and rate-limited clients: 429 with Retry-After in whole seconds. */
import { ApiError } from './api-error.ts';

export function tooManyAttempts(retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, 'too-many-attempts', `Terlalu banyak percobaan gagal. Coba lagi dalam ${String(seconds)} detik.`, {
    headers: { 'retry-after': String(seconds) },
    details: { retryAfterSeconds: seconds },
  });
}

export function rateLimited(retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, 'rate-limited', `Terlalu banyak permintaan. Coba lagi dalam ${String(seconds)} detik.`, {
    headers: { 'retry-after': String(seconds) },
    details: { retryAfterSeconds: seconds },
  });
}
