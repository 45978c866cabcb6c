import { defineMessages, englishLater } from '../../i18n/define-messages.ts';
import type { UserRole } from '../../db/users.ts';
import { clock } from './clock-text.ts';

const ROLE_ID: Record<UserRole, string> = { bendahara: 'Bendahara', ketua: 'Ketua', pengawas: 'Pengawas' };

const id = {
  role: (role: UserRole) => ROLE_ID[role],
  roleHint: (role: UserRole): string =>
    role === 'pengawas' ? 'Hanya melihat, tidak bisa mencatat' : role === 'bendahara' ? 'Semua, termasuk atur pengguna' : 'Semua pencatatan',
  name: 'Nama',
  nameHint: 'Nama yang tercatat di setiap catatan, misalnya "Bu Siti".',
  pin: 'PIN (6 angka)',
  pinAgain: 'Ulangi PIN',
  pinHint: 'Rahasiakan PIN. Jangan pakai tanggal lahir.',
  roleLabelFixed: (role: string) => `Peran: ${role}`,
  errors: {
    nameEmpty: 'Nama wajib diisi.',
    nameLong: 'Nama terlalu panjang (paling banyak 60 huruf).',
    nameTaken: 'Nama ini sudah dipakai pengguna lain di HP ini.',
    pinEmpty: 'PIN wajib diisi.',
    pinDigits: 'PIN hanya boleh berisi angka.',
    pinLength: (n: number) => `PIN harus 6 angka (baru ${n}).`,
    pinMismatch: 'PIN kedua tidak sama dengan yang pertama.',
    pinWrong: (left: number) => `PIN salah. Sisa ${left} kali percobaan sebelum dikunci sementara.`,
    pinWrongLocked: 'PIN salah terlalu sering. Tunggu sebentar lalu coba lagi.',
    pinWrongShort: 'PIN sekarang salah.',
    locked: (seconds: number) => `Terlalu banyak PIN salah. Coba lagi dalam ${clock(seconds)}.`,
    userUnknown: 'Pengguna ini sudah tidak ada di HP ini.',
    saveFailed: 'Gagal menyimpan pengguna. Coba lagi.',
  },
  firstUser: {
    title: 'Buat pengguna pertama',
    intro: 'Anda adalah bendahara koperasi di HP ini. Buat PIN untuk membuka aplikasi.',
    submit: 'Simpan dan masuk',
    saving: 'Menyimpan…',
  },
  lock: {
    title: 'Lumbung terkunci',
    intro: 'Pilih nama Anda lalu masukkan PIN.',
    who: 'Siapa yang memakai HP?',
    unlock: 'Buka',
    checking: 'Memeriksa PIN…',
  },
  page: {
    title: 'Pengguna HP ini',
    menuLabel: 'Pengguna dan PIN',
    menuHint: 'Bendahara, ketua, pengawas; ganti PIN; kunci otomatis',
    intro: 'Setiap orang memakai PIN sendiri. Nama pengguna tercatat di setiap catatan yang ia buat.',
    you: 'Anda',
    lockNow: 'Kunci sekarang',
    listTitle: 'Daftar pengguna',
    addTitle: 'Tambah pengguna',
    roleLabel: 'Peran',
    add: 'Tambah pengguna',
    added: (name: string) => `${name} ditambahkan.`,
    remove: (name: string) => `Hapus ${name}`,
    removeTitle: (name: string) => `Hapus pengguna ${name}?`,
    removeBody: 'Catatan yang sudah ia buat tetap ada dan tetap atas namanya. Ia tidak bisa membuka aplikasi lagi.',
    removeConfirm: 'Ya, hapus',
    removed: (name: string) => `${name} dihapus.`,
    lastTreasurer: 'Bendahara terakhir tidak bisa dihapus.',
    onlyTreasurer: 'Hanya bendahara yang bisa menambah atau menghapus pengguna.',
    changePinTitle: 'Ganti PIN saya',
    currentPin: 'PIN sekarang',
    newPin: 'PIN baru (6 angka)',
    newPinAgain: 'Ulangi PIN baru',
    changePin: 'Ganti PIN',
    pinChanged: 'PIN sudah diganti.',
    autoLockTitle: 'Kunci otomatis',
    autoLockLabel: 'Kunci setelah tidak dipakai selama',
    minutes: (n: number) => `${n} menit`,
  },
};

export type UsersMessages = typeof id;

export const usersMessages = defineMessages({ id, en: englishLater(() => import('./messages.en.ts').then((module) => module.en)) });
