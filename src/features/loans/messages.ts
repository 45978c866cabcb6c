import { defineMessages } from '../../i18n/define-messages.ts';

export const loansMessages = defineMessages({
  id: {
    title: 'Pinjaman',
    intro: 'Pinjaman anggota: pencairan, jadwal angsuran dan pembayaran.',
    plan: { p1: 'Cairkan pinjaman dengan bunga flat, menurun atau anuitas', p2: 'Jadwal angsuran dan tanggal jatuh tempo', p3: 'Catat angsuran, bunga dan denda', p4: 'Daftar pinjaman menurut kolektibilitas (lancar sampai macet)' },
  },
  en: {
    title: 'Loans',
    intro: 'Member loans: disbursement, installment schedules and repayments.',
    plan: { p1: 'Disburse a loan with flat, declining or annuity interest', p2: 'Installment schedule and due dates', p3: 'Record repayments, interest and fines', p4: 'Loans by collectibility (current to bad)' },
  },
});
