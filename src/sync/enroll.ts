/**
 * Enrollment: the phone introduces its public key to the district server with a one-time code from
 * the office (`POST /api/v1/devices`) and receives its device id and cooperative.
 *
 * Order of work, and why:
 * 1. The key pair is made (or reused) and stored before anything is sent: the server will only ever
 *    trust signatures of the key it is shown now.
 * 2. On the server's answer, `completeEnrollment` (src/db) stores the identity and re-issues any
 *    entries recorded in local-only mode under the new ids, in one transaction, before any push.
 *    The server URL, chart and settings it sent, kept for the sync engine and the screens, are
 *    written in that same transaction.
 * If the phone dies between 1 and 2 the code is spent and the server holds an unused device: the
 * office makes a new code (documented in docs/sync.md). Nothing on the phone is lost either way.
 */
import { ensureDeviceKeys } from '../db/device-keys.ts';
import type { LumbungDb } from '../db/database.ts';
import { completeEnrollment, holdsDemoBooks } from '../db/enrollment.ts';
import { readMeta } from '../db/meta.ts';
import { normaliseEnrollmentCode } from './enrollment-code.ts';
import { encodeJsonBody } from './gzip-body.ts';
import type { EnrollError } from './sync-errors.ts';
import { writeSyncMeta } from './sync-meta.ts';
import { sendRequest, type FetchLike } from './transport.ts';
import { enrollResponseSchema, type EnrollResponse } from './wire.ts';

export const ENROLL_PATH = '/api/v1/devices';

export type EnrollInput = {
  /** The district server, e.g. `http://192.168.1.10:8080`; '' or absent = the app's own origin. */
  readonly serverUrl?: string | undefined;
  readonly code: string;
  readonly deviceName: string;
  readonly fetch: FetchLike;
  readonly now?: (() => Date) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  /**
   * Called inside the transaction that stores the identity, before it commits: for what must be
   * noted outside IndexedDB by the time anything reads the phone as enrolled (the restore notice,
   * in localStorage). Synchronous. Should the transaction abort after it, the note names a device
   * this phone never became, and readers match notes to the stored identity's device id.
   */
  readonly onStoring?: ((enrolled: Enrolled) => void) | undefined;
};

export type Enrolled = {
  readonly deviceId: string;
  readonly cooperative: EnrollResponse['cooperative'];
  /** Entries recorded before enrollment and now re-issued under the enrolled identity. */
  readonly reissued: number;
};

export type EnrollResult = { readonly ok: true; readonly value: Enrolled } | { readonly ok: false; readonly error: EnrollError; readonly detail: string | null };

export { normaliseEnrollmentCode };

export async function enroll(db: LumbungDb, input: EnrollInput): Promise<EnrollResult> {
  const now = input.now ?? (() => new Date());
  const identity = await readMeta(db, 'identity');
  if (identity?.mode === 'enrolled') return { ok: false, error: 'already-enrolled', detail: null };
  // Asked before the server is: a refusal after it would use up the code for a device never stored.
  if (await holdsDemoBooks(db)) return { ok: false, error: 'demo-books', detail: null };
  const keys = await ensureDeviceKeys(db, now());
  const serverUrl = input.serverUrl ?? '';
  const body = await encodeJsonBody(
    { code: normaliseEnrollmentCode(input.code), name: input.deviceName.trim(), publicKey: keys.publicJwk },
    false,
  );
  const outcome = await sendRequest(
    {
      fetch: input.fetch,
      baseUrl: serverUrl,
      method: 'POST',
      pathWithQuery: ENROLL_PATH,
      headers: { 'content-type': 'application/json' },
      body: body.bytes,
      signal: input.signal,
      timeoutMs: input.timeoutMs,
    },
    enrollResponseSchema,
  );
  switch (outcome.kind) {
    case 'unknown':
      return {
        ok: false,
        error: outcome.reason === 'server-error' || outcome.reason === 'bad-shape' ? 'server' : 'network',
        detail: outcome.reason,
      };
    case 'refused':
      return { ok: false, error: enrollErrorFor(outcome.status, outcome.code), detail: outcome.code };
    case 'ok':
      break;
  }
  const answer = outcome.body;
  const { id: cooperativeId, ...cooperative } = answer.cooperative;
  const at = now();
  const serverMs = Date.parse(answer.serverTime);
  // In the identity's own transaction: the sync engine starts the moment the phone reads as
  // enrolled, and its first run must already find the server's address (else it asks this app's
  // own origin, wrong for a district server elsewhere) and the clock offset.
  const alongside = async ({ reissued }: { readonly reissued: number }) => {
    await writeSyncMeta(db, 'sync.enrollment', {
      serverUrl,
      deviceName: input.deviceName.trim(),
      chart: answer.chart,
      settings: answer.settings,
      enrolledAt: at.toISOString(),
    });
    if (!Number.isNaN(serverMs)) await writeSyncMeta(db, 'sync.clockOffsetMs', Math.round(serverMs - at.getTime()));
    try {
      input.onStoring?.({ deviceId: answer.deviceId, cooperative: answer.cooperative, reissued });
    } catch {
      // A note kept outside IndexedDB is advisory: it never undoes the enrollment it describes.
    }
  };
  const stored = await completeEnrollment(db, { cooperativeId, deviceId: answer.deviceId, cooperative }, at, alongside);
  if (!stored.ok) {
    const error = stored.error === 'already-enrolled' || stored.error === 'demo-books' ? stored.error : 'storage';
    return { ok: false, error, detail: stored.error };
  }
  return { ok: true, value: { deviceId: answer.deviceId, cooperative: answer.cooperative, reissued: stored.value.reissued } };
}

/**
 * The server's refusal codes, mapped to what the enrollment screen can say. Matching on words keeps
 * this robust to the exact spelling (`code-expired`, `enrollment-code-expired`).
 */
export function enrollErrorFor(status: number, code: string): EnrollError {
  if (status === 429 || /throttl|too-many|rate/.test(code)) return 'throttled';
  if (/used|consumed/.test(code)) return 'code-used';
  if (/expired/.test(code) || status === 410) return 'code-expired';
  if (status >= 400 && status < 500) return 'code-invalid';
  return 'server';
}
