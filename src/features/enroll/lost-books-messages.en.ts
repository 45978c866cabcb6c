import type { LostBooksMessages } from './lost-books-messages.ts';

/** The English of `lostBooksMessages`: fetched only when English is chosen (src/i18n/later-english.ts). */
export const en: LostBooksMessages = {
  title: 'Lumbung’s data on this phone is gone',
  had: (name: string, entries: number, when: string) =>
    `This phone held the books of ${name} with ${String(entries)} entries (last noted ${when}), but the data is no longer on the phone. Usually the browser cleared the site data or the phone ran out of storage.`,
  trialHad: (entries: number, when: string) =>
    `This phone held ${String(entries)} trial entries (last noted ${when}), but the data is no longer on the phone. Trial entries were never sent to the server, so they cannot come back from it.`,
  enrolledWhat:
    'Do not start over. Ask the district office for a new enrollment code, then choose "Enroll this phone": the entries already sent will come back from the server.',
  pending: (n: number) =>
    `The last ${String(n)} entries had not been sent to the server when the data was lost. They can only come back from a backup file: if you have one, give it to the district office to import.`,
};
