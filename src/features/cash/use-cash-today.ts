import { useLiveQuery } from 'dexie-react-hooks';
import type { Via } from '../../domain/entry/schema.ts';
import type { Rupiah } from '../../domain/money.ts';
import { readCashToday, type ViaCash } from '../home/home-queries.ts';
import { getDb } from '../session/index.ts';

/**
 * Cash, bank and QRIS at the end of `today`, live (the same read as Beranda, so both screens show
 * the same balance). Undefined while loading.
 */
export function useCashToday(today: string): readonly ViaCash[] | undefined {
  return useLiveQuery(() => readCashToday(getDb(), today), [today]);
}

export function balanceOf(cash: readonly ViaCash[] | undefined, via: Via): Rupiah | undefined {
  return cash?.find((row) => row.via === via)?.balance;
}
