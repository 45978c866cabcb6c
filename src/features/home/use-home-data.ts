import { useLiveQuery } from 'dexie-react-hooks';
import { outboxStats, type OutboxStats } from '../../db/outbox.ts';
import type { JsonValue } from '../../domain/ledger/index.ts';
import type { Rupiah } from '../../domain/money.ts';
import { getDb } from '../session/database.ts';
import { countFlags, readCashToday, readOverdueLoans, readWajibUnpaid, type OverdueLoans, type ViaCash, type WajibUnpaid } from './home-queries.ts';

/** Each of Beranda's numbers as its own live query (see home-queries.ts); undefined while loading. */
export function useCashToday(today: string): readonly ViaCash[] | undefined {
  return useLiveQuery(() => readCashToday(getDb(), today), [today]);
}

export function useWajibUnpaid(month: string, wajib: Rupiah): WajibUnpaid | undefined {
  return useLiveQuery(() => readWajibUnpaid(getDb(), month, wajib), [month, wajib]);
}

export function useOverdueLoans(today: string, collectibility: JsonValue | undefined): OverdueLoans | undefined {
  // The preset is compared by value: settings objects are new on every read.
  const key = JSON.stringify(collectibility ?? null);
  return useLiveQuery(() => readOverdueLoans(getDb(), today, collectibility), [today, key]);
}

export function useFlagCount(): number | undefined {
  return useLiveQuery(() => countFlags(getDb()), []);
}

export function useOutbox(): OutboxStats | undefined {
  return useLiveQuery(() => outboxStats(getDb()), []);
}
