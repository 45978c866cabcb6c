/**
 * Device authentication (CONTRACT §7): every device request carries X-Device-Id, X-Device-Counter
 * and X-Device-Signature over `METHOD\npath-with-query\ncounter\nbody-hash`, the body hash taken
 * over the bytes as sent (gzip included). Checked in this order, each failure a distinct 401 so
 * the phone can tell the treasurer why:
 *   missing/malformed headers → device-auth-missing; unknown id → device-unknown;
 *   revoked → device-revoked; signature → device-signature-invalid; counter → device-counter-stale.
 * The signature is verified before the counter moves, so a forger cannot burn a device's counters.
 * The counter then moves atomically in the store: a replay of a valid request fails.
 */
import type { FastifyRequest } from 'fastify';
import { isUuid } from '../../src/domain/ids.ts';
import { importPublicJwk, parseCounterHeader, verifyRequestSignature, type DeviceKey } from '../../src/domain/signing.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { rateLimited } from '../http/client-limits.ts';
import type { DeviceRecord } from '../storage/store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceRecord;
  }
}

const deny = (code: string, message: string): ApiError => new ApiError(401, code, message);

const keyCache = new Map<string, { publicKey: string; key: DeviceKey }>();

async function deviceKey(device: DeviceRecord): Promise<DeviceKey> {
  const cached = keyCache.get(device.id);
  if (cached?.publicKey === device.publicKey) return cached.key;
  const imported = await importPublicJwk(JSON.parse(device.publicKey) as unknown);
  if (!imported.ok) throw new Error(`stored key of device ${device.id} is unusable: ${imported.error}`);
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(device.id, { publicKey: device.publicKey, key: imported.key });
  return imported.key;
}

/** Verifies a device's public key for entry signatures (also used by import). */
export function publicKeyOf(device: DeviceRecord): Promise<DeviceKey> {
  return deviceKey(device);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

export async function authenticateDevice(context: ServerContext, request: FastifyRequest): Promise<DeviceRecord> {
  const deviceId = header(request, 'x-device-id');
  const counter = parseCounterHeader(header(request, 'x-device-counter'));
  const signature = header(request, 'x-device-signature');
  if (deviceId === undefined || !isUuid(deviceId) || counter === undefined || signature === undefined || signature === '') {
    throw deny('device-auth-missing', 'Permintaan perangkat tanpa tanda pengenal yang sah (X-Device-Id, X-Device-Counter, X-Device-Signature).');
  }
  const device = await context.store.getDevice(deviceId);
  if (device === null) throw deny('device-unknown', 'Perangkat ini tidak terdaftar di server. Daftarkan ulang dengan kode dari dinas.');
  if (device.revokedAt !== null) {
    throw deny('device-revoked', 'Perangkat ini sudah dicabut oleh dinas. Hubungi dinas koperasi untuk mendaftarkan ulang.');
  }
  const valid = await verifyRequestSignature(await deviceKey(device), {
    method: request.method,
    pathWithQuery: request.url,
    counter,
    body: request.rawBody,
    signature,
  });
  if (!valid) throw deny('device-signature-invalid', 'Tanda tangan permintaan tidak sah.');
  // Counted only for signed requests: a stranger who knows a device id cannot use up its budget.
  const wait = context.rates.perDevice.take(device.id);
  if (wait > 0) throw rateLimited(wait);
  const now = context.clock.now().toISOString();
  if (!(await context.store.advanceDeviceCounter(device.id, counter, now))) {
    throw new ApiError(401, 'device-counter-stale', 'Nomor urut permintaan sudah pernah dipakai. Kirim ulang dengan nomor yang lebih besar.', {
      details: { lastCounter: (await context.store.getDevice(device.id))?.counter ?? device.counter },
    });
  }
  const current = { ...device, counter, lastSeenAt: now };
  request.device = current;
  return current;
}
