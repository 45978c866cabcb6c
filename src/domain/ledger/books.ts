/**
 * The cooperative-level projections: chart additions, settings and closed years. Each keeps its
 * live contributions in order so a reversal removes exactly one.
 */
import type { EntryData } from '../entry/schema.ts';
import { inServerOrder } from './in-server-order.ts';
import type { Sign } from './posting.ts';
import type { SettingChange } from './rows.ts';
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

/**
 * A setting's value is its last change in the server's order (in-server-order.ts), so phones that
 * folded two offline changes in different orders show what the server shows once both are numbered.
 * The history is kept in that order; readers take the last usable value.
 */
export function applySetting(
  state: LedgerState,
  change: { entryId: string; date: string; serverSeq: number | null },
  data: EntryData<'settings.changed'>,
  sign: Sign,
  t: Tracker,
): void {
  const before = state.settings.get(data.key)?.history ?? [];
  const history =
    sign > 0
      ? inServerOrder([...before, { ...change, value: data.value }])
      : before.filter((c) => c.entryId !== change.entryId);
  storeSetting(state, data.key, history, t);
}

/** Records the serverSeq the server gave a setting change folded before it had one (see server-order.ts). */
export function numberSetting(state: LedgerState, key: string, entryId: string, serverSeq: number, t: Tracker): void {
  const before = state.settings.get(key)?.history ?? [];
  if (!before.some((c) => c.entryId === entryId && c.serverSeq !== serverSeq)) return;
  storeSetting(state, key, inServerOrder(before.map((c) => (c.entryId === entryId ? { ...c, serverSeq } : c))), t);
}

function storeSetting(state: LedgerState, key: string, history: readonly SettingChange[], t: Tracker): void {
  const last = history[history.length - 1];
  if (last === undefined) state.settings.delete(key);
  else state.settings.set(key, { key, history: [...history], value: last.value });
  t.touch('settings', key);
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
