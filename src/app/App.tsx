import { useEffect } from 'react';
import { useLanguage } from '../i18n/use-t.ts';
import { OfficeLayout } from './layout/OfficeLayout.tsx';
import { TreasurerLayout } from './layout/TreasurerLayout.tsx';
import { RouteView, useChrome } from './router.tsx';
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
          <TreasurerLayout cooperativeName={cooperativeName}>
            <RouteView />
          </TreasurerLayout>
          {banner}
        </>
      );
  }
}
