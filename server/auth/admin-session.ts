/**
 * Admin sessions: a random token, given to the browser as an HttpOnly cookie and to scripts in the
 * login response (for `Authorization: Bearer`). Only its SHA-256 is stored.
 *
 * The cookie is SameSite=Strict and every state-changing admin route takes JSON only, which a
 * cross-site form cannot send without a CORS preflight that this server never grants: no CSRF.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import type { SessionRecord } from '../storage/store.ts';
import { hashSecret } from './tokens.ts';

export const SESSION_COOKIE = 'lumbung_admin';
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    admin?: SessionRecord;
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function presentedToken(request: FastifyRequest): string | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(authorization.trim());
    return match?.[1] ?? null;
  }
  const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
  return cookie !== null && /^[A-Za-z0-9_-]{20,200}$/.test(cookie) ? cookie : null;
}

export function sessionCookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/api/v1; Max-Age=${String(maxAgeSeconds)}${secure}`;
}

const unauthorized = (): ApiError =>
  new ApiError(401, 'admin-unauthorized', 'Silakan masuk sebagai petugas dinas terlebih dahulu.', {
    headers: { 'www-authenticate': 'Bearer realm="lumbung-admin"' },
  });

/** The admin session behind the request, or a 401. */
export async function requireAdmin(context: ServerContext, request: FastifyRequest): Promise<SessionRecord> {
  const token = presentedToken(request);
  if (token === null) throw unauthorized();
  const session = await context.store.findSession(hashSecret(token));
  if (session === null || session.expiresAt <= context.clock.now().toISOString()) throw unauthorized();
  request.admin = session;
  return session;
}

/** A preHandler for admin-only routes. */
export function adminOnly(context: ServerContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    await requireAdmin(context, request);
  };
}
