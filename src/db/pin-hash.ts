/**
 * PINs of local users, hashed with PBKDF2-SHA-256 through WebCrypto (available in the page and the
 * service worker alike). A 4–8 digit PIN has little entropy, so the hash mainly keeps the PIN itself
 * out of a copied database; the lockout in users.ts is what stops guessing on the phone.
 */
import { decodeB64, encodeB64 } from './bytes-b64.ts';

export const PIN_PATTERN = /^\d{4,8}$/;
/** High enough to cost a guesser, low enough to unlock in well under a second on a cheap phone. */
export const PIN_ITERATIONS = 150_000;

export type PinHash = { algorithm: 'pbkdf2-sha256'; iterations: number; salt: string; hash: string };

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations: number = PIN_ITERATIONS): Promise<PinHash> {
  const salt = new Uint8Array(16);
  crypto.getRandomValues(salt);
  const hash = await derive(pin, salt, iterations);
  return { algorithm: 'pbkdf2-sha256', iterations, salt: encodeB64(salt), hash: encodeB64(hash) };
}

/** Compares in constant time over the whole digest, so timing does not reveal a matching prefix. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = decodeB64(stored.hash);
  const actual = await derive(pin, decodeB64(stored.salt), stored.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
