/**
 * Device keys and signatures: ECDSA P-256 with SHA-256, signatures in IEEE P1363 form (r‖s, 64
 * bytes — what WebCrypto produces and verifies natively, so neither side converts DER), carried as
 * unpadded base64url. The private key is generated non-extractable: it can sign on this device and
 * cannot be read out by script, backups or an XSS.
 *
 * Also the request signature of CONTRACT §7: `METHOD\npath-with-query\ncounter\nbody-hash`.
 */
import { base64urlDecode, base64urlEncode } from './base64url.ts';
import { asBufferSource, sha256Hex, utf8 } from './hashing.ts';

/**
 * WebCrypto's key type, named through `crypto.subtle` because the global `CryptoKey` type exists in
 * the DOM lib but not in @types/node 20, and this module must typecheck under both.
 */
export type DeviceKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
export type DeviceKeyPair = { publicKey: DeviceKey; privateKey: DeviceKey };

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
const SIGNATURE_BYTES = 64;
const COORDINATE = /^[A-Za-z0-9_-]{43}$/;

export type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string };

export async function generateDeviceKeyPair(options: { extractable: boolean } = { extractable: false }): Promise<DeviceKeyPair> {
  // WebCrypto always makes the public half extractable; `extractable` governs the private half.
  return crypto.subtle.generateKey(ALGORITHM, options.extractable, ['sign', 'verify']);
}

/** The public key as the minimal JWK the server stores (no key_ops/ext, which differ by runtime). */
export async function exportPublicJwk(publicKey: DeviceKey): Promise<PublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', publicKey);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.x === undefined || jwk.y === undefined) {
    throw new TypeError('not a P-256 public key');
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

export const PUBLIC_KEY_ERRORS = ['jwk-not-object', 'jwk-not-p256', 'jwk-has-private-part', 'jwk-bad-coordinates', 'jwk-not-on-curve'] as const;
export type PublicKeyError = (typeof PUBLIC_KEY_ERRORS)[number];

/** Checks an untrusted JWK (enrolment request) before WebCrypto sees it. */
export function parsePublicJwk(raw: unknown): { ok: true; jwk: PublicJwk } | { ok: false; error: PublicKeyError } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'jwk-not-object' };
  const jwk = raw as Record<string, unknown>;
  if (jwk['kty'] !== 'EC' || jwk['crv'] !== 'P-256') return { ok: false, error: 'jwk-not-p256' };
  // A private scalar in an enrolment request means the key has leaked; refuse it rather than drop it.
  if ('d' in jwk) return { ok: false, error: 'jwk-has-private-part' };
  const { x, y } = jwk;
  if (typeof x !== 'string' || typeof y !== 'string' || !COORDINATE.test(x) || !COORDINATE.test(y)) {
    return { ok: false, error: 'jwk-bad-coordinates' };
  }
  if (base64urlDecode(x)?.length !== 32 || base64urlDecode(y)?.length !== 32) return { ok: false, error: 'jwk-bad-coordinates' };
  return { ok: true, jwk: { kty: 'EC', crv: 'P-256', x, y } };
}

/** Validates and imports a public key for verifying; a point off the curve is refused by WebCrypto. */
export async function importPublicJwk(raw: unknown): Promise<{ ok: true; key: DeviceKey; jwk: PublicJwk } | { ok: false; error: PublicKeyError }> {
  const parsed = parsePublicJwk(raw);
  if (!parsed.ok) return parsed;
  try {
    const key = await crypto.subtle.importKey('jwk', parsed.jwk, ALGORITHM, true, ['verify']);
    return { ok: true, key, jwk: parsed.jwk };
  } catch {
    return { ok: false, error: 'jwk-not-on-curve' };
  }
}

/** Signs bytes; the result is base64url of the 64-byte r‖s signature. */
export async function signBytes(privateKey: DeviceKey, bytes: Uint8Array): Promise<string> {
  const signature = await crypto.subtle.sign(SIGN_PARAMS, privateKey, asBufferSource(bytes));
  return base64urlEncode(new Uint8Array(signature));
}

/** False for any malformed signature text as well as for a wrong signature: never throws on input. */
export async function verifyBytes(publicKey: DeviceKey, signature: string, bytes: Uint8Array): Promise<boolean> {
  const raw = base64urlDecode(signature);
  if (raw?.length !== SIGNATURE_BYTES) return false;
  try {
    return await crypto.subtle.verify(SIGN_PARAMS, publicKey, asBufferSource(raw), asBufferSource(bytes));
  } catch {
    return false;
  }
}

// ---- Request signing, CONTRACT §7 ----

/** Hex SHA-256 of the body bytes as sent, or '' when there is no body (an empty body counts as none). */
export async function requestBodyHash(body: Uint8Array | undefined): Promise<string> {
  return body === undefined || body.length === 0 ? '' : sha256Hex(body);
}

const METHOD = /^[A-Z]+$/;
const BODY_HASH = /^(?:[0-9a-f]{64})?$/;

/** `METHOD\npath-with-query\ncounter\nbody-hash`, the UTF-8 text a device signs for each request. */
export function requestSigningText(method: string, pathWithQuery: string, counter: number, bodyHashHex: string): string {
  if (!METHOD.test(method)) throw new RangeError(`method must be upper-case: ${method}`);
  if (!pathWithQuery.startsWith('/') || pathWithQuery.includes('\n')) throw new RangeError('path must start with / and have no newline');
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError(`counter must be a non-negative integer: ${String(counter)}`);
  if (!BODY_HASH.test(bodyHashHex)) throw new RangeError('body hash must be 64 lowercase hex or empty');
  return `${method}\n${pathWithQuery}\n${String(counter)}\n${bodyHashHex}`;
}

export type SignedRequestHeaders = {
  'X-Device-Id': string;
  'X-Device-Counter': string;
  'X-Device-Signature': string;
};

/** The three authentication headers for one request. `body` is the bytes as sent (after gzip). */
export async function signRequest(
  privateKey: DeviceKey,
  request: { deviceId: string; method: string; pathWithQuery: string; counter: number; body?: Uint8Array | undefined },
): Promise<SignedRequestHeaders> {
  const text = requestSigningText(request.method, request.pathWithQuery, request.counter, await requestBodyHash(request.body));
  return {
    'X-Device-Id': request.deviceId,
    'X-Device-Counter': String(request.counter),
    'X-Device-Signature': await signBytes(privateKey, utf8(text)),
  };
}

/** The counter header as the server reads it: decimal digits, no sign, no leading zeros, safe. */
export function parseCounterHeader(value: string | undefined): number | undefined {
  if (value === undefined || !/^(?:0|[1-9]\d{0,15})$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Server side: does the signature cover this method, path, counter and body? Never throws on input. */
export async function verifyRequestSignature(
  publicKey: DeviceKey,
  request: { method: string; pathWithQuery: string; counter: number; body?: Uint8Array | undefined; signature: string },
): Promise<boolean> {
  let text: string;
  try {
    text = requestSigningText(request.method, request.pathWithQuery, request.counter, await requestBodyHash(request.body));
  } catch {
    return false;
  }
  return verifyBytes(publicKey, request.signature, utf8(text));
}
