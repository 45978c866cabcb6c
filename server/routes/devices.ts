/**
 * POST /devices: a phone enrolls with a one-time code from the district office and its public key.
 * Wrong codes are throttled per IP (the code space is large, but guessing must stay pointless).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { importPublicJwk } from '../../src/domain/signing.ts';
import { hashSecret, normalizeEnrollmentCode } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { storeSource } from '../entries/ledger-cache.ts';
import { ApiError } from '../http/api-error.ts';
import { tooManyAttempts } from '../http/client-limits.ts';
import { plainText } from '../http/plain-text.ts';

const enrollBody = z.object({
  code: z.string().min(1).max(64),
  name: plainText(60),
  publicKey: z.unknown(),
});

export function registerDeviceRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/devices', async (request, reply) => {
    const body = enrollBody.parse(request.body);
    const ipKey = `ip:${request.ip}`;
    const wait = context.throttles.enrollByIp.retryAfterMs(ipKey);
    if (wait > 0) throw tooManyAttempts(wait);

    const key = await importPublicJwk(body.publicKey);
    if (!key.ok) {
      throw new ApiError(400, 'invalid-public-key', 'Kunci publik perangkat tidak sah (harus JWK P-256).', { details: { reason: key.error } });
    }
    const now = context.clock.now();
    const deviceId = randomUUID();
    const outcome = await context.store.enrollDevice(hashSecret(normalizeEnrollmentCode(body.code)), now.toISOString(), {
      id: deviceId,
      name: body.name,
      publicKey: JSON.stringify(key.jwk),
      enrolledAt: now.toISOString(),
    });
    switch (outcome.status) {
      case 'unknown-code':
        context.throttles.enrollByIp.recordFailure(ipKey);
        throw new ApiError(400, 'enrollment-code-invalid', 'Kode pendaftaran salah. Periksa kembali kode dari dinas.');
      case 'used-code':
        context.throttles.enrollByIp.recordFailure(ipKey);
        throw new ApiError(410, 'enrollment-code-used', 'Kode pendaftaran ini sudah dipakai. Minta kode baru ke dinas.');
      case 'expired-code':
        context.throttles.enrollByIp.recordFailure(ipKey);
        throw new ApiError(410, 'enrollment-code-expired', 'Kode pendaftaran sudah kedaluwarsa. Minta kode baru ke dinas.');
      case 'enrolled': {
        const { cooperative } = outcome;
        const ledger = await context.ledgers.exclusive(cooperative.id, () =>
          context.ledgers.caughtUp(cooperative.id, storeSource(context.store, cooperative.id)),
        );
        reply.code(201);
        reply.header('cache-control', 'no-store');
        return {
          deviceId,
          cooperative: { id: cooperative.id, name: cooperative.name, village: cooperative.village, district: cooperative.district },
          // The chart as this server knows it now: the default plus accounts added by entries.
          chart: [...ledger.state.chart.values()].map((a) => ({ code: a.code, name: a.name, type: a.type })),
          settings: Object.fromEntries([...ledger.state.settings.values()].map((s) => [s.key, s.value])),
          serverTime: now.toISOString(),
        };
      }
    }
  });
}
