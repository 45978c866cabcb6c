import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import type { UpdateSource } from './update-source.ts';

type BannerState =
  | { readonly kind: 'hidden' }
  /** A new version waits; nothing happens until the treasurer taps "Muat ulang". */
  | { readonly kind: 'offer' }
  /** The treasurer agreed: SKIP_WAITING was posted, reload follows on `controlling`. */
  | { readonly kind: 'activating' }
  /** Another tab already activated the new version; this page still runs the old code. */
  | { readonly kind: 'reload-needed' };

type Props = {
  readonly source: UpdateSource;
  /** Reloads the page; injected so the component can be tested without a real navigation. */
  readonly reload?: () => void;
};

/**
 * "Versi baru tersedia — Muat ulang / Nanti". The new worker only takes over after a tap: swapping
 * code under an open form could lose a half-typed entry. "Nanti" hides the banner for this session;
 * the waiting version is offered again on the next start.
 */
export function UpdateBanner({ source, reload = () => window.location.reload() }: Props) {
  const m = useT();
  const [state, setState] = useState<BannerState>(() =>
    source.hasWaitingVersion() ? { kind: 'offer' } : { kind: 'hidden' },
  );
  const accepted = useRef(false);

  useEffect(
    () =>
      source.subscribe((event) => {
        switch (event.type) {
          case 'waiting':
            if (!accepted.current) setState({ kind: 'offer' });
            return;
          case 'controlling':
            if (accepted.current) reload();
            else if (event.isUpdate) setState({ kind: 'reload-needed' });
            return;
        }
      }),
    [source, reload],
  );

  if (state.kind === 'hidden') return null;

  const accept = () => {
    if (state.kind === 'reload-needed') {
      reload();
      return;
    }
    accepted.current = true;
    setState({ kind: 'activating' });
    source.skipWaiting();
  };

  return (
    <section className="update-banner" role="status" aria-live="polite" aria-label={m.update.available}>
      <p className="update-banner__text">
        {state.kind === 'activating' ? m.update.reloading : m.update.available}
      </p>
      {state.kind !== 'activating' && (
        <div className="update-banner__actions">
          <button type="button" className="button button--primary" onClick={accept}>
            {m.update.reload}
          </button>
          <button type="button" className="button" onClick={() => setState({ kind: 'hidden' })}>
            {m.update.later}
          </button>
        </div>
      )}
    </section>
  );
}
