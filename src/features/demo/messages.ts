import { defineMessages, englishLater } from '../../i18n/define-messages.ts';

const id = {
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
};

export type DemoMessages = typeof id;

export const demoMessages = defineMessages({ id, en: englishLater(() => import('./messages.en.ts').then((module) => module.en)) });
