import { Suspense, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { navigate, usePathname } from '../features/navigation/location.ts';
import { useT } from '../i18n/use-t.ts';
import { NotFoundPage } from './routing/NotFoundPage.tsx';
import { RouteErrorBoundary } from './routing/RouteErrorBoundary.tsx';
import { matchRoute, type Chrome } from './routing/routes.ts';

// The app's tiny router: the pathname comes from the history API (features/navigation, so screens
// can navigate too), the route table from routing/routes.ts. No router library: it would be the
// biggest dependency of the treasurer's first load for what fits in these files.
export { Link } from '../features/navigation/link.tsx';
export { navigate, usePathname } from '../features/navigation/location.ts';

const goHome = () => navigate('/');

/** Which frame the current path wants; unknown paths get the treasurer's frame with the 404 page. */
export function useChrome(): Chrome {
  return matchRoute(usePathname())?.chrome ?? 'treasurer';
}

/**
 * Renders the page for the current path inside its own error boundary (keyed by path, so leaving a
 * broken page resets it) and a Suspense boundary for lazy chunks. Keeps `document.title` in step.
 * `withPage` is rendered beside the page inside that boundary, so it is committed (and its effects
 * run) only together with the page's content, never with the loading line.
 */
export function RouteView({ withPage }: { readonly withPage?: ReactNode } = {}) {
  const pathname = usePathname();
  const m = useT();
  const route = matchRoute(pathname);
  const title = route === undefined ? m.notFound.title : route.title(m);

  // In the commit that shows the page, not an effect later: the tab's title (and what a screen
  // reader announces with it) never names the page before.
  useLayoutEffect(() => {
    document.title = `${title} — ${m.app.name}`;
  }, [title, m]);

  const Page = route?.component;
  return (
    <RouteErrorBoundary key={pathname} messages={m} onHome={goHome}>
      <Suspense fallback={<p className="loading" role="status">{m.app.loading}</p>}>
        {Page === undefined ? <NotFoundPage path={pathname} /> : <Page />}
        {withPage}
      </Suspense>
    </RouteErrorBoundary>
  );
}

/**
 * After an in-app navigation, moves focus to the main region so screen readers announce the new
 * page and keyboard users start at its top. The first render keeps the browser's default focus.
 */
export function useFocusOnNavigation<T extends HTMLElement>() {
  const pathname = usePathname();
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);
  return ref;
}
