import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { FrameMessages } from '../../i18n/use-t.ts';
import { enrollMessages } from '../../features/enroll/messages.ts';
import { usersMessages } from '../../features/users/messages.ts';

/** The treasurer's frame (top bar + bottom navigation) or the district office's own pages. */
export type Chrome = 'treasurer' | 'office';

export type RouteDef = {
  readonly path: string;
  /** `exact`: only `path`; `prefix`: `path` and everything below it (the page routes the rest). */
  readonly match: 'exact' | 'prefix';
  readonly title: (m: FrameMessages) => string;
  readonly component: ComponentType | LazyExoticComponent<ComponentType>;
  readonly chrome: Chrome;
};

// Every screen is its own chunk, Beranda and Lainnya too: the
// first screen of a load is the session gate (welcome or PIN lock), and Beranda's ledger queries
// would otherwise weigh on that first load over 2G (docs/performance.md). Chunks are precached by
// the service worker, so lazy costs nothing offline. /dinas is a separate chunk that the phone
// never loads or precaches.
export const ROUTES: readonly RouteDef[] = [
  {
    path: '/',
    match: 'exact',
    title: (m) => m.nav.home,
    component: lazy(() => import('../../features/home/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/anggota',
    match: 'prefix',
    title: (m) => m.nav.members,
    component: lazy(() => import('../../features/members/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/simpanan',
    match: 'prefix',
    title: (m) => m.nav.savings,
    component: lazy(() => import('../../features/savings/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/pinjaman',
    match: 'prefix',
    title: (m) => m.nav.loans,
    component: lazy(() => import('../../features/loans/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/lainnya',
    match: 'exact',
    title: (m) => m.nav.more,
    component: lazy(() => import('../more/MorePage.tsx').then((module) => ({ default: module.MorePage }))),
    chrome: 'treasurer',
  },
  {
    path: '/kas',
    match: 'prefix',
    title: (m) => m.nav.cash,
    component: lazy(() => import('../../features/cash/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/laporan',
    match: 'prefix',
    title: (m) => m.nav.reports,
    component: lazy(() => import('../../features/reports/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/tutup-buku',
    match: 'prefix',
    title: (m) => m.nav.closing,
    component: lazy(() => import('../../features/closing/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/sinkron',
    match: 'exact',
    title: (m) => m.nav.sync,
    component: lazy(() => import('../../features/sync/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/pengaturan',
    match: 'exact',
    title: (m) => m.nav.settings,
    component: lazy(() => import('../../features/settings/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/tentang',
    match: 'exact',
    title: (m) => m.nav.about,
    component: lazy(() => import('../../features/about/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/pengguna',
    match: 'exact',
    title: () => usersMessages.current().page.title,
    component: lazy(() => import('../../features/users/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/daftar',
    match: 'exact',
    title: () => enrollMessages.current().page.title,
    component: lazy(() => import('../../features/enroll/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/kuitansi',
    match: 'prefix',
    title: (m) => m.titles.receipt,
    component: lazy(() => import('../../features/receipt/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/koreksi',
    match: 'exact',
    title: (m) => m.titles.corrections,
    component: lazy(() => import('../../features/corrections/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/entri',
    match: 'prefix',
    title: (m) => m.titles.entry,
    component: lazy(() => import('../../features/corrections/index.tsx')),
    chrome: 'treasurer',
  },
  {
    path: '/dinas',
    match: 'prefix',
    title: (m) => m.nav.district,
    component: lazy(() => import('../../features/district/index.tsx')),
    chrome: 'office',
  },
];

/** Trailing slashes are forgiven (`/anggota/` is `/anggota`); nothing else is guessed. */
function normalise(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.replace(/\/+$/, '') || '/' : pathname;
}

export function matchRoute(pathname: string, routes: readonly RouteDef[] = ROUTES): RouteDef | undefined {
  const path = normalise(pathname);
  return routes.find(
    (route) => route.path === path || (route.match === 'prefix' && path.startsWith(`${route.path}/`)),
  );
}
