import type { ReactNode } from 'react';
import '../../styles/screens.css';
import { useT } from '../../i18n/use-t.ts';
import { useFocusOnNavigation } from '../router.tsx';
import { BottomNav } from './BottomNav.tsx';
import { TopBar } from './TopBar.tsx';

type Props = { readonly cooperativeName: string | undefined; readonly children: ReactNode };

/** The phone frame: top bar, the page in <main>, five-item bottom navigation. */
export function TreasurerLayout({ cooperativeName, children }: Props) {
  const m = useT();
  const mainRef = useFocusOnNavigation<HTMLElement>();
  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <TopBar cooperativeName={cooperativeName} />
      <main id="main" className="frame__main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
      <BottomNav />
    </div>
  );
}
