/**
 * Why a receiver rejects an entry (CONTRACT §3 "Rejected"): only structural faults. Each code is
 * kebab-case and stable; the server stores it with the rejected entry and the phone shows the
 * Indonesian sentence. The sentences live here, not in src/i18n, because the server (which may only
 * import the domain) answers with them too.
 */

export const REJECT_REASONS = [
  'schema-invalid',
  'type-unknown',
  'amount-not-positive',
  'amount-not-integer',
  'amount-too-large',
  'text-untrimmed',
  'cooperative-mismatch',
  'device-mismatch',
  'seq-reused',
  'hash-mismatch',
  'signature-invalid',
  'chain-broken',
  'line-zero',
  'line-two-sided',
  'lines-unbalanced',
  'lines-mismatch',
  'account-unknown',
  'account-exists',
  'account-type-mismatch',
  'reversal-target-unknown',
  'reversal-of-reversal',
  'already-reversed',
  'id-conflict',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export function isRejectReason(value: unknown): value is RejectReason {
  return typeof value === 'string' && (REJECT_REASONS as readonly string[]).includes(value);
}

export const REJECT_REASON_TEXT: Readonly<Record<RejectReason, { id: string; en: string }>> = {
  'schema-invalid': { id: 'Bentuk catatan tidak sesuai format.', en: 'The entry does not match the format.' },
  'type-unknown': { id: 'Jenis catatan tidak dikenal.', en: 'Unknown entry type.' },
  'amount-not-positive': { id: 'Jumlah uang harus lebih dari nol.', en: 'The amount must be more than zero.' },
  'amount-not-integer': { id: 'Jumlah uang harus rupiah bulat.', en: 'The amount must be whole rupiah.' },
  'amount-too-large': { id: 'Jumlah uang terlalu besar.', en: 'The amount is too large.' },
  'text-untrimmed': { id: 'Teks diawali atau diakhiri spasi.', en: 'Text starts or ends with a space.' },
  'cooperative-mismatch': { id: 'Catatan ini milik koperasi lain.', en: 'The entry belongs to another cooperative.' },
  'device-mismatch': { id: 'Catatan ini dibuat oleh perangkat lain.', en: 'The entry was made by another device.' },
  'seq-reused': { id: 'Nomor urut catatan sudah dipakai.', en: 'The sequence number was already used.' },
  'hash-mismatch': { id: 'Sidik catatan (hash) tidak cocok; isinya berubah.', en: 'The hash does not match; the content changed.' },
  'signature-invalid': { id: 'Tanda tangan perangkat tidak sah.', en: 'The device signature is not valid.' },
  'chain-broken': { id: 'Catatan tidak tersambung ke catatan sebelumnya.', en: 'The entry does not link to the previous one.' },
  'line-zero': { id: 'Ada baris jurnal bernilai nol.', en: 'A journal line is zero.' },
  'line-two-sided': { id: 'Baris jurnal berisi debit dan kredit sekaligus.', en: 'A journal line has both debit and credit.' },
  'lines-unbalanced': { id: 'Jurnal tidak seimbang: debit tidak sama dengan kredit.', en: 'The journal does not balance.' },
  'lines-mismatch': { id: 'Baris jurnal tidak sesuai dengan jenis dan isi catatan.', en: 'The journal lines do not match the entry.' },
  'account-unknown': { id: 'Akun tidak ada di bagan akun koperasi.', en: "The account is not in the cooperative's chart." },
  'account-exists': { id: 'Kode akun sudah dipakai.', en: 'The account code already exists.' },
  'account-type-mismatch': { id: 'Golongan akun tidak cocok dengan kodenya.', en: 'The account type does not match its code.' },
  'reversal-target-unknown': { id: 'Catatan yang dibatalkan tidak ditemukan.', en: 'The entry to reverse was not found.' },
  'reversal-of-reversal': { id: 'Pembatalan tidak dapat dibatalkan lagi.', en: 'A reversal cannot be reversed.' },
  'already-reversed': { id: 'Catatan ini sudah dibatalkan.', en: 'The entry was already reversed.' },
  'id-conflict': { id: 'Nomor catatan sudah dipakai untuk isi lain.', en: 'The entry id is already used for other content.' },
};
