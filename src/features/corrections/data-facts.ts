/**
 * An entry's `data` as label/value pairs a treasurer can read: amounts as rupiah, dates as
 * 29/11/2026, rates as percent, ids as links to the member, loan or entry they name. Keys this
 * screen does not know (a newer entry type) still show, with the raw key and JSON value.
 */
import { formatDateId, isValidBusinessDate } from '../../domain/dates.ts';
import type { Entry } from '../../domain/entry/schema.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { isRupiah } from '../../domain/money.ts';
import { formatBpPercent } from '../loans/rate-input.ts';

export type DataFact =
  | { readonly key: string; readonly kind: 'text'; readonly value: string }
  | { readonly key: string; readonly kind: 'link'; readonly value: string; readonly to: string };

const MONEY_KEYS = new Set(['amount', 'principal', 'interest', 'fine', 'adminFee', 'shu']);
const DATE_KEYS = new Set(['joinedOn', 'leftOn', 'firstDue']);
const VIA_WORDS: Record<string, string> = { cash: 'Tunai', bank: 'Bank', qris: 'QRIS' };
const METHOD_WORDS: Record<string, string> = { flat: 'Flat', menurun: 'Menurun', anuitas: 'Anuitas' };

function factOf(key: string, value: unknown): DataFact {
  if (MONEY_KEYS.has(key) && typeof value === 'number' && isRupiah(value)) return { key, kind: 'text', value: formatRupiah(value) };
  if (DATE_KEYS.has(key) && isValidBusinessDate(value)) return { key, kind: 'text', value: formatDateId(value) };
  if (key === 'memberId' && typeof value === 'string') return { key, kind: 'link', value, to: `/anggota/${value}` };
  if (key === 'loanId' && typeof value === 'string') return { key, kind: 'link', value, to: `/pinjaman/${value}` };
  if (key === 'entryId' && typeof value === 'string') return { key, kind: 'link', value, to: `/entri/${value}` };
  if (key === 'rateBp' && typeof value === 'number') return { key, kind: 'text', value: `${formatBpPercent(value)} per bulan` };
  if (key === 'fineBpPerDay' && typeof value === 'number') return { key, kind: 'text', value: `${formatBpPercent(value)} per hari` };
  if ((key === 'via' || key === 'from' || key === 'to') && typeof value === 'string') return { key, kind: 'text', value: VIA_WORDS[value] ?? value };
  if (key === 'method' && typeof value === 'string') return { key, kind: 'text', value: METHOD_WORDS[value] ?? value };
  if (typeof value === 'string') return { key, kind: 'text', value };
  if (typeof value === 'number') return { key, kind: 'text', value: String(value) };
  return { key, kind: 'text', value: JSON.stringify(value) };
}

export function dataFacts(entry: Entry): DataFact[] {
  return Object.entries(entry.data).map(([key, value]) => factOf(key, value));
}
