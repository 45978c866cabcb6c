import { defineMessages } from '../../i18n/define-messages.ts';

export const districtMessages = defineMessages({
  id: {
    title: 'Dinas Koperasi',
    intro: 'Halaman petugas Dinas Koperasi untuk memantau semua koperasi di kabupaten.',
    plan: { p1: 'Masuk petugas Dinas', p2: 'Daftar koperasi dengan jumlah anggota, sinkron terakhir dan catatan yang perlu diperiksa', p3: 'Buat koperasi dan kode pendaftaran HP', p4: 'Laporan setiap koperasi' },
  },
  en: {
    title: 'District office',
    intro: 'Pages for district cooperative office staff to oversee every cooperative in the district.',
    plan: { p1: 'Staff login', p2: 'Cooperatives with member counts, last sync and entries to review', p3: 'Create cooperatives and phone enrollment codes', p4: 'Each cooperative’s reports' },
  },
});
