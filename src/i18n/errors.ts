import type { Language } from './catalog.ts';

type Sentence = { readonly id: string; readonly en: string };

/**
 * Every error code the treasurer can meet, in ONE place, as a sentence that says what happened and
 * what to do. Codes are kebab-case and come from the local store (src/db/storage-errors.ts), the
 * sync engine, the server's `{"error": {"code"}}` envelope and the entry checks. Add a code here
 * when you add it there; an unknown code still gets an honest generic sentence with the code.
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
  storage: {
    id: 'HP tidak bisa menyimpan pendaftaran (memori penuh?). Kosongkan memori lalu minta kode baru ke Dinas Koperasi.',
    en: 'The phone could not save the enrollment (storage full?). Free some space, then ask the office for a new code.',
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
    id: 'Catatan dengan nomor yang sama tapi isi berbeda sudah ada di server.',
    en: 'An entry with the same id but different content already exists on the server.',
  },
  'lines-unbalanced': {
    id: 'Jurnal catatan tidak seimbang (debit tidak sama dengan kredit).',
    en: 'The entry’s journal does not balance (debit differs from credit).',
  },
  'unknown-account': { id: 'Akun tidak ada di bagan akun koperasi.', en: 'The account is not in the chart of accounts.' },
} as const satisfies Record<string, Sentence>;

export type KnownErrorCode = keyof typeof SENTENCES;

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return Object.hasOwn(SENTENCES, code);
}

/** The sentence for an error code in the given language; unknown codes say so and show the code. */
export function describeError(code: string, language: Language): string {
  if (isKnownErrorCode(code)) return SENTENCES[code][language];
  return language === 'id'
    ? `Terjadi kesalahan yang tidak dikenal (kode: ${code}). Data yang sudah tersimpan tetap aman.`
    : `An unknown error occurred (code: ${code}). Data already saved is safe.`;
}
