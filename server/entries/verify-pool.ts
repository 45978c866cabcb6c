/**
 * Signature verification for a pushed batch, started for every entry at once.
 *
 * An ECDSA P-256 verify costs ~70–90 µs of CPU; awaited one entry after another it also leaves the
 * main thread idle while WebCrypto works on its thread pool, so a push used one core at most. Here
 * the batch's canonical bytes and digests are computed up front and every verification is started
 * immediately: they run in parallel on libuv's thread pool (the other core), while `checkEntry`
 * walks the batch in seq order on the main thread — schema, chain, lines and the ledger fold stay
 * strictly in order. Node's own one-shot `crypto.verify` with a callback is used for the batch: it
 * runs on the same pool and costs the main thread ~8 µs to dispatch against WebCrypto's ~14 µs.
 *
 * Safety: an answer is only reused when the bytes `checkEntry` canonicalised from the entry it
 * parsed are exactly the bytes verified here (compared byte for byte; no second SHA-256 is spent
 * on it). Anything else — junk that cannot be canonicalised, a signature seen twice, other bytes —
 * falls back to an ordinary verify, so the verdicts and reasons are exactly checkEntry's own.
 */
import { KeyObject, verify } from 'node:crypto';
import { base64urlDecode } from '../../src/domain/base64url.ts';
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import { utf8 } from '../../src/domain/hashing.ts';
import { verifyBytes, type DeviceKey } from '../../src/domain/signing.ts';

type Started = { readonly bytes: Uint8Array; readonly verdict: Promise<boolean> };

export type BatchVerifier = (signature: string, bytes: Uint8Array, digest: string) => Promise<boolean>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SIGNATURE_BYTES = 64;

/** The same verdict as `verifyBytes` (strict base64url, 64-byte r‖s, never throws), from the thread pool. */
function verifyOnPool(key: KeyObject, signature: string, bytes: Uint8Array): Promise<boolean> {
  const raw = base64urlDecode(signature);
  if (raw?.length !== SIGNATURE_BYTES) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verify('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }, raw, (error, valid) => resolve(error === null && valid));
    } catch {
      resolve(false);
    }
  });
}

/** Starts verifying every entry of `raws` that looks signed; returns checkEntry's `verifySignature`. */
export function startBatchVerification(key: DeviceKey, raws: readonly unknown[]): BatchVerifier {
  const started = new Map<string, Started>();
  let converted: KeyObject | undefined;
  const keyObject = (): KeyObject => (converted ??= KeyObject.from(key));
  for (const raw of raws) {
    if (!isRecord(raw)) continue;
    const { hash, sig, ...unsigned } = raw;
    if (typeof hash !== 'string' || typeof sig !== 'string' || started.has(sig)) continue;
    let bytes: Uint8Array;
    try {
      bytes = utf8(canonicalJson(unsigned));
    } catch {
      continue; // not canonical JSON: checkEntry rejects it by schema before any signature matters
    }
    started.set(sig, { bytes, verdict: verifyOnPool(keyObject(), sig, bytes) });
  }
  return (signature, bytes) => {
    const mine = started.get(signature);
    return mine !== undefined && Buffer.from(mine.bytes.buffer, mine.bytes.byteOffset, mine.bytes.byteLength).equals(bytes)
      ? mine.verdict
      : verifyBytes(key, signature, bytes);
  };
}
