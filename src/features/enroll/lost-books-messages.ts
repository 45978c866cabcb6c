import { defineMessages, englishLater } from '../../i18n/define-messages.ts';

/** The welcome screen's words when the phone had books and lost them (site-data note, issue 6). */
const id = {
  title: 'Data Lumbung di HP ini hilang',
  had: (name: string, entries: number, when: string) =>
    `HP ini sebelumnya memegang buku ${name} dengan ${String(entries)} catatan (terakhir tercatat ${when}), tetapi datanya sudah tidak ada di HP. Biasanya karena browser menghapus data situs atau memori HP penuh.`,
  trialHad: (entries: number, when: string) =>
    `HP ini sebelumnya menyimpan ${String(entries)} catatan mode coba (terakhir tercatat ${when}), tetapi datanya sudah tidak ada di HP. Catatan mode coba tidak pernah dikirim ke server, jadi tidak bisa diambil kembali dari sana.`,
  enrolledWhat:
    'Jangan mulai dari awal. Minta kode pendaftaran baru ke Dinas Koperasi, lalu pilih "Daftarkan HP ini": catatan yang sudah terkirim akan diambil kembali dari server.',
  pending: (n: number) =>
    `${String(n)} catatan terakhir belum terkirim ke server saat data hilang. Catatan itu hanya bisa kembali dari file cadangan: bila ada, serahkan ke Dinas Koperasi untuk diimpor.`,
};

export type LostBooksMessages = typeof id;

export const lostBooksMessages = defineMessages({ id, en: englishLater(() => import('./lost-books-messages.en.ts').then((module) => module.en)) });
