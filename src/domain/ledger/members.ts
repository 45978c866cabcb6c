/**
 * Member projections: joins, profile edits, departures, savings balances and the per-period
 * movements SHU and "as of" reports read. Every change comes as a contribution that a reversal can
 * remove exactly; the derived fields are recomputed from the contributions.
 */
import type { EntryData, SavingsKind } from '../entry/schema.ts';
import { rupiah, type Rupiah } from '../money.ts';
import { inServerOrder } from './in-server-order.ts';
import { periodKeysOf } from './period-keys.ts';
import type { Sign } from './posting.ts';
import type { MemberEdit, MemberJoin, MemberPeriodRow, MemberProfile, MemberRow } from './rows.ts';
import { addMemberNumber, noteDate, noteYear, removeMemberNumber, type LedgerState } from './state.ts';
import type { Tracker } from './tracker.ts';

const ZERO = rupiah(0);

function blankMember(memberId: string): MemberRow {
  return {
    memberId,
    joins: [],
    edits: [],
    departures: [],
    profile: null,
    joinedOn: null,
    leftOn: null,
    status: 'unknown',
    savings: { pokok: ZERO, wajib: ZERO, sukarela: ZERO },
    savingsEntries: 0,
    wajibByMonth: {},
    lastWajibMonth: null,
  };
}

/** Recomputes the derived fields from the contribution lists. */
function derive(row: MemberRow): MemberRow {
  const join = row.joins[0];
  let profile: MemberProfile | null = null;
  if (join !== undefined) {
    profile = { number: join.number, name: join.name, nik: join.nik, phone: join.phone, address: join.address };
    // Field by field: the last edit (in server order) that sets a field decides it.
    for (const edit of inServerOrder(row.edits)) {
      const c = edit.changes;
      profile = {
        number: profile.number,
        name: c.name ?? profile.name,
        nik: c.nik ?? profile.nik,
        phone: c.phone ?? profile.phone,
        address: c.address ?? profile.address,
      };
    }
  }
  const departure = row.departures[0];
  return {
    ...row,
    profile,
    joinedOn: join?.joinedOn ?? null,
    leftOn: departure?.leftOn ?? null,
    status: join === undefined ? 'unknown' : departure === undefined ? 'active' : 'left',
  };
}

function isEmpty(row: MemberRow): boolean {
  return (
    row.joins.length === 0 &&
    row.edits.length === 0 &&
    row.departures.length === 0 &&
    row.savingsEntries === 0
  );
}

/** Applies `change` to the member's row (creating it if needed) and stores or deletes the result. */
function updateMember(state: LedgerState, memberId: string, t: Tracker, change: (row: MemberRow) => MemberRow): void {
  const before = state.members.get(memberId) ?? blankMember(memberId);
  const after = derive(change(before));
  const numberBefore = before.joins[0]?.number;
  const numberAfter = after.joins[0]?.number;
  if (numberBefore !== numberAfter) {
    if (numberBefore !== undefined) removeMemberNumber(state, numberBefore, memberId);
    if (numberAfter !== undefined) addMemberNumber(state, numberAfter, memberId);
  }
  if (isEmpty(after)) state.members.delete(memberId);
  else state.members.set(memberId, after);
  t.touch('members', memberId);
}

export function applyJoin(
  state: LedgerState,
  entryId: string,
  data: EntryData<'member.joined'>,
  sign: Sign,
  t: Tracker,
): void {
  updateMember(state, data.memberId, t, (row) => {
    if (sign < 0) return { ...row, joins: row.joins.filter((j) => j.entryId !== entryId) };
    const join: MemberJoin = {
      entryId,
      number: data.number,
      name: data.name,
      nik: data.nik ?? null,
      phone: data.phone ?? null,
      address: data.address ?? null,
      joinedOn: data.joinedOn,
    };
    return { ...row, joins: [...row.joins, join] };
  });
}

export function applyEdit(
  state: LedgerState,
  edit: MemberEdit,
  memberId: string,
  sign: Sign,
  t: Tracker,
): void {
  updateMember(state, memberId, t, (row) =>
    sign < 0
      ? { ...row, edits: row.edits.filter((e) => e.entryId !== edit.entryId) }
      : { ...row, edits: [...row.edits, edit] },
  );
}

/**
 * Records the serverSeq the server gave an edit that was folded before it had one (this phone's own
 * edit, acknowledged later). Re-derives the profile: the edit may now sort below other edits.
 */
export function numberEdit(state: LedgerState, memberId: string, entryId: string, serverSeq: number, t: Tracker): void {
  const row = state.members.get(memberId);
  if (row?.edits.some((e) => e.entryId === entryId && e.serverSeq !== serverSeq) !== true) return;
  updateMember(state, memberId, t, (before) => ({
    ...before,
    edits: before.edits.map((e) => (e.entryId === entryId ? { ...e, serverSeq } : e)),
  }));
}

