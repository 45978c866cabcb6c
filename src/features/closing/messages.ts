import { defineMessages } from '../../i18n/define-messages.ts';

export const closingMessages = defineMessages({
  id: {
    title: 'Tutup buku',
    intro: 'Tutup buku akhir tahun dan pembagian SHU kepada anggota.',
    plan: { p1: 'SHU tahun berjalan dan pembagian dana (cadangan, jasa modal, jasa anggota, pengurus, karyawan, pendidikan, sosial)', p2: 'Bagian SHU setiap anggota', p3: 'Tutup tahun buku setelah RAT' },
  },
  en: {
    title: 'Year-end close',
    intro: 'Closing the year and distributing SHU to members.',
    plan: { p1: 'This year’s SHU and its funds (reserve, capital, patronage, board, staff, education, social)', p2: 'Each member’s SHU share', p3: 'Close the year after the annual meeting' },
  },
});
