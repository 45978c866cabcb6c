import { defineMessages } from '../../i18n/define-messages.ts';

export const homeMessages = defineMessages({
  id: {
    title: 'Beranda',
    today: (date: string) => `Hari ini ${date}`,
    shortcutsTitle: 'Mau mencatat apa?',
    savings: 'Setor atau tarik simpanan',
    loans: 'Pinjaman dan angsuran',
    members: 'Cari atau daftarkan anggota',
    cash: 'Kas masuk dan keluar',
    reports: 'Lihat laporan',
    offline: 'Tidak ada sinyal. Semua catatan tetap tersimpan di HP dan dikirim saat ada sambungan.',
  },
  en: {
    title: 'Home',
    today: (date: string) => `Today is ${date}`,
    shortcutsTitle: 'What would you like to record?',
    savings: 'Deposit or withdraw savings',
    loans: 'Loans and repayments',
    members: 'Find or register a member',
    cash: 'Cash in and out',
    reports: 'See reports',
    offline: 'No signal. Every entry stays on the phone and is sent when a connection exists.',
  },
});
