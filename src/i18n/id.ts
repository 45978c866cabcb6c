// The app frame's messages in Bahasa Indonesia: the source of truth. `en.ts` is typed against this
// object, so a key missing in English is a compile error. Feature screens keep their own messages
// beside them (src/features/<x>/messages.ts, via defineMessages) so this file stays small.
export const id = {
  app: {
    name: 'Lumbung',
    tagline: 'Pembukuan koperasi desa',
    skipToContent: 'Langsung ke isi',
    loading: 'Memuat…',
  },
  nav: {
    label: 'Menu utama',
    home: 'Beranda',
    members: 'Anggota',
    savings: 'Simpanan',
    loans: 'Pinjaman',
    more: 'Lainnya',
    cash: 'Kas',
    reports: 'Laporan',
    closing: 'Tutup buku',
    sync: 'Sinkron',
    settings: 'Pengaturan',
    about: 'Tentang',
    district: 'Dinas Koperasi',
  },
  // Titles (document.title) of lazy screens whose own messages load with them: the route table is in
  // the first load, their catalogues are not (docs/performance.md §1). Same words as their headings.
  titles: {
    receipt: 'Kuitansi',
    corrections: 'Koreksi',
    entry: 'Rincian catatan',
  },
  more: {
    title: 'Lainnya',
    intro: 'Menu lain untuk pembukuan, sinkronisasi dan pengaturan.',
    cash: 'Kas masuk, kas keluar dan pindah kas',
    reports: 'Neraca, laba rugi, buku kas dan laporan anggota',
    closing: 'Tutup buku akhir tahun dan pembagian SHU',
    sync: 'Kirim dan terima data dari Dinas Koperasi',
    settings: 'Bahasa, penyimpanan dan data koperasi',
    about: 'Versi aplikasi dan keadaan penyimpanan',
  },
  language: {
    label: 'Bahasa',
    id: 'Bahasa Indonesia',
    en: 'English',
  },
  notFound: {
    title: 'Halaman tidak ditemukan',
    body: (path: string) => `Alamat ${path} tidak ada di Lumbung. Mungkin tautannya salah ketik atau halamannya sudah dipindah.`,
    home: 'Kembali ke Beranda',
  },
  routeError: {
    title: 'Halaman ini gagal dibuka',
    body: 'Terjadi kesalahan saat menampilkan halaman ini. Data yang sudah tersimpan tetap aman.',
    retry: 'Coba lagi',
    home: 'Kembali ke Beranda',
    details: 'Keterangan teknis',
  },
  update: {
    available: 'Versi baru tersedia',
    reload: 'Muat ulang',
    later: 'Nanti',
    reloading: 'Memuat versi baru…',
  },
  topBar: {
    noCooperative: 'Belum terdaftar ke koperasi',
  },
};
