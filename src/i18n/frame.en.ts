import type { id } from './id.ts';

// English, typed against the Indonesian catalog: every key must exist and no extra key may appear.
// Fetched only when English is chosen (later-english.ts).
export const en: typeof id = {
  app: {
    name: 'Lumbung',
    tagline: 'Village cooperative bookkeeping',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
  },
  nav: {
    label: 'Main menu',
    home: 'Home',
    members: 'Members',
    savings: 'Savings',
    loans: 'Loans',
    more: 'More',
    cash: 'Cash',
    reports: 'Reports',
    closing: 'Year-end close',
    sync: 'Sync',
    settings: 'Settings',
    about: 'About',
    district: 'District office',
  },
  titles: {
    receipt: 'Receipt',
    corrections: 'Corrections',
    entry: 'Entry details',
  },
  more: {
    title: 'More',
    intro: 'Other menus for the books, syncing and settings.',
    cash: 'Cash in, cash out and transfers',
    reports: 'Balance sheet, income statement, cash book and member report',
    closing: 'Year-end close and SHU distribution',
    sync: 'Send data to and receive data from the district office',
    settings: 'Language, storage and cooperative details',
    about: 'App version and storage state',
  },
  language: {
    label: 'Language',
    id: 'Bahasa Indonesia',
    en: 'English',
  },
  notFound: {
    title: 'Page not found',
    body: (path: string) => `There is no page ${path} in Lumbung. The link may be mistyped or the page has moved.`,
    home: 'Back to Home',
  },
  routeError: {
    title: 'This page could not be opened',
    body: 'Something went wrong while showing this page. Data already saved is safe.',
    retry: 'Try again',
    home: 'Back to Home',
    details: 'Technical details',
  },
  update: {
    available: 'A new version is available',
    reload: 'Reload',
    later: 'Later',
    reloading: 'Loading the new version…',
  },
  topBar: {
    noCooperative: 'Not enrolled in a cooperative yet',
  },
};
