/**
 * Monthly wajib collection ("Tagihan simpanan wajib"): who among the active members has not paid
 * the month's wajib, and the deposits that settle it — one `savings.deposited` per member, each its
 * own entry, so an interrupted run leaves whole entries and a rerun lists only who is still unpaid.
 */
import type { LumbungDb } from '../../db/database.ts';
import { daysInMonth } from '../../domain/dates.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export type Unpaid = { member: MemberRow; paid: Rupiah; due: Rupiah };

/**
 * The business date the month's deposits carry: today for the current month; the month's last day
 * for a past month, so the ledger's `wajibByMonth` (keyed by the entry's business-date month) counts
 * the money in the month it settles. Undefined for a future or malformed month.
 */
export function collectionDate(month: string, today: string): string | undefined {
  const match = MONTH_PATTERN.exec(month);
  if (match === null) return undefined;
  const current = today.slice(0, 7);
  if (month > current) return undefined;
  if (month === current) return today;
  const last = daysInMonth(Number(match[1]), Number(match[2]));
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** Active members who joined by the month's end and paid less than `wajib` in that month, by number. */
export function unpaidMembers(members: readonly MemberRow[], month: string, wajib: Rupiah): Unpaid[] {
  const monthEnd = `${month}-31`;
  const out: Unpaid[] = [];
  for (const member of members) {
    if (member.status !== 'active' || member.profile === null) continue;
    if (member.joinedOn !== null && member.joinedOn > monthEnd) continue;
    const paid = member.wajibByMonth[month] ?? rupiah(0);
    if (paid < wajib) out.push({ member, paid, due: rupiah(wajib - paid) });
  }
  return out;
}

/**
 * Every member row, in member-number order (the projection's `number` index holds only members).
 * Run once per month picked, not per keystroke; 5 000 small rows is a fraction of a second.
 */
export async function allMembers(db: LumbungDb): Promise<MemberRow[]> {
  const rows = await db.projections.orderBy('number').toArray();
  return rows.map((row) => row.v as MemberRow);
}

/** A wajib month as people write it: `2026-11` → `11/2026` (matching dates shown as 29/11/2026). */
export function formatMonth(month: string): string {
  const match = MONTH_PATTERN.exec(month);
  return match === null ? month : `${match[2] ?? ''}/${match[1] ?? ''}`;
}
