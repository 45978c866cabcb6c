/**
 * An admin API failure as a sentence for the office staff. These codes only occur on the district
 * pages, so their words live in this lazy chunk (messages.ts) rather than in src/i18n/errors.ts,
 * which every treasurer's phone downloads on first load. A code we have no words for shows the
 * server's own sentence (Indonesian) with the code.
 */
import type { AdminFailure } from './admin-client.ts';
import type { DistrictMessages } from './messages.ts';

type KnownCode = Exclude<keyof DistrictMessages['errors'], 'throttled' | 'other'>;

function isKnownCode(errors: DistrictMessages['errors'], code: string): code is KnownCode {
  return code !== 'throttled' && code !== 'other' && Object.hasOwn(errors, code);
}

/** Whole minutes to wait, rounded up, at least one: "coba lagi dalam 1 menit" rather than "0 menit". */
export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

export function failureText(error: AdminFailure, m: DistrictMessages): string {
  if (error.code === 'too-many-attempts') return m.errors.throttled(minutesToWait(error.retryAfterSeconds ?? 60));
  if (isKnownCode(m.errors, error.code)) return m.errors[error.code];
  return m.errors.other(error.message, error.code);
}
