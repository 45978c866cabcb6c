/**
 * One HTTP request to the district server with a deadline, classified into an `HttpOutcome`.
 * `fetch` is injected so the page, the service worker and the tests (which wrap it to lose
 * responses or play a captive portal) all run the same code.
 */
import type { z } from 'zod';
import { readOutcome, thrownOutcome, type HttpOutcome } from './http-outcome.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * A push of ≤ 64 KB compressed takes ~30 s on a poor 2G link (~2 KB/s); a minute leaves room for
 * the server's durable commit. Past that we call the outcome unknown and resend later.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export type RequestSpec = {
  readonly fetch: FetchLike;
  readonly baseUrl: string;
  readonly method: 'GET' | 'POST';
  /** Path with query, starting with `/api/v1/…` — exactly the text that is signed. */
  readonly pathWithQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  /** Called as the request is handed to `fetch` (lets a second push wait until the first has left). */
  readonly onDispatch?: (() => void) | undefined;
};

export function joinUrl(baseUrl: string, pathWithQuery: string): string {
  return baseUrl.replace(/\/+$/, '') + pathWithQuery;
}

export async function sendRequest<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<HttpOutcome<z.output<S>>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, spec.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  // AbortSignal.any is missing in older Android WebViews; forward the caller's abort by hand.
  const forward = (): void => controller.abort();
  // A function, not an expression: TypeScript would otherwise keep an early narrowing of `aborted`.
  const callerAborted = (): boolean => spec.signal?.aborted ?? false;
  spec.signal?.addEventListener('abort', forward, { once: true });
  try {
    if (callerAborted()) return thrownOutcome(false, true);
    const init: RequestInit = {
      method: spec.method,
      headers: { accept: 'application/json', ...spec.headers },
      signal: controller.signal,
      // Never let a browser cache or credential (admin cookie) leak into device sync.
      cache: 'no-store',
      credentials: 'omit',
    };
    if (spec.body !== undefined) init.body = spec.body as Uint8Array<ArrayBuffer>;
    let response: Response;
    try {
      spec.onDispatch?.();
      response = await spec.fetch(joinUrl(spec.baseUrl, spec.pathWithQuery), init);
    } catch {
      return thrownOutcome(timedOut, callerAborted());
    }
    const outcome = await readOutcome(response, schema);
    // A deadline that fires while the body is still dripping in shows up as unreadable JSON.
    if (outcome.kind === 'unknown' && (timedOut || callerAborted())) {
      return thrownOutcome(timedOut, callerAborted());
    }
    return outcome;
  } finally {
    clearTimeout(timer);
    spec.signal?.removeEventListener('abort', forward);
  }
}
