import { defineMessages } from '../../i18n/define-messages.ts';

export const reportsMessages = defineMessages({
  id: {
    title: 'Laporan',
    intro: 'Laporan keuangan koperasi, dihitung di HP tanpa sinyal.',
    plan: { p1: 'Neraca per tanggal', p2: 'Laporan laba rugi (SHU berjalan)', p3: 'Buku kas harian', p4: 'Laporan simpanan dan pinjaman anggota', p5: 'Cetak atau bagikan untuk RAT' },
  },
  en: {
    title: 'Reports',
    intro: 'The cooperative’s financial reports, computed on the phone without a signal.',
    plan: { p1: 'Balance sheet as of a date', p2: 'Income statement (current SHU)', p3: 'Daily cash book', p4: 'Members’ savings and loans report', p5: 'Print or share for the annual meeting' },
  },
});
