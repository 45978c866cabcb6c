import { defineMessages } from '../../i18n/define-messages.ts';

export const membersMessages = defineMessages({
  id: {
    title: 'Anggota',
    intro: 'Daftar anggota koperasi dan buku masing-masing anggota.',
    plan: { p1: 'Cari anggota menurut nama atau nomor anggota', p2: 'Daftarkan anggota baru, ubah data, dan catat anggota yang keluar', p3: 'Buku anggota: saldo simpanan pokok, wajib dan sukarela serta sisa pinjaman' },
  },
  en: {
    title: 'Members',
    intro: 'The cooperative’s members and each member’s book.',
    plan: { p1: 'Search members by name or member number', p2: 'Register a new member, edit details, record a member leaving', p3: 'A member’s book: pokok, wajib and sukarela savings balances and outstanding loans' },
  },
});
