/**
 * A request signed with the device key (CONTRACT §7 "Device authentication").
 *
 * Counter: the next value is written to IndexedDB (`nextRequestCounter`, stored + 1, in its own
 * read-write transaction, so tabs and the service worker never hand out the same number) BEFORE
 * the request leaves. If the phone dies after sending, the server may have seen that counter, and
 * the phone will never reuse it: the worst case is a skipped number, which the server allows
 * ("strictly greater", not "next"). We chose stored + 1 over a clock-based counter because a phone
 * clock set years ahead once would then pin the counter there forever.
 *
 * The signature covers the body bytes as sent — after gzip — so the server can check it before it
 * spends time decompressing. Nothing from this request is stored anywhere: each attempt signs anew,
 * so no queue ever holds a credential that could go stale.
 */
import type { z } from 'zod';
import type { LumbungDb } from '../db/database.ts';
import { nextRequestCounter, readMeta, writeMeta } from '../db/meta.ts';
import { signRequest, type DeviceKey } from '../domain/signing.ts';
import type { EncodedBody } from './gzip-body.ts';
import type { HttpOutcome } from './http-outcome.ts';
import { sendRequest, type FetchLike } from './transport.ts';

export type DeviceSession = {
  readonly db: LumbungDb;
  readonly fetch: FetchLike;
  readonly baseUrl: string;
  readonly deviceId: string;
  readonly privateKey: DeviceKey;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
};

/** The server's 401 for a counter it has already seen (two contexts raced); worth one fresh try. */
const RETRY_ONCE_CODES = new Set(['device-counter-stale']);

export type DeviceRequestHooks = {
  /** Called as the first attempt is handed to `fetch`, after its counter is taken and signed. */
  readonly onDispatch?: (() => void) | undefined;
};

export async function deviceRequest<S extends z.ZodType>(
  session: DeviceSession,
  method: 'GET' | 'POST',
  pathWithQuery: string,
  body: EncodedBody | undefined,
  schema: S,
  hooks: DeviceRequestHooks = {},
): Promise<HttpOutcome<z.output<S>>> {
  let outcome = await attempt(session, method, pathWithQuery, body, schema, hooks.onDispatch);
  if (outcome.kind === 'refused' && outcome.status === 401 && RETRY_ONCE_CODES.has(outcome.code)) {
    await catchUpCounter(session.db, outcome.details);
    outcome = await attempt(session, method, pathWithQuery, body, schema, undefined);
  }
  return outcome;
}

async function attempt<S extends z.ZodType>(
  session: DeviceSession,
  method: 'GET' | 'POST',
  pathWithQuery: string,
  body: EncodedBody | undefined,
  schema: S,
  onDispatch: (() => void) | undefined,
): Promise<HttpOutcome<z.output<S>>> {
  const counter = await nextRequestCounter(session.db);
  const auth = await signRequest(session.privateKey, {
    deviceId: session.deviceId,
    method,
    pathWithQuery,
    counter,
    body: body?.bytes,
  });
  const headers: Record<string, string> = { ...auth };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    if (body.gzip) headers['content-encoding'] = 'gzip';
  }
  return sendRequest(
    {
      fetch: session.fetch,
      baseUrl: session.baseUrl,
      method,
      pathWithQuery,
      headers,
      ...(body === undefined ? {} : { body: body.bytes }),
      signal: session.signal,
      timeoutMs: session.timeoutMs,
      onDispatch,
    },
    schema,
  );
}

/**
 * A stale counter's refusal names the last counter the server saw (`details.lastCounter`). Far
 * behind it means this phone's books are an old copy (issue 6): without catching up, every request
 * would be refused one number at a time. Moving forward is always safe ("strictly greater").
 */
async function catchUpCounter(db: LumbungDb, details: unknown): Promise<void> {
  if (typeof details !== 'object' || details === null || !('lastCounter' in details)) return;
  const last = details.lastCounter;
  if (typeof last !== 'number' || !Number.isSafeInteger(last) || last < 0) return;
  await db.transaction('rw', db.meta, async () => {
    if (((await readMeta(db, 'requestCounter')) ?? 0) < last) await writeMeta(db, 'requestCounter', last);
  });
}
