import { defineMessages } from '../../i18n/define-messages.ts';

/** The Sinkron page's words about lost books: what came back from the server and what cannot. */
export const siteDataMessages = defineMessages({
  id: {
    badge: 'pemulihan data',
    restoreTitle: 'Pemulihan data HP',
    lostIntro: (when: string, name: string, entries: number) =>
      `Pada ${when} HP ini masih memegang buku ${name} dengan ${String(entries)} catatan, lalu data di HP hilang (browser menghapus data situs atau memori HP penuh).`,
    waiting: 'Sedang mengambil catatan koperasi dari server… Biarkan HP tersambung ke internet.',
    pulled: (n: number) =>
      n === 0 ? 'Belum ada catatan koperasi yang diambil dari server.' : `${String(n)} catatan koperasi sudah diambil kembali dari server.`,
    ownBack: (back: number, had: number) => `Dari ${String(had)} catatan yang dulu dicatat HP ini, ${String(back)} sudah kembali.`,
    lostPending: (n: number) =>
      `${String(n)} catatan belum terkirim ke server saat data HP hilang. Catatan itu tidak ada di server dan tidak bisa kembali dari sana: bila ada file cadangan dari HP ini, serahkan ke Dinas Koperasi untuk diimpor, lalu sinkronkan lagi.`,
    unknownPending:
      'Catatan yang belum pernah terkirim dari HP sebelumnya tidak ada di server dan tidak bisa kembali dari sana. Bila ada file cadangan, serahkan ke Dinas Koperasi untuk diimpor, lalu sinkronkan lagi.',
    trialLost: 'HP itu belum terdaftar ke koperasi (mode coba), jadi catatannya tidak pernah sampai ke server.',
    dismiss: 'Mengerti',
    behindTitle: 'Buku di HP ini lebih lama dari seharusnya',
    behindBody: (have: number, had: number) =>
      `HP ini sudah pernah mencatat ${String(had)} catatan, tetapi bukunya sekarang hanya sampai catatan ke-${String(have)} (mungkin cadangan lama dipulihkan atau sebagian data terhapus). Catatan baru dari HP ini akan bentrok dengan yang sudah ada di server. Jangan mencatat dulu; hubungi Dinas Koperasi.`,
    forkedBody: (seq: number) =>
      `Catatan ke-${String(seq)} dari HP ini di server berbeda dengan yang ada di buku HP ini (mungkin data lama dipulihkan lalu dipakai mencatat). Sinkron dihentikan agar catatan tidak bentrok; semua catatan tetap di HP. Hubungi Dinas Koperasi.`,
  },
  en: {
    badge: 'data recovery',
    restoreTitle: 'Recovering this phone’s data',
    lostIntro: (when: string, name: string, entries: number) =>
      `On ${when} this phone still held the books of ${name} with ${String(entries)} entries; then its data was lost (the browser cleared the site data or the phone ran out of storage).`,
    waiting: 'Fetching the cooperative’s entries from the server… Keep the phone online.',
    pulled: (n: number) =>
      n === 0 ? 'No entries of the cooperative have come back from the server yet.' : `${String(n)} entries of the cooperative came back from the server.`,
    ownBack: (back: number, had: number) => `Of the ${String(had)} entries this phone recorded before, ${String(back)} are back.`,
    lostPending: (n: number) =>
      `${String(n)} entries had not been sent when the phone lost its data. The server does not have them and they cannot come back from it: if you have a backup file of this phone, give it to the district office to import, then sync again.`,
    unknownPending:
      'Entries the previous phone never sent are not on the server and cannot come back from it. If you have a backup file, give it to the district office to import, then sync again.',
    trialLost: 'That phone was never enrolled (trial mode), so its entries never reached the server.',
    dismiss: 'Understood',
    behindTitle: 'The books on this phone are older than they should be',
    behindBody: (have: number, had: number) =>
      `This phone has recorded ${String(had)} entries, but its books now end at entry ${String(have)} (an old backup was restored, or part of the data was deleted). New entries from this phone would clash with those already on the server. Do not record for now; contact the district office.`,
    forkedBody: (seq: number) =>
      `Entry ${String(seq)} of this phone on the server differs from the one in this phone’s books (perhaps old data was restored and then used). Sync stopped so entries do not clash; every entry stays on the phone. Contact the district office.`,
  },
});
