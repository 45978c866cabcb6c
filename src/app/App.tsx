import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { SessionGate } from '../features/session/SessionGate.tsx';
import { isUngatedPath } from '../features/session/ungated-paths.ts';
import { useFirstScreenShown, useUsableMark } from '../features/session/usable-mark.ts';
import { useLanguage } from '../i18n/use-t.ts';
import { OfficeLayout } from './layout/OfficeLayout.tsx';
import { RouteView, useChrome, usePathname } from './router.tsx';
import { UpdateBanner } from './update/UpdateBanner.tsx';
import type { UpdateSource } from './update/update-source.ts';

// Lazy boundaries of the first load (docs/performance.md): the first screen a treasurer sees is the
// session gate (welcome or PIN lock), so the frame behind it (top bar with the sync badge, bottom
// navigation) loads only once the gate opens, and the sync engine and the demo banner only once
// the first screen is shown. Their chunks are precached by the service worker.
const TreasurerLayout = lazy(() => import('./layout/TreasurerLayout.tsx').then((m) => ({ default: m.TreasurerLayout })));
const SyncEngineHost = lazy(() => import('../features/sync/SyncEngineHost.tsx').then((m) => ({ default: m.SyncEngineHost })));
const CooperativeLayout = lazy(() => import('./layout/CooperativeLayout.tsx').then((m) => ({ default: m.CooperativeLayout })));
const DemoBanner = lazy(() => import('../features/demo/DemoBanner.tsx').then((m) => ({ default: m.DemoBanner })));

/** Nothing while a lazy part of the frame loads: none of them is the screen's content. */
function Deferred({ children }: { readonly children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

type Props = {
  /** The service worker's update events; undefined when there is no worker (dev, tests, old browsers). */
  readonly updates?: UpdateSource | undefined;
  readonly cooperativeName?: string | undefined;
};

export function App({ updates, cooperativeName }: Props) {
  const language = useLanguage();
  const chrome = useChrome();
  const firstScreenShown = useFirstScreenShown();

  // Screen readers pick the voice and browsers the hyphenation from <html lang>.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const banner = updates === undefined ? null : <UpdateBanner source={updates} />;
  switch (chrome) {
    case 'office':
      return (
        <>
          <OfficeLayout>
            <RouteView />
          </OfficeLayout>
          {banner}
        </>
      );
    case 'treasurer':
      return (
        <>
          {firstScreenShown ? (
            <Deferred>
              <SyncEngineHost />
              <DemoBanner />
            </Deferred>
          ) : null}
          <TreasurerFrame cooperativeName={cooperativeName} />
          {banner}
        </>
      );
  }
}

/**
 * The treasurer's screens sit behind the session gate (welcome, first user, PIN lock: see
 * features/session); "Tentang" does not, it shows no cooperative data.
 */
function TreasurerFrame({ cooperativeName }: { readonly cooperativeName: string | undefined }) {
  const pathname = usePathname();
  if (isUngatedPath(pathname)) {
    return (
      <Deferred>
        <TreasurerLayout cooperativeName={cooperativeName}>
          <RouteView withPage={<UngatedPageShown />} />
        </TreasurerLayout>
      </Deferred>
    );
  }
  return (
    <SessionGate>
      <Deferred>
        <CooperativeLayout cooperativeName={cooperativeName} />
      </Deferred>
    </SessionGate>
  );
}

/**
 * An ungated page (Tentang) is a first screen too: marked usable, so the deferred parts of the frame
 * may start, once its content is committed — not when the frame around it is, which is still
 * loading the lazy layout and page then.
 */
function UngatedPageShown() {
  useUsableMark(true);
  return null;
}
