/**
 * Cutting the outbox into push requests sized for a 2G link.
 *
 * Limits, and why:
 * - ≤ 500 entries: CONTRACT §7's cap per push.
 * - ≤ 256 KB of JSON before compression: far under the server's ~2 MB decompressed limit, and it
 *   bounds the phone's memory for one request.
 * - ≤ 64 KB on the wire (after gzip): at the ~2 KB/s a poor 2G link gives, one request finishes in
 *   about half a minute — well inside a short signal window and Chrome's 3-minute cap on a
 *   Background Sync event — and a lost request costs at most that much to resend. A typical entry
 *   is ~700 bytes of JSON and ~200 bytes gzipped (measured in tests/sync/engine.test.ts: 15 entries,
 *   2.7 KB), so a full batch carries ~300–350 entries.
 * A batch that compresses above the wire limit is halved until it fits; a single entry always
 * goes, whatever its size (a year close of a big cooperative), because it cannot be split.
 */
import type { Entry } from '../domain/entry/schema.ts';
import { chainViewBefore } from './device-head.ts';
import { encodeJsonBody, type EncodedBody } from './gzip-body.ts';

export const MAX_BATCH_ENTRIES = 500;
export const MAX_BATCH_JSON_BYTES = 256 * 1024;
export const MAX_BATCH_WIRE_BYTES = 64 * 1024;

export type BatchLimits = {
  readonly maxEntries: number;
  readonly maxJsonBytes: number;
  readonly maxWireBytes: number;
  readonly gzip: boolean;
};

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxEntries: MAX_BATCH_ENTRIES,
  maxJsonBytes: MAX_BATCH_JSON_BYTES,
  maxWireBytes: MAX_BATCH_WIRE_BYTES,
  gzip: true,
};

export type PushBatch = { readonly entries: readonly Entry[]; readonly body: EncodedBody };

const encoder = new TextEncoder();

/**
 * The longest prefix of `entries` (in seq order, at least one) that fits the limits, encoded.
 * `after` is the phone's pull cursor, for the server to say whether it still holds (docs/api.md).
 */
export async function nextBatch(
  entries: readonly Entry[],
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  after?: string,
): Promise<PushBatch> {
  if (entries.length === 0) throw new RangeError('nextBatch needs at least one entry');
  let count = 0;
  let jsonBytes = 200; // `{"head":{"seq":…,"hash":"…"},"after":"…","entries":[]}` and commas, roughly
  for (const entry of entries) {
    if (count >= limits.maxEntries) break;
    const size = encoder.encode(JSON.stringify(entry)).length + 1;
    if (count > 0 && jsonBytes + size > limits.maxJsonBytes) break;
    jsonBytes += size;
    count++;
  }
  for (;;) {
    const chosen = entries.slice(0, count);
    const first = chosen[0];
    if (first === undefined) throw new RangeError('nextBatch chose no entry');
    // `head` (docs/api.md): lets the server refuse a batch from an old copy of this phone's books.
    const head = chainViewBefore(first);
    const body = await encodeJsonBody(after === undefined ? { head, entries: chosen } : { head, after, entries: chosen }, limits.gzip);
    if (body.bytes.length <= limits.maxWireBytes || count === 1) return { entries: chosen, body };
    count = Math.max(1, Math.floor(count / 2));
  }
}
