/**
 * Signature verification for a pushed batch, started for every entry at once.
 *
 * An ECDSA P-256 verify costs ~70–80 µs of CPU; awaited one entry after another on the main thread
 * it would make a push use one core at most. Here the batch's canonical bytes and digests are
 * computed up front and every verification is started immediately: they run in parallel on libuv's
 * thread pool (the other core), while `checkEntry` walks the batch in seq order on the main thread —
 * schema, chain, lines and the ledger fold stay strictly in order. Node's one-shot `crypto.verify`
 * with a callback runs on that pool and costs the main thread ~6–8 µs to dispatch (WebCrypto: ~14).
 * (Worker threads fed a chunk per message were tried: ~3 µs of main thread per entry, but more CPU
 * in all, and on 2 cores all CPU is what bounds ingest.)
 *
 * The bytes and digest computed here (Node's native SHA-256, not the domain's JavaScript one) are
 * handed to `checkEntry` as its precomputed signing (`signingOf`), so an entry is canonicalised and
 * hashed once, not twice. An entry whose claimed hash is not its digest is not verified at all:
 * `checkEntry` rejects it for the hash before any signature matters.
 *
 * Safety: a started answer is only reused for exactly the bytes it verified (the same bytes object
 * handed out by `signingOf`, or equal bytes). Anything else — junk that cannot be canonicalised, a
 * signature seen twice, other bytes — falls back to an ordinary verify, so the verdicts and reasons
 * are exactly checkEntry's own. A signature that is not strict base64url of 64 bytes is false
 * without verifying, as `verifyBytes` answers it.
 */
import { hash as nativeHash, KeyObject, verify } from 'node:crypto';
import { base64urlDecode } from '../../src/domain/base64url.ts';
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import type { PrecomputedSigning } from '../../src/domain/entry/validate.ts';
import { verifyBytes, type DeviceKey } from '../../src/domain/signing.ts';

type Started = { readonly bytes: Uint8Array; readonly verdict: Promise<boolean> };

export type SignatureVerifier = (signature: string, bytes: Uint8Array, digest: string) => Promise<boolean>;

export interface BatchVerification {
  /** checkEntry's `verifySignature`: answers from the batch's started verifications. */
  readonly verifySignature: SignatureVerifier;
  /** checkEntry's `signing` for one raw entry of the batch, if it could be canonicalised. */
  signingOf(raw: unknown): PrecomputedSigning | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SIGNATURE_BYTES = 64;

/** The same verdict as `verifyBytes` for a decoded 64-byte r‖s (never throws), from the thread pool. */
function verifyOnPool(key: KeyObject, signature: Uint8Array, bytes: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      verify('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }, signature, (error, valid) => resolve(error === null && valid));
    } catch {
      resolve(false);
    }
  });
}

/** Canonical bytes of the entry without hash and sig, and their SHA-256 hex; undefined if not canonical JSON. */
function precompute(raw: Record<string, unknown>): PrecomputedSigning | undefined {
  const { hash: _hash, sig: _sig, ...unsigned } = raw;
  let text: string;
  try {
    text = canonicalJson(unsigned);
  } catch {
    return undefined; // not canonical JSON: checkEntry rejects it by schema before any hash matters
  }
  const bytes = Buffer.from(text, 'utf8');
  return { of: raw, bytes, digest: nativeHash('sha256', bytes, 'hex') };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** Starts verifying every entry of `raws` that looks signed and whose hash is right. */
export function startBatchVerification(key: DeviceKey, raws: readonly unknown[]): BatchVerification {
  const started = new Map<string, Started>();
  const signings = new Map<unknown, PrecomputedSigning>();
  let converted: KeyObject | undefined;
  const keyObject = (): KeyObject => (converted ??= KeyObject.from(key));
  for (const raw of raws) {
    if (!isRecord(raw)) continue;
    const signing = precompute(raw);
    if (signing === undefined) continue;
    signings.set(raw, signing);
    const { hash, sig } = raw;
    if (hash !== signing.digest || typeof sig !== 'string' || started.has(sig)) continue;
    const signature = base64urlDecode(sig);
    const verdict = signature?.length === SIGNATURE_BYTES ? verifyOnPool(keyObject(), signature, signing.bytes) : Promise.resolve(false);
    started.set(sig, { bytes: signing.bytes, verdict });
  }
  return {
    verifySignature: (signature, bytes) => {
      const mine = started.get(signature);
      return mine !== undefined && sameBytes(mine.bytes, bytes) ? mine.verdict : verifyBytes(key, signature, bytes);
    },
    signingOf: (raw) => signings.get(raw),
  };
}
