/**
 * Member projections: joins, profile edits, departures, savings balances and the per-period
 * movements SHU and "as of" reports read. Every change comes as a contribution that a reversal can
 * remove exactly; the derived fields are recomputed from the contributions.
 */
import type { EntryData, SavingsKind } from '../entry/schema.ts';
import { rupiah, type Rupiah } from '../money.ts';
import { periodKey, periodsOf } from './periods.ts';
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
    for (const edit of row.edits) {
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
  const months = Object.keys(row.wajibByMonth).sort();
  return {
    ...row,
    profile,
    joinedOn: join?.joinedOn ?? null,
    leftOn: departure?.leftOn ?? null,
    status: join === undefined ? 'unknown' : departure === undefined ? 'active' : 'left',
    lastWajibMonth: months[months.length - 1] ?? null,
  };
}

function isEmpty(row: MemberRow): boolean {
  return (
    row.joins.length === 0 &&
    row.edits.length === 0 &&
    row.departures.length === 0 &&
    row.savings.pokok === 0 &&
    row.savings.wajib === 0 &&
    row.savings.sukarela === 0 &&
    Object.keys(row.wajibByMonth).length === 0
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

type PeriodDelta = Partial<Record<'pokok' | 'wajib' | 'sukarela' | 'interest' | 'purchases', number>>;

/** Adds a signed movement to the member's year, month and day rows. */
export function bumpMemberPeriods(
  state: LedgerState,
  memberId: string,
  date: string,
  delta: PeriodDelta,
  t: Tracker,
): void {
  for (const [grain, period] of periodsOf(date)) {
    const key = periodKey(grain, period, memberId);
    const row = state.memberPeriods.get(key);
    const next: MemberPeriodRow = {
      key,
      memberId,
      grain,
      period,
      pokok: rupiah((row?.pokok ?? 0) + (delta.pokok ?? 0)),
      wajib: rupiah((row?.wajib ?? 0) + (delta.wajib ?? 0)),
      sukarela: rupiah((row?.sukarela ?? 0) + (delta.sukarela ?? 0)),
      interest: rupiah((row?.interest ?? 0) + (delta.interest ?? 0)),
      purchases: rupiah((row?.purchases ?? 0) + (delta.purchases ?? 0)),
    };
    const zero = next.pokok === 0 && next.wajib === 0 && next.sukarela === 0 && next.interest === 0 && next.purchases === 0;
    if (zero) state.memberPeriods.delete(key);
    else state.memberPeriods.set(key, next);
    t.touch('memberPeriods', key);
  }
  noteYear(state, Number(date.slice(0, 4)));
  noteDate(state, date);
}

/**
 * A deposit (`direction` +1) or withdrawal (−1) of one savings kind, posted (`sign` +1) or taken
 * back by a reversal (−1).
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
  updateMember(state, data.memberId, t, (row) => {
    const savings = { ...row.savings, [data.kind]: rupiah(row.savings[data.kind] + delta) };
    if (data.kind !== 'wajib' || direction < 0) return { ...row, savings };
    const month = date.slice(0, 7);
    const deposited = (row.wajibByMonth[month] ?? 0) + sign * data.amount;
    const others = Object.entries(row.wajibByMonth).filter(([m]) => m !== month);
    const kept: [string, Rupiah][] = deposited === 0 ? others : [...others, [month, rupiah(deposited)]];
    const wajibByMonth = Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : 1)));
    return { ...row, savings, wajibByMonth };
  });
  bumpMemberPeriods(state, data.memberId, date, { [data.kind]: delta }, t);
}
