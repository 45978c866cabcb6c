import type { SessionMessages } from './messages.ts';

/** The English of `sessionMessages`: fetched only when English is chosen (src/i18n/later-english.ts). */
export const en: SessionMessages = {
  loading: 'Opening the books…',
  storageFailed: 'The phone storage cannot be opened. Do not use private mode; close and reopen the app.',
  localMode: 'Trial mode — not connected to the district office',
  enrollNow: 'Enroll',
};