export function applyDeparture(
  state: LedgerState,
  entryId: string,
  data: EntryData<'member.left'>,
  sign: Sign,
  t: Tracker,
): void {
  updateMember(state, data.memberId, t, (row) =>
    sign < 0
      ? { ...row, departures: row.departures.filter((d) => d.entryId !== entryId) }
      : { ...row, departures: [...row.departures, { entryId, leftOn: data.leftOn }] },
  );
}

/** What a member's period rows total: net savings per kind, loan interest paid, purchases. */
export type PeriodField = 'pokok' | 'wajib' | 'sukarela' | 'interest' | 'purchases';

/** Adds a signed movement of one field to the member's month row (and its day, for savings). */
export function bumpMemberPeriods(
  state: LedgerState,
  memberId: string,
  date: string,
  field: PeriodField,
  amount: number,
  t: Tracker,
): void {
  const keys = periodKeysOf(state, date);
  const key = keys.month.keyOf(memberId);
  let row = state.memberPeriods.get(key);
  if (row === undefined) {
    row = blankMonth(key, memberId, keys.month.period);
    state.memberPeriods.set(key, row);
  }
  row[field] = rupiah(row[field] + amount);
  if (field === 'pokok' || field === 'wajib' || field === 'sukarela') bumpDay(row, keys.dayOfMonth, field, amount);
  if (isZeroPeriod(row)) state.memberPeriods.delete(key);
  t.touch('memberPeriods', key);
  noteYear(state, keys.year);
  noteDate(state, date);
}

function blankMonth(key: string, memberId: string, period: string): MemberPeriodRow {
  return { key, memberId, grain: 'm', period, pokok: ZERO, wajib: ZERO, sukarela: ZERO, interest: ZERO, purchases: ZERO, days: {} };
}

function bumpDay(row: MemberPeriodRow, day: string, kind: SavingsKind, amount: number): void {
  const moves = row.days[day];
  if (moves === undefined) {
    const first = { pokok: ZERO, wajib: ZERO, sukarela: ZERO };
    first[kind] = rupiah(amount);
    row.days[day] = first;
    return;
  }
  moves[kind] = rupiah(moves[kind] + amount);
  // Only a reversal empties a day (rare): drop it so the row stays canonical.
  if (moves.pokok === 0 && moves.wajib === 0 && moves.sukarela === 0) {
    row.days = Object.fromEntries(Object.entries(row.days).filter(([d]) => d !== day));
  }
}

const isZeroPeriod = (r: MemberPeriodRow): boolean =>
  r.pokok === 0 &&
  r.wajib === 0 &&
  r.sukarela === 0 &&
  r.interest === 0 &&
  r.purchases === 0 &&
  Object.keys(r.days).length === 0;

/**
 * A deposit (`direction` +1) or withdrawal (−1) of one savings kind, posted (`sign` +1) or taken
 * back by a reversal (−1). The hot path of the fold: the row is updated in place.
 */
export function applySavings(
  state: LedgerState,
  date: string,
  data: { memberId: string; kind: SavingsKind; amount: Rupiah },
  direction: Sign,
  sign: Sign,
  t: Tracker,
): void {
  const delta = direction * sign * data.amount;
  let row = state.members.get(data.memberId);
  if (row === undefined) {
    row = blankMember(data.memberId);
    state.members.set(data.memberId, row);
  }
  row.savings[data.kind] = rupiah(row.savings[data.kind] + delta);
  row.savingsEntries += sign;
  if (data.kind === 'wajib' && direction > 0) {
    const month = date.slice(0, 7);
    const deposited = (row.wajibByMonth[month] ?? 0) + sign * data.amount;
    if (deposited !== 0) {
      row.wajibByMonth[month] = rupiah(deposited);
      if (row.lastWajibMonth === null || month > row.lastWajibMonth) row.lastWajibMonth = month;
    } else {
      // Only a reversal empties a month: rebuild without it (rare, so the copy is fine).
      row.wajibByMonth = Object.fromEntries(Object.entries(row.wajibByMonth).filter(([m]) => m !== month));
      row.lastWajibMonth = latestMonth(row.wajibByMonth);
    }
  }
  if (isEmpty(row)) state.members.delete(data.memberId);
  t.touch('members', data.memberId);
  bumpMemberPeriods(state, data.memberId, date, data.kind, delta, t);
}

function latestMonth(byMonth: Record<string, Rupiah>): string | null {
  let latest: string | null = null;
  for (const month of Object.keys(byMonth)) if (latest === null || month > latest) latest = month;
  return latest;
}
