/** POST /admin/login, POST /admin/logout, GET /admin/me. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAdmin, presentedToken, SESSION_LIFETIME_MS, sessionCookie } from '../auth/admin-session.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { hashSecret, newSessionToken } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { tooManyAttempts } from '../http/client-limits.ts';
import { plainText } from '../http/plain-text.ts';

const loginBody = z.object({ username: plainText(100), password: z.string().min(1).max(200) });

// Verifying against this when the user does not exist keeps the response time the same, so the
// timing does not reveal which usernames exist.
let decoyHash: Promise<string> | null = null;

export function registerAdminAuthRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/admin/login', async (request, reply) => {
    const { username, password } = loginBody.parse(request.body);
    const ipKey = `ip:${request.ip}`;
    const userKey = `user:${username.toLowerCase()}`;
    const wait = Math.max(context.throttles.loginByIp.retryAfterMs(ipKey), context.throttles.loginByUser.retryAfterMs(userKey));
    if (wait > 0) throw tooManyAttempts(wait);

    const admin = await context.store.findAdminByUsername(username);
    decoyHash ??= hashPassword(randomUUID());
    const ok = await verifyPassword(password, admin?.passwordHash ?? (await decoyHash));
    if (admin === null || !ok) {
      context.throttles.loginByIp.recordFailure(ipKey);
      context.throttles.loginByUser.recordFailure(userKey);
      throw new ApiError(401, 'invalid-credentials', 'Nama pengguna atau kata sandi salah.');
    }
    context.throttles.loginByUser.recordSuccess(userKey);

    const now = context.clock.now();
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
    await context.store.deleteExpiredSessions(now.toISOString());
    await context.store.createSession({ tokenHash: hashSecret(token), adminId: admin.id, createdAt: now.toISOString(), expiresAt });
    reply.header('set-cookie', sessionCookie(request, token, Math.floor(SESSION_LIFETIME_MS / 1000)));
    reply.header('cache-control', 'no-store');
    return { token, expiresAt, username: admin.username };
  });

  app.post('/admin/logout', async (request, reply) => {
    const token = presentedToken(request);
    if (token !== null) await context.store.deleteSession(hashSecret(token));
    reply.header('set-cookie', sessionCookie(request, '', 0));
    return { ok: true };
  });

  app.get('/admin/me', async (request, reply) => {
    const session = await requireAdmin(context, request);
    reply.header('cache-control', 'no-store');
    return { username: session.username, expiresAt: session.expiresAt };
  });
}
