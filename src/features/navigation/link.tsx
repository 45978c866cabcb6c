import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { navigate, usePathname } from './location.ts';

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  readonly to: string;
  readonly children: ReactNode;
  /**
   * When the link counts as the current page: `exact` only on its own path, `section` also on the
   * paths below it (`/anggota` is current on `/anggota/123`). Sets `aria-current="page"`.
   */
  readonly match?: 'exact' | 'section';
  /** Further paths on which this link is current (the "Lainnya" tab on the screens it lists). */
  readonly alsoCurrentOn?: readonly string[];
  readonly replace?: boolean;
};

export function isCurrent(pathname: string, to: string, match: 'exact' | 'section'): boolean {
  if (pathname === to) return true;
  return match === 'section' && to !== '/' && pathname.startsWith(`${to}/`);
}

/** A real `<a href>` (works without JS, long-press, open in new tab) that navigates in-app on a plain click. */
export function Link({
  to,
  children,
  match = 'exact',
  alsoCurrentOn = [],
  replace = false,
  onClick,
  ...rest
}: LinkProps) {
  const pathname = usePathname();
  const current = isCurrent(pathname, to, match) || alsoCurrentOn.some((path) => isCurrent(pathname, path, match));
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // Let the browser handle modified clicks (new tab/window), non-left buttons and targets.
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (rest.target !== undefined && rest.target !== '_self')
    )
      return;
    event.preventDefault();
    navigate(to, { replace });
  };
  return (
    <a href={to} aria-current={current ? 'page' : undefined} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
