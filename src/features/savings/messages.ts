import { defineMessages } from '../../i18n/define-messages.ts';

export const savingsMessages = defineMessages({
  id: {
    title: 'Simpanan',
    intro: 'Setoran dan penarikan simpanan anggota, dengan bukti setor.',
    plan: { p1: 'Setor simpanan pokok, wajib atau sukarela — tunai, bank atau QRIS', p2: 'Tarik simpanan sukarela', p3: 'Bukti setor yang bisa dibagikan atau dicetak', p4: 'Daftar setoran hari ini' },
  },
  en: {
    title: 'Savings',
    intro: 'Members’ deposits and withdrawals, with receipts.',
    plan: { p1: 'Deposit pokok, wajib or sukarela savings — cash, bank or QRIS', p2: 'Withdraw sukarela savings', p3: 'A receipt to share or print', p4: 'Today’s deposits' },
  },
});
