/**
 * Why an entry was flagged (src/domain/ledger/flags.ts), in words, for the "Tersimpan, ditandai
 * untuk diperiksa" note after a confirmed save and for any list of flags.
 */
import type { FlagReason } from '../../domain/ledger/index.ts';
import { defineMessages } from '../../i18n/define-messages.ts';

const id = {
  'savings-overdrawn': 'Penarikan melebihi saldo simpanan',
  'savings-locked': 'Simpanan pokok/wajib ditarik padahal anggota belum keluar',
  'member-unknown': 'Anggota tidak dikenal',
  'member-left': 'Anggota sudah keluar',
  'member-already-left': 'Anggota sudah tercatat keluar sebelumnya',
  'member-left-with-open-loan': 'Anggota keluar padahal pinjamannya belum lunas',
  'member-id-reused': 'Kode anggota dipakai dua kali',
  'member-number-taken': 'Nomor anggota sudah dipakai anggota lain',
  'member-edit-conflict': 'Data anggota diubah bersamaan di HP lain',
  'member-has-activity': 'Pendaftaran dibatalkan padahal anggota sudah punya transaksi',
  'loan-id-reused': 'Kode pinjaman dipakai dua kali',
  'loan-unknown': 'Pinjaman belum dikenal',
  'loan-member-mismatch': 'Angsuran untuk anggota yang bukan peminjam',
  'repayment-exceeds-outstanding': 'Angsuran melebihi sisa pinjaman',
  'loan-has-repayments': 'Pencairan dibatalkan padahal sudah ada angsuran',
  'date-in-closed-year': 'Tanggal di tahun yang sudah tutup buku',
  'year-already-closed': 'Tahun itu sudah tutup buku',
  'year-close-shu-mismatch': 'SHU tutup buku berbeda dengan pembukuan',
  'account-exists': 'Kode akun sudah ada',
  'setting-invalid': 'Nilai pengaturan tidak bisa dipakai',
  'reversal-invalid': 'Pembatalan tidak sah',
} as const satisfies Record<FlagReason, string>;

const en = {
  'savings-overdrawn': 'Withdrawal beyond the savings balance',
  'savings-locked': 'Pokok/wajib withdrawn while the member has not left',
  'member-unknown': 'Unknown member',
  'member-left': 'The member has left',
  'member-already-left': 'The member had already left',
  'member-left-with-open-loan': 'The member left with a loan not yet repaid',
  'member-id-reused': 'Member id used twice',
  'member-number-taken': 'Member number already used by another member',
  'member-edit-conflict': 'Member details edited at the same time on another phone',
  'member-has-activity': 'Joining reversed while the member has activity',
  'loan-id-reused': 'Loan id used twice',
  'loan-unknown': 'Unknown loan',
  'loan-member-mismatch': 'Repayment by someone other than the borrower',
  'repayment-exceeds-outstanding': 'Repayment beyond the outstanding principal',
  'loan-has-repayments': 'Disbursal reversed while repayments stand',
  'date-in-closed-year': 'Dated in a closed year',
  'year-already-closed': 'The year is already closed',
  'year-close-shu-mismatch': 'Year-close SHU differs from the books',
  'account-exists': 'The account code already exists',
  'setting-invalid': 'The setting value cannot be used',
  'reversal-invalid': 'Invalid reversal',
} as const satisfies Record<FlagReason, string>;

export const flagMessages = defineMessages<Record<FlagReason, string>>({ id, en });

export const flaggedNote = defineMessages({
  id: { note: (reasons: string) => `Ditandai untuk diperiksa pengawas: ${reasons}.` },
  en: { note: (reasons: string) => `Flagged for the supervisors to review: ${reasons}.` },
});
