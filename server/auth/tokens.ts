/**
 * Session tokens and enrollment codes are stored only as SHA-256 hashes: a copy of the database
 * does not let anyone log in or enroll a phone. Both are high-entropy random values, so a fast
 * hash suffices (unlike passwords).
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Enrollment codes are typed by hand: ignore case, spaces and dashes before hashing. */
export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
