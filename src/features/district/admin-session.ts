/**
 * Who is signed in on the district pages. The truth is the server's HttpOnly session cookie: on
 * opening the pages we ask `GET /admin/me`; any later `admin-unauthorized` (the 12-hour session
 * ran out, someone logged out in another tab) returns to the login form with a notice.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { AdminClient, AdminFailure } from './admin-client.ts';
import type { AdminIdentity } from './api-schemas.ts';

export type SignedOutNotice = 'expired' | 'logged-out' | null;

export type AdminSessionState =
  | { readonly status: 'checking' }
  | { readonly status: 'unreachable'; readonly error: AdminFailure }
  | { readonly status: 'signed-out'; readonly notice: SignedOutNotice }
  | { readonly status: 'signed-in'; readonly admin: AdminIdentity };

export type AdminSession = {
  readonly state: AdminSessionState;
  readonly signedIn: (admin: AdminIdentity) => void;
  readonly signOut: (notice: SignedOutNotice) => void;
  readonly recheck: () => void;
};

export function useAdminSessionState(client: AdminClient): AdminSession {
  const [state, setState] = useState<AdminSessionState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void client.me().then((result) => {
      if (!live) return;
      if (result.ok) setState({ status: 'signed-in', admin: result.value });
      else if (result.error.status === 401) setState({ status: 'signed-out', notice: null });
      else setState({ status: 'unreachable', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [client, attempt]);

  const signedIn = useCallback((admin: AdminIdentity) => setState({ status: 'signed-in', admin }), []);
  const signOut = useCallback((notice: SignedOutNotice) => setState({ status: 'signed-out', notice }), []);
  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, signedIn, signOut, recheck };
}

const noop = () => undefined;
export const AdminSessionContext = createContext<AdminSession>({
  state: { status: 'checking' },
  signedIn: noop,
  signOut: noop,
  recheck: noop,
});

export const useAdminSession = (): AdminSession => useContext(AdminSessionContext);
