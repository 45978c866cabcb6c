import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode } from '../../src/domain/base64url.ts';
import { entrySigningBytes, sha256Hex, utf8 } from '../../src/domain/hashing.ts';
import {
  exportPublicJwk,
  generateDeviceKeyPair,
  importPublicJwk,
  parseCounterHeader,
  parsePublicJwk,
  requestBodyHash,
  requestSigningText,
  signBytes,
  signRequest,
  verifyBytes,
  verifyRequestSignature,
} from '../../src/domain/signing.ts';
import { PY_ENTRY_1, PY_JWK } from './entry-test-kit.ts';

describe('device keys', () => {
  it('keeps the private key non-extractable and exports a minimal public JWK', async () => {
    const pair = await generateDeviceKeyPair({ extractable: false });
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', pair.privateKey)).rejects.toThrow();
    const jwk = await exportPublicJwk(pair.publicKey);
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(base64urlDecode(jwk.x)).toHaveLength(32);
    const imported = await importPublicJwk(jwk);
    expect(imported.ok).toBe(true);
  });

  it.each([
    ['not an object', 'key', 'jwk-not-object'],
    ['an array', [], 'jwk-not-object'],
    ['RSA', { kty: 'RSA', n: 'x', e: 'AQAB' }, 'jwk-not-p256'],
    ['P-384', { ...PY_JWK, crv: 'P-384' }, 'jwk-not-p256'],
    ['a private key', { ...PY_JWK, d: 'yaip2EW6dRZrXCFXZ7HWk05Qw9s26JsSe4piKxIPZyE' }, 'jwk-has-private-part'],
    ['a missing y', { kty: 'EC', crv: 'P-256', x: PY_JWK.x }, 'jwk-bad-coordinates'],
    ['a short x', { ...PY_JWK, x: 'YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7' }, 'jwk-bad-coordinates'],
    ['a point off the curve', { ...PY_JWK, y: PY_JWK.x }, 'jwk-not-on-curve'],
  ])('refuses a public key that is %s', async (_label, raw, error) => {
    expect(await importPublicJwk(raw)).toEqual({ ok: false, error });
  });

  it('accepts the JWK of the independent Python client and verifies its signature', async () => {
    expect(parsePublicJwk({ ...PY_JWK, ext: true, key_ops: ['verify'] })).toEqual({ ok: true, jwk: PY_JWK });
    const imported = await importPublicJwk(PY_JWK);
    if (!imported.ok) throw new Error(imported.error);
    const bytes = entrySigningBytes(PY_ENTRY_1.entry);
    expect(await verifyBytes(imported.key, PY_ENTRY_1.entry.sig, bytes)).toBe(true);
    const tampered = utf8(PY_ENTRY_1.canonical.replace('20000', '20001'));
    expect(await verifyBytes(imported.key, PY_ENTRY_1.entry.sig, tampered)).toBe(false);
  });
});

describe('signBytes / verifyBytes', () => {
  it('signs in P1363 form (64 bytes as 86 base64url characters) and verifies', async () => {
    const { privateKey, publicKey } = await generateDeviceKeyPair({ extractable: false });
    const message = utf8('Setoran wajib Rp20.000');
    const sig = await signBytes(privateKey, message);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await verifyBytes(publicKey, sig, message)).toBe(true);
  });

  it('fails, never throws, on another key, a flipped bit or a malformed signature', async () => {
    const a = await generateDeviceKeyPair({ extractable: false });
    const b = await generateDeviceKeyPair({ extractable: false });
    const message = utf8('x');
    const sig = await signBytes(a.privateKey, message);
    expect(await verifyBytes(b.publicKey, sig, message)).toBe(false);
    const raw = base64urlDecode(sig) ?? new Uint8Array();
    raw[10] = (raw[10] ?? 0) ^ 1;
    expect(await verifyBytes(a.publicKey, base64urlEncode(raw), message)).toBe(false);
    expect(await verifyBytes(a.publicKey, 'not base64url!', message)).toBe(false);
    expect(await verifyBytes(a.publicKey, base64urlEncode(new Uint8Array(70)), message)).toBe(false);
    expect(await verifyBytes(a.publicKey, '', message)).toBe(false);
  });
});

describe('request signing (CONTRACT §7)', () => {
  it('builds METHOD\\npath\\ncounter\\nbodyhash', async () => {
    const bodyHash = await sha256Hex('{"entries":[]}');
    expect(requestSigningText('POST', '/api/v1/sync/push', 7, bodyHash)).toBe(`POST\n/api/v1/sync/push\n7\n${bodyHash}`);
    expect(requestSigningText('GET', '/api/v1/sync/pull?after=0&limit=500', 8, '')).toBe(
      'GET\n/api/v1/sync/pull?after=0&limit=500\n8\n',
    );
    expect(await requestBodyHash(undefined)).toBe('');
    expect(await requestBodyHash(new Uint8Array())).toBe('');
    expect(() => requestSigningText('post', '/x', 1, '')).toThrow(RangeError);
    expect(() => requestSigningText('GET', 'x', 1, '')).toThrow(RangeError);
    expect(() => requestSigningText('GET', '/x', 1.5, '')).toThrow(RangeError);
    expect(() => requestSigningText('GET', '/x', 1, 'ABC')).toThrow(RangeError);
  });

  it('verifies what signRequest produced, and nothing else', async () => {
    const { privateKey, publicKey } = await generateDeviceKeyPair({ extractable: false });
    const body = utf8('{"entries":[]}');
    const request = { method: 'POST', pathWithQuery: '/api/v1/sync/push', counter: 42, body };
    const headers = await signRequest(privateKey, { deviceId: 'd', ...request });
    expect(headers['X-Device-Id']).toBe('d');
    expect(headers['X-Device-Counter']).toBe('42');
    const signature = headers['X-Device-Signature'];
    expect(await verifyRequestSignature(publicKey, { ...request, signature })).toBe(true);
    expect(await verifyRequestSignature(publicKey, { ...request, counter: 43, signature })).toBe(false);
    expect(await verifyRequestSignature(publicKey, { ...request, method: 'PUT', signature })).toBe(false);
    expect(await verifyRequestSignature(publicKey, { ...request, pathWithQuery: '/api/v1/sync/pull', signature })).toBe(false);
    expect(await verifyRequestSignature(publicKey, { ...request, body: utf8('{"entries":[1]}'), signature })).toBe(false);
    expect(await verifyRequestSignature(publicKey, { ...request, method: 'bad method', signature })).toBe(false);
  });

  it('reads the counter header strictly', () => {
    expect(parseCounterHeader('0')).toBe(0);
    expect(parseCounterHeader('1234567890')).toBe(1234567890);
    for (const bad of [undefined, '', '-1', '01', '1.0', '1e3', ' 1', '99999999999999999']) {
      expect(parseCounterHeader(bad)).toBeUndefined();
    }
  });
});
