/**
 * SHA-256 via WebCrypto (available in the browser and in Node as `crypto.subtle`), and the entry
 * hash of CONTRACT §2: SHA-256 of the canonical JSON of the entry without `hash` and `sig`.
 */
import { canonicalJson } from './canonical-json.ts';
import { sha256HexSync } from './sha256.ts';

const encoder = new TextEncoder();

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b] ?? '';
  return out;
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/**
 * WebCrypto wants bytes backed by a plain ArrayBuffer; a view over a SharedArrayBuffer (or one from
 * another realm, as in jsdom) is copied once.
 */
export function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** Lowercase hex SHA-256 of bytes, or of a string's UTF-8 encoding. */
export async function sha256Hex(input: Uint8Array | string): Promise<string> {
  const bytes = typeof input === 'string' ? utf8(input) : asBufferSource(input);
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** The bytes that an entry's hash and signature both cover: canonical JSON without hash and sig. */
export function entrySigningBytes(entry: object): Uint8Array<ArrayBuffer> {
  const { hash: _hash, sig: _sig, ...rest } = entry as Record<string, unknown>;
  return utf8(canonicalJson(rest));
}

/**
 * CONTRACT §2: SHA-256 hex of the canonical JSON of the entry without `hash` and `sig`. Hashed
 * synchronously (see sha256.ts: an entry is small); async so callers need not care.
 */
export function entryHash(entry: object): Promise<string> {
  return Promise.resolve(sha256HexSync(entrySigningBytes(entry)));
}
