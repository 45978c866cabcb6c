import { defineMessages } from '../../i18n/define-messages.ts';

export const demoMessages = defineMessages({
  id: {
    banner: 'DEMO — koperasi contoh untuk mencoba Lumbung. Datanya bukan data sungguhan.',
    title: 'Koperasi contoh',
    intro: 'Muat "Koperasi Desa Sumber Makmur (DEMO)": 60 anggota, dua tahun simpanan, pinjaman, penjualan gerai dan tutup buku, untuk mencoba semua layar.',
    onlyEmpty: 'Koperasi contoh hanya bisa dimuat di HP mode coba yang belum punya catatan, agar tidak tercampur dengan data sungguhan.',
    load: 'Muat koperasi contoh',
    resume: 'Lanjutkan memuat koperasi contoh',
    loaded: 'Koperasi contoh sudah dimuat di HP ini.',
    loading: (done: number, total: number) => `Memuat ${String(done)} dari ${String(total)} catatan…`,
    progressLabel: 'Kemajuan memuat koperasi contoh',
    done: (n: number) => `Selesai: ${String(n)} catatan koperasi contoh dimuat.`,
    failed: 'Memuat berhenti. Catatan yang sudah dimuat tetap ada; tekan lagi untuk melanjutkan.',
    welcomeTitle: 'Coba dengan koperasi contoh',
    welcomeHint: 'Mode coba berisi data contoh dua tahun (DEMO), untuk melihat semua layar terisi.',
  },
  en: {
    banner: 'DEMO — a sample cooperative for trying Lumbung. Its data is not real.',
    title: 'Sample cooperative',
    intro: 'Load "Koperasi Desa Sumber Makmur (DEMO)": 60 members, two years of savings, loans, shop sales and year closes, to try every screen.',
    onlyEmpty: 'The sample cooperative can only be loaded on a trial-mode phone with no entries yet, so it never mixes with real data.',
    load: 'Load the sample cooperative',
    resume: 'Continue loading the sample cooperative',
    loaded: 'The sample cooperative is loaded on this phone.',
    loading: (done: number, total: number) => `Loading ${String(done)} of ${String(total)} entries…`,
    progressLabel: 'Progress loading the sample cooperative',
    done: (n: number) => `Done: ${String(n)} entries of the sample cooperative loaded.`,
    failed: 'Loading stopped. Entries already loaded stay; tap again to continue.',
    welcomeTitle: 'Try with a sample cooperative',
    welcomeHint: 'Trial mode filled with two years of sample data (DEMO), to see every screen in use.',
  },
});
