import { defineMessages } from '../../i18n/define-messages.ts';

export const deviceMessages = defineMessages({
  id: {
    storageTitle: 'Penyimpanan di HP',
    used: 'Terpakai',
    usageOf: (used: string, quota: string) => `${used} dari ${quota}`,
    unknown: 'Tidak diketahui',
    persisted: 'Data dilindungi: browser tidak akan menghapusnya walau ruang penyimpanan penuh.',
    notPersisted:
      'Data belum dilindungi: jika ruang penyimpanan HP penuh, browser boleh menghapusnya. Pasang Lumbung ke layar utama, lalu tekan Lindungi data.',
    unsupported: 'Browser ini tidak mendukung perlindungan penyimpanan.',
    protect: 'Lindungi data',
    protecting: 'Meminta izin…',
    denied: 'Browser belum mengizinkan. Pasang Lumbung ke layar utama, lalu coba lagi.',
    loading: 'Memeriksa penyimpanan…',
    protection: 'Perlindungan',
    protectedYes: 'Dilindungi',
    protectedNo: 'Belum dilindungi',
  },
  en: {
    storageTitle: 'Storage on this phone',
    used: 'Used',
    usageOf: (used: string, quota: string) => `${used} of ${quota}`,
    unknown: 'Unknown',
    persisted: 'Data is protected: the browser will not delete it even when storage runs low.',
    notPersisted:
      'Data is not protected yet: if the phone runs out of space, the browser may delete it. Install Lumbung to the home screen, then press Protect data.',
    unsupported: 'This browser cannot protect storage.',
    protect: 'Protect data',
    protecting: 'Asking for permission…',
    denied: 'The browser has not allowed it yet. Install Lumbung to the home screen, then try again.',
    loading: 'Checking storage…',
    protection: 'Protection',
    protectedYes: 'Protected',
    protectedNo: 'Not protected',
  },
});
