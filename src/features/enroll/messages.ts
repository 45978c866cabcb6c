import { defineMessages, englishLater } from '../../i18n/define-messages.ts';

const id = {
  welcome: {
    title: 'Selamat datang di Lumbung',
    intro: 'Buku kas koperasi desa di HP Anda. Semua catatan tersimpan di HP, juga tanpa sinyal.',
    enrollTitle: 'Daftarkan HP ini',
    enrollHint: 'Pakai kode dari Dinas Koperasi. Catatan akan terkirim ke Dinas saat ada sinyal.',
    tryTitle: 'Coba dulu tanpa mendaftar',
    tryHint: 'Catat seperti biasa. Bisa didaftarkan nanti tanpa kehilangan catatan.',
    starting: 'Menyiapkan HP…',
    languageLegend: 'Bahasa',
    languageHint: 'Bisa diganti lagi di Pengaturan.',
    back: 'Kembali',
  },
  form: {
    title: 'Daftarkan HP ini',
    intro: 'Masukkan kode pendaftaran dari Dinas Koperasi. Kode hanya bisa dipakai sekali, selama 7 hari.',
    code: 'Kode pendaftaran',
    codeHint: '12 huruf dan angka, misalnya ABCD-EFGH-JK23.',
    server: 'Alamat server Dinas',
    serverHint: 'Biarkan seperti ini kecuali petugas Dinas memberi alamat lain.',
    deviceName: 'Nama HP ini',
    deviceNameHint: 'Agar Dinas tahu HP mana, misalnya "HP Bendahara".',
    defaultDeviceName: 'HP Bendahara',
    submit: 'Daftarkan',
    sending: 'Mendaftarkan…',
    success: (name: string) => `HP ini sudah terdaftar di ${name}.`,
    reissued: (n: number) => `${n} catatan dari mode coba kini tercatat atas nama koperasi ini dan akan dikirim ke Dinas.`,
  },
  errors: {
    codeEmpty: 'Kode pendaftaran wajib diisi.',
    codeCharacters: 'Kode hanya berisi huruf dan angka.',
    codeShort: (n: number) => `Kode terlalu pendek: ${n} dari 12 huruf dan angka.`,
    codeLong: (n: number) => `Kode terlalu panjang: ${n}, seharusnya 12 huruf dan angka.`,
    serverEmpty: 'Alamat server wajib diisi.',
    serverInvalid: 'Alamat server tidak sah. Contoh: https://lumbung.dinas.go.id',
    deviceNameEmpty: 'Nama HP wajib diisi.',
    deviceNameLong: 'Nama HP terlalu panjang (paling banyak 60 huruf).',
    startFailed: 'HP belum bisa disiapkan. Tutup lalu buka lagi aplikasinya.',
  },
  page: {
    title: 'Pendaftaran HP',
    localMode: 'Mode coba — belum terhubung ke Dinas',
    localIntro: 'Catatan Anda tersimpan di HP ini saja. Daftarkan HP agar tercatat di Dinas Koperasi; semua catatan tetap ada.',
    enrolled: (name: string) => `HP ini terdaftar di ${name}.`,
    enrolledAt: (date: string) => `Sejak ${date}.`,
  },
};

export type EnrollMessages = typeof id;

export const enrollMessages = defineMessages({ id, en: englishLater(() => import('./messages.en.ts').then((module) => module.en)) });
