/**
 * Codes are typed by people: `abcd-efgh 23` and `ABCDEFGH23` are the same code. A module of its
 * own so the enrollment form can check a code without loading the enrollment client (enroll.ts)
 * with the welcome screen.
 */
export function normaliseEnrollmentCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}
