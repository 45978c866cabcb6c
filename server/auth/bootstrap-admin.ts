/**
 * The first admin: from LUMBUNG_ADMIN_USER / LUMBUNG_ADMIN_PASSWORD, or generated and printed once.
 * Only when the store has no admin yet; the environment never overwrites an existing account.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../storage/store.ts';
import { generatePassword, hashPassword } from './password.ts';

export type BootstrapResult =
  | { status: 'exists' }
  | { status: 'created-from-env'; username: string }
  | { status: 'generated'; username: string; password: string };

export async function ensureFirstAdmin(
  store: Store,
  fromEnv: { username: string; password: string } | null,
  now: Date,
): Promise<BootstrapResult> {
  if ((await store.countAdmins()) > 0) return { status: 'exists' };
  const username = fromEnv?.username ?? 'admin';
  const password = fromEnv?.password ?? generatePassword();
  await store.createAdmin({ id: randomUUID(), username, passwordHash: await hashPassword(password), createdAt: now.toISOString() });
  return fromEnv === null ? { status: 'generated', username, password } : { status: 'created-from-env', username };
}
