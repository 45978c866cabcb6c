import { defineMessages } from '../../i18n/define-messages.ts';

export const aboutMessages = defineMessages({
  id: {
    title: 'Tentang Lumbung',
    intro:
      'Lumbung adalah aplikasi pembukuan koperasi desa untuk bendahara. Semua catatan tersimpan di HP dan tetap bisa dicatat tanpa sinyal, lalu dikirim ke Dinas Koperasi saat ada sambungan.',
    appTitle: 'Aplikasi',
    version: 'Versi',
    builtAt: 'Dibuat',
    development: 'Pengembangan',
    offlineTitle: 'Mode tanpa sinyal',
    swUnsupported: 'Browser ini tidak mendukung mode tanpa sinyal.',
    swNone: 'Belum siap: buka aplikasi sekali lagi saat ada sinyal.',
    swInstalling: 'Sedang disiapkan…',
    swWaiting: 'Versi baru sudah diunduh dan menunggu dimuat ulang.',
    swActive: 'Siap: Lumbung bisa dibuka tanpa sinyal.',
    swChecking: 'Memeriksa…',
  },
  en: {
    title: 'About Lumbung',
    intro:
      'Lumbung is a bookkeeping app for village cooperative treasurers. Every entry is stored on the phone and can be recorded without a signal, then sent to the district office when a connection exists.',
    appTitle: 'App',
    version: 'Version',
    builtAt: 'Built',
    development: 'Development',
    offlineTitle: 'Offline mode',
    swUnsupported: 'This browser does not support offline mode.',
    swNone: 'Not ready: open the app once more while online.',
    swInstalling: 'Being prepared…',
    swWaiting: 'A new version has been downloaded and waits for a reload.',
    swActive: 'Ready: Lumbung opens without a signal.',
    swChecking: 'Checking…',
  },
});
