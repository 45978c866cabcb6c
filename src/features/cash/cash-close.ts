/**
 * Tutup kas harian: the box is counted and compared with the book balance of Kas tunai (1-101).
 * A difference is a fact and is recorded as one entry:
 *
 * - more in the box than the books: `cash.received` 4-190 "Selisih lebih kas …",
 * - less: `cash.paid` 5-190 "Selisih kurang kas …",
 *
 * both `via: cash`, dated the day closed. The close note lives in that entry's memo (the date,
 * counted and book amounts, and the treasurer's note), so it is signed, synced and shown in the
 * cash book like any entry. A close with no difference records nothing: the books already say
 * what the box holds, and a `settings.changed` per day would bury the cooperative's real settings.
 */
import { ACCOUNTS } from '../../domain/chart.ts';
import { formatDateId } from '../../domain/dates.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';
import type { ScreenDraft } from '../forms/index.ts';
import { MEMO_MAX } from './memo-input.ts';

export type CloseOutcome =
  | { readonly kind: 'match' }
  | { readonly kind: 'over'; readonly difference: Rupiah }
  | { readonly kind: 'short'; readonly difference: Rupiah };

export function closeOutcome(book: Rupiah, counted: Rupiah): CloseOutcome {
  if (counted === book) return { kind: 'match' };
  return counted > book ? { kind: 'over', difference: rupiah(counted - book) } : { kind: 'short', difference: rupiah(book - counted) };
}

/**
 * The memo of a difference entry, in Indonesian whatever the screen's language (it is part of the
 * signed books the Dinas and the RAT read): `Selisih kurang kas 29/11/2026: dihitung Rp230.000,
 * catatan Rp232.500 — <note>`, the note shortened so the memo fits CONTRACT's 200 characters.
 */
export function closeMemo(outcome: Exclude<CloseOutcome, { kind: 'match' }>, date: string, counted: Rupiah, book: Rupiah, note: string): string {
  const head = outcome.kind === 'over' ? 'Selisih lebih kas' : 'Selisih kurang kas';
  const base = `${head} ${formatDateId(date)}: dihitung ${formatRupiah(counted)}, catatan ${formatRupiah(book)}`;
  const trimmed = note.trim();
  if (trimmed === '') return base.slice(0, MEMO_MAX);
  const room = MEMO_MAX - base.length - 3;
  return room <= 0 ? base.slice(0, MEMO_MAX) : `${base} — ${trimmed.slice(0, room).trim()}`;
}

/** The entry that records a difference; undefined when the box matches the books. */
export function closeDraft(date: string, outcome: CloseOutcome, memo: string): ScreenDraft | undefined {
  switch (outcome.kind) {
    case 'match':
      return undefined;
    case 'over':
      return {
        type: 'cash.received',
        date,
        data: { account: ACCOUNTS.otherIncome, amount: outcome.difference, via: 'cash', memo },
      };
    case 'short':
      return {
        type: 'cash.paid',
        date,
        data: { account: ACCOUNTS.otherExpense, amount: outcome.difference, via: 'cash', memo },
      };
  }
}
