import { defineMessages, englishLater } from '../../i18n/define-messages.ts';

const id = {
  loading: 'Membuka buku…',
  storageFailed: 'Penyimpanan HP tidak bisa dibuka. Jangan gunakan mode penyamaran; tutup lalu buka lagi aplikasinya.',
  localMode: 'Mode coba — belum terhubung ke Dinas',
  enrollNow: 'Daftarkan',
};

export type SessionMessages = typeof id;

export const sessionMessages = defineMessages({ id, en: englishLater(() => import('./messages.en.ts').then((module) => module.en)) });
