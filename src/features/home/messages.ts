import { defineMessages } from '../../i18n/define-messages.ts';
import type { Via } from '../../domain/entry/schema.ts';
import type { Age } from './pending-age.ts';


const VIA_ID: Record<Via, string> = { cash: 'Kas tunai', bank: 'Bank', qris: 'QRIS' };
const VIA_EN: Record<Via, string> = { cash: 'Cash box', bank: 'Bank', qris: 'QRIS' };

const ageId = (age: Age): string => {
  switch (age.unit) {
    case 'day':
      return `${age.n} hari`;
    case 'hour':
      return `${age.n} jam`;
    case 'minute':
      return `${age.n} menit`;
    case 'now':
      return 'baru saja';
  }
};

const ageEn = (age: Age): string => {
  switch (age.unit) {
    case 'day':
      return age.n === 1 ? '1 day' : `${age.n} days`;
    case 'hour':
      return age.n === 1 ? '1 hour' : `${age.n} hours`;
    case 'minute':
      return age.n === 1 ? '1 minute' : `${age.n} minutes`;
    case 'now':
      return 'just now';
  }
};

export const homeMessages = defineMessages({
  id: {
    title: 'Beranda',
    today: (date: string) => `Hari ini ${date}`,
    signedInAs: (name: string, role: string) => `Masuk sebagai ${name} (${role})`,
    lock: 'Kunci HP',
    offline: 'Tidak ada sinyal. Semua catatan tetap tersimpan di HP dan dikirim saat ada sambungan.',
    cash: {
      title: 'Uang hari ini',
      via: (via: Via) => VIA_ID[via],
      movement: (inText: string, outText: string) => `Hari ini masuk ${inText}, keluar ${outText}`,
      total: 'Jumlah',
    },
    sync: {
      title: 'Pengiriman ke Dinas',
      waiting: (n: number, age: Age) => `${n} entri menunggu, tertua ${ageId(age)}`,
      allSent: 'Semua catatan sudah terkirim.',
      nothingYet: 'Belum ada catatan.',
      localWaiting: (n: number) => `${n} entri tersimpan di HP ini saja. Daftarkan HP agar terkirim ke Dinas.`,
      rejected: (n: number) => `${n} entri ditolak server — periksa di Sinkron.`,
      open: 'Buka Sinkron',
      enroll: 'Daftarkan HP',
    },
    attention: {
      title: 'Perlu perhatian',
      wajib: (n: number, month: string) => `${n} anggota belum lunas simpanan wajib ${month}`,
      wajibNone: (month: string) => `Semua anggota sudah bayar simpanan wajib ${month}.`,
      wajibLink: 'Tagih simpanan wajib',
      noMembers: 'Belum ada anggota aktif.',
      overdue: (n: number, amount: string) => `${n} pinjaman menunggak, sisa pokok ${amount}`,
      overdueNone: 'Tidak ada pinjaman yang menunggak.',
      overdueLink: 'Lihat pinjaman',
      flags: (n: number) => `${n} catatan bertanda perlu diperiksa`,
      flagsNone: 'Tidak ada catatan bertanda.',
      flagsLink: 'Periksa tanda',
    },
    actions: {
      title: 'Mau mencatat apa?',
      deposit: 'Setor simpanan',
      repayment: 'Angsuran',
      cash: 'Kas masuk/keluar',
      member: 'Anggota baru',
      readOnly: 'Anda masuk sebagai pengawas: bisa melihat semua, tidak bisa mencatat.',
    },
  },
  en: {
    title: 'Home',
    today: (date: string) => `Today is ${date}`,
    signedInAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
    lock: 'Lock phone',
    offline: 'No signal. Every entry stays on the phone and is sent when a connection exists.',
    cash: {
      title: 'Money today',
      via: (via: Via) => VIA_EN[via],
      movement: (inText: string, outText: string) => `Today in ${inText}, out ${outText}`,
      total: 'Total',
    },
    sync: {
      title: 'Sending to the district office',
      waiting: (n: number, age: Age) => `${n} entries waiting, oldest ${ageEn(age)}`,
      allSent: 'Every entry has been sent.',
      nothingYet: 'No entries yet.',
      localWaiting: (n: number) => `${n} entries are on this phone only. Enroll the phone to send them to the office.`,
      rejected: (n: number) => `${n} entries refused by the server — see Sync.`,
      open: 'Open Sync',
      enroll: 'Enroll phone',
    },
    attention: {
      title: 'Needs attention',
      wajib: (n: number, month: string) => `${n} members have not fully paid simpanan wajib for ${month}`,
      wajibNone: (month: string) => `Every member has paid simpanan wajib for ${month}.`,
      wajibLink: 'Collect simpanan wajib',
      noMembers: 'No active members yet.',
      overdue: (n: number, amount: string) => `${n} loans overdue, principal outstanding ${amount}`,
      overdueNone: 'No loan is overdue.',
      overdueLink: 'See loans',
      flags: (n: number) => `${n} flagged entries to review`,
      flagsNone: 'No flagged entries.',
      flagsLink: 'Review flags',
    },
    actions: {
      title: 'What would you like to record?',
      deposit: 'Savings deposit',
      repayment: 'Repayment',
      cash: 'Cash in/out',
      member: 'New member',
      readOnly: 'You are signed in as supervisor: you can see everything and record nothing.',
    },
  },
});
