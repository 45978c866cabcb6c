/**
 * The cash book's description of an entry that moves money: the treasurer's own memo where the
 * entry has one, otherwise a short Indonesian line built from the entry (names are not used: they
 * can change later, the description must not).
 */
import type { SavingsKind, Via } from '../entry/schema.ts';
import type { EntryIndexRow } from './rows.ts';

const VIA_NAME: Readonly<Record<Via, string>> = { cash: 'kas', bank: 'bank', qris: 'QRIS' };

// Fixed strings, so a hundred thousand cash moves share a handful of memo strings.
const DEPOSIT: Readonly<Record<SavingsKind, string>> = {
  pokok: 'Setoran simpanan pokok',
  wajib: 'Setoran simpanan wajib',
  sukarela: 'Setoran simpanan sukarela',
};
const WITHDRAWAL: Readonly<Record<SavingsKind, string>> = {
  pokok: 'Penarikan simpanan pokok',
  wajib: 'Penarikan simpanan wajib',
  sukarela: 'Penarikan simpanan sukarela',
};

export function cashMemo(row: EntryIndexRow): string {
  switch (row.type) {
    case 'savings.deposited':
      return DEPOSIT[row.data.kind];
    case 'savings.withdrawn':
      return WITHDRAWAL[row.data.kind];
    case 'loan.disbursed':
      return 'Pencairan pinjaman';
    case 'loan.repaid':
      return 'Angsuran pinjaman';
    case 'cash.received':
    case 'cash.paid':
      return row.data.memo;
    case 'cash.transferred':
      return `Pemindahan dana ${VIA_NAME[row.data.from]} ke ${VIA_NAME[row.data.to]}`;
    case 'entry.reversed':
      return `Koreksi: ${row.data.reason}`;
    case 'member.joined':
    case 'member.updated':
    case 'member.left':
    case 'account.added':
    case 'settings.changed':
    case 'year.closed':
      return '';
  }
}
