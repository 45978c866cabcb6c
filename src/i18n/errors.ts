import { REJECT_REASON_TEXT, isRejectReason } from '../domain/entry/reasons.ts';
import type { Language } from './catalog.ts';

type Sentence = { readonly id: string; readonly en: string };

/**
 * Every error code the treasurer can meet, in ONE place, as a sentence that says what happened and
 * what to do. Codes are kebab-case and come from the local store (src/db/storage-errors.ts), the
 * sync engine, the server's `{"error": {"code"}}` envelope and the entry checks. Add a code here
 * when you add it there; an unknown code still gets an honest generic sentence with the code.
 * tests/unit/error-sentences.test.ts checks mechanically that every code of the local store, the
 * sync engine and backup restore has one here. A reject reason of the entry checks without its own
 * sentence here uses the domain's (REJECT_REASON_TEXT), which the server answers with too.
 */
const SENTENCES = {
  // Local store (src/db)
  'storage-full': {
    id: 'Memori HP penuh, data belum tersimpan. Hapus foto atau aplikasi lain, lalu simpan lagi.',
    en: 'The phone is out of storage; nothing was saved. Free some space, then save again.',
  },
  'storage-unavailable': {
    id: 'Penyimpanan HP tidak bisa dibuka. Jangan gunakan mode penyamaran; tutup lalu buka lagi aplikasinya.',
    en: 'The phone storage cannot be opened. Do not use private mode; close and reopen the app.',
  },
  'version-changed': {
    id: 'Lumbung diperbarui di tab lain. Muat ulang halaman ini sebelum mencatat lagi.',
    en: 'Lumbung was updated in another tab. Reload this page before recording again.',
  },
  'chain-moved': {
    id: 'Tab lain sedang menyimpan pada saat yang sama. Tunggu sebentar lalu simpan lagi.',
    en: 'Another tab is saving at the same time. Wait a moment, then save again.',
  },
  'not-initialised': {
    id: 'HP ini belum disiapkan. Daftarkan HP ke koperasi terlebih dahulu.',
    en: 'This phone is not set up yet. Enroll it with a cooperative first.',
  },
  'entry-invalid': {
    id: 'Isian catatan tidak lengkap atau tidak sah. Periksa lagi isiannya.',
    en: 'The entry is incomplete or invalid. Check the form again.',
  },
  'reversal-target-unknown': {
    id: 'Catatan yang mau dibatalkan tidak ada di HP ini.',
    en: 'The entry to reverse is not on this phone.',
  },
  'reversal-of-reversal': {
    id: 'Catatan ini sendiri adalah pembatalan, jadi tidak bisa dibatalkan lagi. Bila keliru, catat ulang transaksi yang benar.',
    en: 'This entry is itself a reversal, so it cannot be reversed. If it was a mistake, record the correct transaction again.',
  },
  'already-reversed': {
    id: 'Catatan ini sudah dibatalkan sebelumnya (di HP ini atau HP lain). Tidak perlu dibatalkan lagi.',
    en: 'This entry was already reversed (on this phone or another). It need not be reversed again.',
  },
  'already-synced': {
    id: 'Catatan di HP ini tidak bisa dipindahkan ke koperasi karena sebagian sudah terkirim atau berasal dari HP lain. Semua catatan tetap aman; hubungi petugas Dinas Koperasi.',
    en: 'The entries on this phone cannot be moved to the cooperative because some were already sent or came from another phone. Every entry stays safe; contact the district office.',
  },
  // Forms (src/features/forms)
  'session-locked': {
    id: 'HP terkunci sebelum menyimpan. Buka kunci dengan PIN, lalu simpan lagi.',
    en: 'The phone locked before saving. Unlock with your PIN, then save again.',
  },
  'write-failed': {
    id: 'Gagal menyimpan. Tidak ada yang berubah; coba simpan lagi.',
    en: 'Saving failed. Nothing changed; try saving again.',
  },
  // Enrollment and sync
  'code-invalid': {
    id: 'Kode pendaftaran salah. Periksa lagi kode dari Dinas Koperasi.',
    en: 'The enrollment code is wrong. Check the code from the district office.',
  },
  'code-expired': {
    id: 'Kode pendaftaran sudah kedaluwarsa. Minta kode baru ke Dinas Koperasi.',
    en: 'The enrollment code has expired. Ask the district office for a new one.',
  },
  'code-used': {
    id: 'Kode pendaftaran sudah dipakai. Minta kode baru ke Dinas Koperasi.',
    en: 'The enrollment code was already used. Ask the district office for a new one.',
  },
  throttled: {
    id: 'Terlalu banyak kode salah dari jaringan ini. Tunggu beberapa menit lalu coba lagi.',
    en: 'Too many wrong codes from this network. Wait a few minutes, then try again.',
  },
  'already-enrolled': {
    id: 'HP ini sudah terdaftar di sebuah koperasi. Tidak perlu mendaftar lagi.',
    en: 'This phone is already enrolled with a cooperative. No need to enroll again.',
  },
  'demo-books': {
    id: 'Buku di HP ini adalah koperasi contoh. Koperasi contoh tidak boleh masuk ke buku koperasi sungguhan, jadi HP ini belum didaftarkan. Untuk mendaftar, hapus data situs Lumbung di pengaturan browser (buku contoh ikut terhapus), lalu daftar lagi dengan kode yang sama.',
    en: 'The books on this phone are the demo cooperative. The demo must never enter a real cooperative’s books, so this phone was not enrolled. To enroll, clear Lumbung’s site data in the browser settings (the demo books go with it), then enroll again with the same code.',
  },
  // Enrollment (saving the new identity) and sync (the phone's database) both report `storage`.
  storage: {
    id: 'Penyimpanan HP gagal (memori penuh?). Kosongkan memori lalu coba lagi; bila sedang mendaftar, minta kode baru ke Dinas Koperasi.',
    en: 'The phone’s storage failed (full?). Free some space and try again; if you were enrolling, ask the office for a new code.',
  },
  network: {
    id: 'Tidak ada sambungan ke server. Data tetap aman di HP dan akan dikirim nanti.',
    en: 'No connection to the server. Data stays safe on the phone and will be sent later.',
  },
  server: {
    id: 'Server Dinas Koperasi sedang bermasalah. Data tetap aman di HP; coba lagi nanti.',
    en: 'The district server has a problem. Data stays safe on the phone; try again later.',
  },
  'device-revoked': {
    id: 'HP ini sudah dicabut aksesnya oleh Dinas Koperasi. Hubungi petugas Dinas.',
    en: 'The district office revoked this phone. Contact the office staff.',
  },
  unauthorized: {
    id: 'Akses ditolak. Masuk lagi atau daftarkan ulang HP ini.',
    en: 'Access denied. Log in again or re-enroll this phone.',
  },
  'too-many-requests': {
    id: 'Terlalu banyak percobaan. Tunggu beberapa menit lalu coba lagi.',
    en: 'Too many attempts. Wait a few minutes, then try again.',
  },
  // Sync runs (src/sync SYNC_ERRORS; network, server, storage above)
  'not-enrolled': {
    id: 'HP ini belum terdaftar di Dinas Koperasi, jadi belum ada yang dikirim. Daftarkan HP lewat menu Daftar.',
    en: 'This phone is not enrolled with the district office yet, so nothing is sent. Enroll it from the Enroll menu.',
  },
  'unexpected-response': {
    id: 'Jawaban yang diterima bukan dari server Dinas (mungkin Wi-Fi meminta login dulu). Buka browser untuk login Wi-Fi, lalu coba lagi.',
    en: 'The answer did not come from the district server (the Wi-Fi may need a login). Log in to the Wi-Fi in the browser, then try again.',
  },
  revoked: {
    id: 'Akses HP ini sudah dicabut oleh Dinas Koperasi. Semua catatan tetap tersimpan di HP; hubungi petugas Dinas.',
    en: 'The district office revoked this phone. Every entry stays on the phone; contact the office staff.',
  },
  'auth-failed': {
    id: 'Server tidak mengenali tanda tangan HP ini. Catatan tetap aman di HP; hubungi petugas Dinas Koperasi.',
    en: 'The server did not accept this phone’s signature. Entries stay safe on the phone; contact the district office.',
  },
  refused: {
    id: 'Server menolak permintaan ini. Catatan tetap aman di HP; coba lagi nanti atau hubungi Dinas Koperasi.',
    en: 'The server refused the request. Entries stay safe on the phone; try again later or contact the district office.',
  },
  'gap-unresolved': {
    id: 'Server meminta catatan lama yang tidak ada lagi di HP ini. Hubungi petugas Dinas Koperasi; jangan hapus data aplikasi.',
    en: 'The server asks for old entries this phone no longer has. Contact the district office; do not clear the app’s data.',
  },
  'chain-behind': {
    id: 'Server sudah menyimpan lebih banyak catatan dari HP ini daripada yang ada di buku HP ini (mungkin data lama dipulihkan). Sinkron dihentikan agar catatan tidak bentrok; semua catatan tetap di HP. Hubungi Dinas Koperasi.',
    en: 'The server holds more entries from this phone than the phone’s books do (perhaps old data was restored). Sync stopped so entries do not clash; every entry stays on the phone. Contact the district office.',
  },
  // Restoring a backup file (src/db/backup.ts RESTORE_REFUSALS; entry-invalid and id-conflict elsewhere)
  'not-a-backup': {
    id: 'Berkas ini bukan cadangan Lumbung, atau isinya rusak.',
    en: 'This file is not a Lumbung backup, or it is damaged.',
  },
  'foreign-cooperative': {
    id: 'Cadangan ini milik koperasi lain, bukan koperasi di HP ini.',
    en: 'This backup belongs to another cooperative, not the one on this phone.',
  },
  'hash-mismatch': {
    id: 'Isi sebuah catatan tidak cocok dengan sidik (hash)-nya: catatan itu telah diubah setelah dibuat.',
    en: 'An entry’s content does not match its hash: it was changed after it was made.',
  },
  'signature-invalid': {
    id: 'Tanda tangan sebuah catatan tidak sah: catatan itu telah diubah atau bukan dibuat oleh HP koperasi.',
    en: 'An entry’s signature is invalid: it was changed or was not made by a cooperative phone.',
  },
  'signature-unverifiable': {
    id: 'Cadangan ini berisi catatan dari HP lain yang tanda tangannya tidak bisa diperiksa di HP ini. Serahkan berkasnya ke Dinas Koperasi untuk diimpor.',
    en: 'This backup holds entries from another phone whose signatures cannot be checked here. Give the file to the district office to import.',
  },
  'chain-broken': {
    id: 'Rantai catatan terputus: ada catatan yang hilang atau diubah.',
    en: 'The chain of entries is broken: an entry is missing or was changed.',
  },
  'chain-conflict': {
    id: 'Cadangan ini bertentangan dengan catatan yang sudah ada di HP (nomor urut sama, isi berbeda).',
    en: 'This backup conflicts with entries already on the phone (same sequence number, different content).',
  },
  // Server envelope
  'not-found': { id: 'Data yang diminta tidak ditemukan.', en: 'The requested data was not found.' },
  'invalid-json': { id: 'Data yang dikirim rusak.', en: 'The data sent was malformed.' },
  'body-too-large': {
    id: 'Data yang dikirim terlalu besar. Sinkronkan lebih sering.',
    en: 'The data sent is too large. Sync more often.',
  },
  'invalid-request': { id: 'Permintaan tidak sah.', en: 'The request is invalid.' },
  // Entry checks (CONTRACT §3 "Rejected")
  'id-conflict': {
    id: 'Catatan dengan nomor yang sama tapi isi berbeda sudah ada (di server atau di HP ini).',
    en: 'An entry with the same id but different content already exists (on the server or this phone).',
  },
  'lines-unbalanced': {
    id: 'Jurnal catatan tidak seimbang (debit tidak sama dengan kredit).',
    en: 'The entry’s journal does not balance (debit differs from credit).',
  },
  'account-unknown': { id: 'Akun tidak ada di bagan akun koperasi.', en: 'The account is not in the chart of accounts.' },
} as const satisfies Record<string, Sentence>;

export type KnownErrorCode = keyof typeof SENTENCES;

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return Object.hasOwn(SENTENCES, code);
}

/** Whether `code` has its own sentence (here or as a reject reason), not the generic one. */
export function hasSentence(code: string): boolean {
  return isKnownErrorCode(code) || isRejectReason(code);
}

/** The sentence for an error code in the given language; unknown codes say so and show the code. */
export function describeError(code: string, language: Language): string {
  if (isKnownErrorCode(code)) return SENTENCES[code][language];
  if (isRejectReason(code)) return REJECT_REASON_TEXT[code][language];
  return language === 'id'
    ? `Terjadi kesalahan yang tidak dikenal (kode: ${code}). Data yang sudah tersimpan tetap aman.`
    : `An unknown error occurred (code: ${code}). Data already saved is safe.`;
}
