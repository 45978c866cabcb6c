/**
 * The device's signing key pair, kept as CryptoKey objects: IndexedDB stores them by structured
 * clone, so the private key stays non-extractable — no script, not even ours, can read its bytes.
 * The public key is also kept as a JWK because enrollment sends it to the server.
 */
import { exportPublicJwk, generateDeviceKeyPair, type PublicJwk } from '../domain/signing.ts';
import type { LumbungDb } from './database.ts';

export type DeviceKeyRow = {
  id: 'device';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: PublicJwk;
  createdAt: string;
};

export type DeviceKeys = Omit<DeviceKeyRow, 'id'>;

export async function loadDeviceKeys(db: LumbungDb): Promise<DeviceKeys | undefined> {
  const row = await db.keys.get('device');
  if (row === undefined) return undefined;
  const { id: _id, ...keys } = row;
  return keys;
}

/**
 * Stores a key pair unless one is already there (another tab may have raced us); returns the one
 * that is stored. A device key is never replaced: entries already signed with it would no longer verify.
 */
export async function storeDeviceKeysOnce(db: LumbungDb, keys: DeviceKeys): Promise<DeviceKeys> {
  return db.transaction('rw', db.keys, async () => {
    const existing = await db.keys.get('device');
    if (existing !== undefined) {
      const { id: _id, ...kept } = existing;
      return kept;
    }
    await db.keys.add({ id: 'device', ...keys });
    return keys;
  });
}

/** The device's keys, generating a non-extractable pair on first use. */
export async function ensureDeviceKeys(db: LumbungDb, now: Date = new Date()): Promise<DeviceKeys> {
  const existing = await loadDeviceKeys(db);
  if (existing !== undefined) return existing;
  // Generated outside the transaction (WebCrypto is async); storeDeviceKeysOnce settles a race.
  const pair = await generateDeviceKeyPair({ extractable: false });
  const publicJwk = await exportPublicJwk(pair.publicKey);
  return storeDeviceKeysOnce(db, { ...pair, publicJwk, createdAt: now.toISOString() });
}
