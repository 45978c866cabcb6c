/**
 * What one HTTP exchange with the district server amounted to. The sync engine must tell apart three
 * very different situations, and getting this wrong loses or doubles money:
 *
 * - `ok`: a well-formed JSON answer of the expected shape. Only this can acknowledge entries.
 * - `refused`: a well-formed error answer (4xx with `{error:{code}}`): the server understood and said no.
 * - `unknown`: we cannot know whether the server acted — no answer (offline, timeout, reset), a 5xx,
 *   or something that is not our server's JSON (a captive portal's HTML login page with status 200,
 *   a proxy's error page). The entries we sent may or may not be stored; the only safe move is to
 *   send the same entries again later, which the server's idempotency makes harmless.
 */
import type { z } from 'zod';

export type UnknownReason = 'offline' | 'timeout' | 'aborted' | 'server-error' | 'not-json' | 'bad-shape';

export type HttpOutcome<T> =
  | { readonly kind: 'ok'; readonly status: number; readonly body: T }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly message: string; readonly details?: unknown }
  | { readonly kind: 'unknown'; readonly reason: UnknownReason; readonly status?: number };

type ErrorShape = { error: { code: string; message?: string; details?: unknown } };

function isErrorShape(value: unknown): value is ErrorShape {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function looksLikeJson(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return /\bjson\b/i.test(type);
}

/** Classifies a response that did arrive. Never throws. */
export async function readOutcome<S extends z.ZodType>(response: Response, schema: S): Promise<HttpOutcome<z.output<S>>> {
  const status = response.status;
  let parsed: unknown;
  try {
    // A captive portal answers `200 text/html`; we never try to read HTML as an acknowledgement.
    if (!looksLikeJson(response)) return { kind: 'unknown', reason: status >= 500 ? 'server-error' : 'not-json', status };
    parsed = await response.json();
  } catch {
    return { kind: 'unknown', reason: status >= 500 ? 'server-error' : 'not-json', status };
  }
  if (status >= 500) return { kind: 'unknown', reason: 'server-error', status };
  if (status >= 400) {
    if (!isErrorShape(parsed)) return { kind: 'unknown', reason: 'bad-shape', status };
    const { code, message, details } = parsed.error;
    return { kind: 'refused', status, code, message: message ?? '', ...(details === undefined ? {} : { details }) };
  }
  if (status < 200 || status >= 300) return { kind: 'unknown', reason: 'bad-shape', status };
  const result = schema.safeParse(parsed);
  if (!result.success) return { kind: 'unknown', reason: 'bad-shape', status };
  return { kind: 'ok', status, body: result.data };
}

/** Turns what `fetch` threw into an outcome: we never learned what the server did. */
export function thrownOutcome(timedOut: boolean, callerAborted: boolean): HttpOutcome<never> {
  if (callerAborted) return { kind: 'unknown', reason: 'aborted' };
  if (timedOut) return { kind: 'unknown', reason: 'timeout' };
  // Whatever fetch threw (TypeError "Failed to fetch", a reset): the request may or may not have
  // reached the server, so this is as unknown as silence.
  return { kind: 'unknown', reason: 'offline' };
}
