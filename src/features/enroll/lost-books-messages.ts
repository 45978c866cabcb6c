import { defineMessages } from '../../i18n/define-messages.ts';

/** The welcome screen's words when the phone had books and lost them (site-data note, issue 6). */
export const lostBooksMessages = defineMessages({
  id: {
    title: 'Data Lumbung di HP ini hilang',
    had: (name: string, entries: number, when: string) =>
      `HP ini sebelumnya memegang buku ${name} dengan ${String(entries)} catatan (terakhir tercatat ${when}), tetapi datanya sudah tidak ada di HP. Biasanya karena browser menghapus data situs atau memori HP penuh.`,
    trialHad: (entries: number, when: string) =>
      `HP ini sebelumnya menyimpan ${String(entries)} catatan mode coba (terakhir tercatat ${when}), tetapi datanya sudah tidak ada di HP. Catatan mode coba tidak pernah dikirim ke server, jadi tidak bisa diambil kembali dari sana.`,
    enrolledWhat:
      'Jangan mulai dari awal. Minta kode pendaftaran baru ke Dinas Koperasi, lalu pilih "Daftarkan HP ini": catatan yang sudah terkirim akan diambil kembali dari server.',
    pending: (n: number) =>
      `${String(n)} catatan terakhir belum terkirim ke server saat data hilang. Catatan itu hanya bisa kembali dari file cadangan: bila ada, serahkan ke Dinas Koperasi untuk diimpor.`,
  },
  en: {
    title: 'Lumbung’s data on this phone is gone',
    had: (name: string, entries: number, when: string) =>
      `This phone held the books of ${name} with ${String(entries)} entries (last noted ${when}), but the data is no longer on the phone. Usually the browser cleared the site data or the phone ran out of storage.`,
    trialHad: (entries: number, when: string) =>
      `This phone held ${String(entries)} trial entries (last noted ${when}), but the data is no longer on the phone. Trial entries were never sent to the server, so they cannot come back from it.`,
    enrolledWhat:
      'Do not start over. Ask the district office for a new enrollment code, then choose "Enroll this phone": the entries already sent will come back from the server.',
    pending: (n: number) =>
      `The last ${String(n)} entries had not been sent to the server when the data was lost. They can only come back from a backup file: if you have one, give it to the district office to import.`,
  },
});
