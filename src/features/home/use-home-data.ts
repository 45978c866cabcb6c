import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef } from 'react';
import { outboxStats, type OutboxStats } from '../../db/outbox.ts';
import type { JsonValue } from '../../domain/ledger/index.ts';
import type { Rupiah } from '../../domain/money.ts';
import { getDb } from '../session/database.ts';
import { countFlags, readCashToday, readOverdueLoans, readWajibUnpaid, type OverdueLoans, type ViaCash, type WajibUnpaid, type Wanted } from './home-queries.ts';

/** Each of Beranda's numbers as its own live query (see home-queries.ts); undefined while loading. */
export function useCashToday(today: string): readonly ViaCash[] | undefined {
  return useLiveQuery(() => readCashToday(getDb(), today), [today]);
}

/**
 * False once the component is gone. Beranda's whole-table reads go on page by page after the
 * treasurer has left for a form (a live query's reader cannot be cancelled), competing with the
 * first save; they stop at the next page instead.
 */
function useStillShown(): Wanted {
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);
  return useCallback(() => shown.current, []);
}

export function useWajibUnpaid(month: string, wajib: Rupiah): WajibUnpaid | undefined {
  const wanted = useStillShown();
  return useLiveQuery(() => readWajibUnpaid(getDb(), month, wajib, wanted), [month, wajib]);
}

export function useOverdueLoans(today: string, collectibility: JsonValue | undefined): OverdueLoans | undefined {
  // The preset is compared by value: settings objects are new on every read.
  const key = JSON.stringify(collectibility ?? null);
  const wanted = useStillShown();
  return useLiveQuery(() => readOverdueLoans(getDb(), today, collectibility, wanted), [today, key]);
}

export function useFlagCount(): number | undefined {
  return useLiveQuery(() => countFlags(getDb()), []);
}

export function useOutbox(): OutboxStats | undefined {
  return useLiveQuery(() => outboxStats(getDb()), []);
}
