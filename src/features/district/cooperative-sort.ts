/**
 * Sorting the district table by any column. Pure, so the order is tested without a browser.
 * Text compares the Indonesian way (case- and accent-insensitive, numbers inside names in numeric
 * order); ties fall back to the name so the order never jumps between reloads.
 */
import type { CooperativeSummary } from './api-schemas.ts';

export const SORT_KEYS = ['name', 'village', 'members', 'lastSync', 'savings', 'loans', 'npl', 'flags', 'devices'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export type SortState = { readonly key: SortKey; readonly direction: SortDirection };

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

type Value = string | number;

function valueOf(row: CooperativeSummary, key: SortKey): Value {
  switch (key) {
    case 'name':
      return row.name;
    case 'village':
      return row.village;
    case 'members':
      return row.members;
    case 'lastSync':
      // Never synced sorts as the oldest: it is the one most in need of a visit.
      return row.lastSyncAt === null ? Number.NEGATIVE_INFINITY : Date.parse(row.lastSyncAt);
    case 'savings':
      return row.totals.savings;
    case 'loans':
      return row.totals.loansOutstanding;
    case 'npl':
      return row.totals.nplBp;
    case 'flags':
      return row.pendingFlags;
    case 'devices':
      return row.devices;
  }
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  return collator.compare(String(a), String(b));
}

export function sortCooperatives(rows: readonly CooperativeSummary[], sort: SortState): CooperativeSummary[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * compareValues(valueOf(a, sort.key), valueOf(b, sort.key)) || collator.compare(a.name, b.name) || compareValues(a.id, b.id),
  );
}

/** Clicking the sorted column flips it; another column starts with what is most useful first. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const textual = key === 'name' || key === 'village';
  // Numbers: the biggest (most members, most flags, highest NPL) first; last sync: the oldest first.
  return { key, direction: textual || key === 'lastSync' ? 'ascending' : 'descending' };
}

/** NPL in basis points as a percentage with two decimals: 7525 → `75,25 %` (id) or `75.25%` (en). */
export function formatBp(bp: number, language: 'id' | 'en'): string {
  const whole = Math.trunc(bp / 100);
  const cents = String(Math.abs(bp % 100)).padStart(2, '0');
  return language === 'id' ? `${String(whole)},${cents} %` : `${String(whole)}.${cents}%`;
}
