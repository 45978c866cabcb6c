import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useFocusOnNavigation } from '../router.tsx';

/**
 * The district office's pages bring their own navigation; the frame only provides the landmark,
 * the skip link and focus handling, and none of the treasurer's phone chrome.
 */
export function OfficeLayout({ children }: { readonly children: ReactNode }) {
  const m = useT();
  const mainRef = useFocusOnNavigation<HTMLElement>();
  return (
    <div className="frame frame--office">
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <main id="main" className="frame__main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
    </div>
  );
}
