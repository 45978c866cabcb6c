/**
 * Loads one admin answer for a page: loading → loaded | failed, with reload. A 401 on the way
 * means the session ended; the page then falls back to the login form instead of showing an error.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminFailure, AdminResult } from './admin-client.ts';
import { useAdminSession } from './admin-session.ts';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'failed'; readonly error: AdminFailure };

export type AdminQuery<T> = {
  readonly state: QueryState<T>;
  readonly reload: () => void;
  /** Replaces the loaded value after a change this page made (a revoked device, a new cooperative). */
  readonly replace: (value: T) => void;
};

export type QueryOptions = {
  /**
   * Keep showing the loaded value while a changed key loads (the same thing, fresher: a
   * cooperative after an import). Without it the page shows "Memuat…", which is right when the
   * key names different content (another report), and would unmount what sits below otherwise.
   */
  readonly keepWhileLoading?: boolean;
};

export function useAdminQuery<T>(load: () => Promise<AdminResult<T>>, key: string, options: QueryOptions = {}): AdminQuery<T> {
  const keep = options.keepWhileLoading === true;
  const { signOut } = useAdminSession();
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState((current) => (keep && current.status === 'loaded' ? current : { status: 'loading' }));
    void load().then((result) => {
      if (!live) return;
      if (result.ok) setState({ status: 'loaded', value: result.value });
      else if (result.error.code === 'admin-unauthorized') signOut('expired');
      else setState({ status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when what it loads changed.
  }, [key, attempt, signOut, keep]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((value: T) => setState({ status: 'loaded', value }), []);
  return { state, reload, replace };
}
