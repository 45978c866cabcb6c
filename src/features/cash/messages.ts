import { defineMessages } from '../../i18n/define-messages.ts';

export const cashMessages = defineMessages({
  id: {
    title: 'Kas',
    intro: 'Uang masuk dan keluar koperasi di luar simpanan dan pinjaman.',
    plan: { p1: 'Kas masuk: penjualan, hibah, pendapatan lain', p2: 'Kas keluar: gaji, rapat, ATK, listrik, transport', p3: 'Pindah kas antara tunai, bank dan QRIS', p4: 'Saldo kas hari ini' },
  },
  en: {
    title: 'Cash',
    intro: 'The cooperative’s money in and out besides savings and loans.',
    plan: { p1: 'Cash in: sales, grants, other income', p2: 'Cash out: wages, meetings, stationery, electricity, transport', p3: 'Transfers between cash, bank and QRIS', p4: 'Today’s cash balance' },
  },
});
