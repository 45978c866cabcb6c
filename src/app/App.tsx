import { useEffect } from 'react';
import { SessionGate, isUngatedPath } from '../features/session/SessionGate.tsx';
import { useCooperative } from '../features/session/cooperative.ts';
import { DemoBanner } from '../features/demo/DemoBanner.tsx';
import { SyncEngineHost } from '../features/sync/SyncEngineHost.tsx';
import { useLanguage } from '../i18n/use-t.ts';
import { OfficeLayout } from './layout/OfficeLayout.tsx';
import { TreasurerLayout } from './layout/TreasurerLayout.tsx';
import { RouteView, useChrome, usePathname } from './router.tsx';
import { UpdateBanner } from './update/UpdateBanner.tsx';
import type { UpdateSource } from './update/update-source.ts';

type Props = {
  /** The service worker's update events; undefined when there is no worker (dev, tests, old browsers). */
  readonly updates?: UpdateSource | undefined;
  readonly cooperativeName?: string | undefined;
};

export function App({ updates, cooperativeName }: Props) {
  const language = useLanguage();
  const chrome = useChrome();

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
          <SyncEngineHost />
          <DemoBanner />
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
      <TreasurerLayout cooperativeName={cooperativeName}>
        <RouteView />
      </TreasurerLayout>
    );
  }
  return (
    <SessionGate>
      <CooperativeLayout cooperativeName={cooperativeName} />
    </SessionGate>
  );
}

/** Inside the gate: the top bar may name the cooperative. */
function CooperativeLayout({ cooperativeName }: { readonly cooperativeName: string | undefined }) {
  const cooperative = useCooperative();
  return (
    <TreasurerLayout cooperativeName={cooperativeName ?? cooperative?.name ?? undefined}>
      <RouteView />
    </TreasurerLayout>
  );
}
