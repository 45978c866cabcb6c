import { defineMessages } from '../../i18n/define-messages.ts';

export const sessionMessages = defineMessages({
  id: {
    loading: 'Membuka buku…',
    storageFailed: 'Penyimpanan HP tidak bisa dibuka. Jangan gunakan mode penyamaran; tutup lalu buka lagi aplikasinya.',
    localMode: 'Mode coba — belum terhubung ke Dinas',
    enrollNow: 'Daftarkan',
  },
  en: {
    loading: 'Opening the books…',
    storageFailed: 'The phone storage cannot be opened. Do not use private mode; close and reopen the app.',
    localMode: 'Trial mode — not connected to the district office',
    enrollNow: 'Enroll',
  },
});
