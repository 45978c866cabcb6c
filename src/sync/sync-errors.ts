/**
 * Why an enrollment or a sync did not complete, as kebab-case codes. The UI turns them into
 * Indonesian sentences (src/i18n); nothing here is user-facing text.
 */
export const ENROLL_ERRORS = [
  'code-invalid', // no such enrollment code (typo)
  'code-expired', // older than 7 days
  'code-used', // already used by another phone
  'throttled', // too many wrong codes from this network: wait
  'already-enrolled', // this phone already belongs to a cooperative
  'demo-books', // the books on this phone are the demo cooperative: they must never reach a real one
  'network', // no answer: offline, timeout, captive portal
  'server', // the server failed or answered something we do not understand
  'storage', // the phone could not save its new identity (full disk): ask for a new code
] as const;
export type EnrollError = (typeof ENROLL_ERRORS)[number];

export const SYNC_ERRORS = [
  'not-enrolled', // the phone has no device identity yet
  'network', // offline or no answer in time; entries stay and are resent
  'unexpected-response', // an answer that is not our server's (captive portal / hotspot login page)
  'server', // a 5xx or a malformed answer from the server
  'revoked', // the district office revoked this phone; entries are kept, nothing is sent
  'auth-failed', // the server did not accept this phone's signature (unknown device, bad signature)
  'refused', // the server refused the request for another reason (its code is kept in `detail`)
  'gap-unresolved', // the server keeps asking for entries this phone no longer has
  'chain-behind', // the server holds more of this device's chain than the phone: nothing is pushed
  'storage', // the phone's own database failed (full disk, closed)
] as const;
export type SyncError = (typeof SYNC_ERRORS)[number];
