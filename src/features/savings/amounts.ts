/**
 * The cooperative's savings amounts, set in Pengaturan as `settings.changed` entries (integer
 * rupiah): `simpananPokok` (paid once on joining) and `simpananWajib` (paid every month). Until the
 * treasurer sets them, the examples most AD/ARTs use (research/domain.md §1: Rp50.000 and Rp20.000).
 */
import type { JsonValue } from '../../domain/ledger/index.ts';
import { isRupiah, rupiah, type Rupiah } from '../../domain/money.ts';

export const POKOK_SETTING = 'simpananPokok';
export const WAJIB_SETTING = 'simpananWajib';
export const DEFAULT_POKOK = rupiah(50_000);
export const DEFAULT_WAJIB = rupiah(20_000);

export type SavingsAmounts = { readonly pokok: Rupiah; readonly wajib: Rupiah };

const positive = (value: JsonValue | undefined): Rupiah | undefined =>
  isRupiah(value) && value > 0 ? value : undefined;

export function savingsAmounts(settings: Readonly<Record<string, JsonValue>> | undefined): SavingsAmounts {
  return {
    pokok: positive(settings?.[POKOK_SETTING]) ?? DEFAULT_POKOK,
    wajib: positive(settings?.[WAJIB_SETTING]) ?? DEFAULT_WAJIB,
  };
}
