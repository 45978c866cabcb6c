/**
 * What a refused (4xx) or unanswered request means for the sync run as a whole.
 */
import type { UnknownReason } from './http-outcome.ts';
import type { SyncError } from './sync-errors.ts';

export type RunStop =
  | { readonly kind: 'revoked'; readonly message: string }
  | { readonly kind: 'failed'; readonly error: SyncError; readonly detail: string | null };

/** The server's code for a device the district office revoked (CONTRACT §7: 401, distinguishable). */
export const DEVICE_REVOKED = 'device-revoked';

export function stopForUnknown(reason: UnknownReason): RunStop {
  switch (reason) {
    case 'offline':
    case 'timeout':
    case 'aborted':
      return { kind: 'failed', error: 'network', detail: reason };
    case 'not-json':
      // Typically a hotspot or captive portal answering in our server's place.
      return { kind: 'failed', error: 'unexpected-response', detail: reason };
    case 'server-error':
    case 'bad-shape':
      return { kind: 'failed', error: 'server', detail: reason };
  }
}

export function stopForRefusal(status: number, code: string, message: string): RunStop {
  if (status === 401 && code === DEVICE_REVOKED) return { kind: 'revoked', message };
  if (status === 401 || status === 403) return { kind: 'failed', error: 'auth-failed', detail: code };
  return { kind: 'failed', error: 'refused', detail: code };
}
