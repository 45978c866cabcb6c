import { defineMessages } from '../../i18n/define-messages.ts';

export const syncMessages = defineMessages({
  id: {
    title: 'Sinkron',
    intro: 'Kirim catatan HP ke Dinas Koperasi dan terima catatan dari HP lain.',
    plan: { p1: 'Jumlah catatan yang belum terkirim', p2: 'Waktu sinkron terakhir dan hasilnya', p3: 'Tombol Sinkronkan sekarang', p4: 'Catatan yang ditolak server beserta alasannya' },
  },
  en: {
    title: 'Sync',
    intro: 'Send this phone’s entries to the district office and receive entries from other phones.',
    plan: { p1: 'How many entries are not sent yet', p2: 'When the last sync ran and how it went', p3: 'A Sync now button', p4: 'Entries the server rejected, with the reason' },
  },
});
