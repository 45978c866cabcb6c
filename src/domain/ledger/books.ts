/**
 * The cooperative-level projections: chart additions, settings and closed years. Each keeps its
 * live contributions in order so a reversal removes exactly one.
 */
import type { EntryData } from '../entry/schema.ts';
import type { Sign } from './posting.ts';
import type { LedgerState } from './state.ts';
import type { Tracker } from './tracker.ts';

export function applyAccountAdded(
  state: LedgerState,
  entryId: string,
  data: EntryData<'account.added'>,
  sign: Sign,
  t: Tracker,
): void {
  const existing = state.chart.get(data.code);
  if (sign > 0) {
    // A code that exists already is flagged and ignored: the first definition stands.
    if (existing !== undefined) return;
    state.chart.set(data.code, { code: data.code, name: data.name, type: data.type, addedBy: entryId });
  } else {
    if (existing?.addedBy !== entryId) return;
    state.chart.delete(data.code);
  }
  t.touch('chart', data.code);
}

export function applySetting(
  state: LedgerState,
  entryId: string,
  date: string,
  data: EntryData<'settings.changed'>,
  sign: Sign,
  t: Tracker,
): void {
  const row = state.settings.get(data.key);
  const before = row?.history ?? [];
  const history =
    sign > 0 ? [...before, { entryId, date, value: data.value }] : before.filter((c) => c.entryId !== entryId);
  const last = history[history.length - 1];
  if (last === undefined) state.settings.delete(data.key);
  else state.settings.set(data.key, { key: data.key, history, value: last.value });
  t.touch('settings', data.key);
}

export function applyYearClosed(
  state: LedgerState,
  entryId: string,
  date: string,
  data: { year: number; shu: EntryData<'year.closed'>['shu'] },
  sign: Sign,
  t: Tracker,
): void {
  const key = String(data.year);
  const before = state.closedYears.get(key)?.closings ?? [];
  const closings =
    sign > 0 ? [...before, { entryId, date, shu: data.shu }] : before.filter((c) => c.entryId !== entryId);
  if (closings.length === 0) state.closedYears.delete(key);
  else state.closedYears.set(key, { year: data.year, closings });
  t.touch('closedYears', key);
}

export function isYearClosed(state: LedgerState, year: number): boolean {
  return state.closedYears.has(String(year));
}
