/**
 * The review flags an entry earns against the state it is folded into (CONTRACT §3
 * "accepted_flagged"). Pure reads: `applyEntry` calls this before it mutates, and `previewFlags`
 * calls it alone so the phone can warn before the treasurer saves.
 *
 * Judgements use the state as folded so far (all dates), not the state at the entry's business
 * date: an overdraft is "this kind's balance would go below zero", which is what a reviewer checks.
 */
import { parseCollectibilityPreset } from '../collectibility.ts';
import type { EntryData, EntryOf, EntryType, JournalLine } from '../entry/schema.ts';
import { MAX_RUPIAH } from '../money.ts';
import { parseShuAllocation } from '../shu.ts';
import { isYearClosed } from './books.ts';
import { decodeCursor } from './cursor.ts';
import type { Flag, FlagReason } from './flags.ts';
import { shuOfYear } from './queries.ts';
import type { EntryIndexRow, FlagDetails, MemberRow } from './rows.ts';
import type { LedgerState } from './state.ts';

/** The fields of an entry the fold reads; signed and unsigned entries both have them. */
export type FoldableEntry = {
  [T in EntryType]: Pick<EntryOf<T>, 'id' | 'type' | 'date' | 'deviceId' | 'data' | 'lines'>;
}[EntryType];

class FlagList {
  readonly flags: Flag[] = [];
  constructor(private readonly entryId: string) {}
  add(reason: FlagReason, details?: FlagDetails): void {
    this.flags.push(details === undefined ? { entryId: this.entryId, reason } : { entryId: this.entryId, reason, details });
  }
}

const hasJoined = (m: MemberRow | undefined): m is MemberRow => m !== undefined && m.joins.length > 0;

function checkMemberActive(state: LedgerState, memberId: string, date: string, out: FlagList): void {
  const member = state.members.get(memberId);
  if (!hasJoined(member)) out.add('member-unknown', { memberId });
  else if (member.leftOn !== null && member.leftOn <= date) out.add('member-left', { memberId, leftOn: member.leftOn });
}

function checkClosedYear(state: LedgerState, date: string, lines: readonly JournalLine[], out: FlagList): void {
  if (state.closedYears.size === 0) return;
  const year = Number(date.slice(0, 4));
  if (lines.length > 0 && isYearClosed(state, year)) out.add('date-in-closed-year', { year });
}

/**
 * `serverSeq`: the entry's own position in the server's order when the folder knows it. A phone may
 * already hold edits the server ordered AFTER this entry (its own, folded earlier); those cannot
 * have been seen by this entry's author, but they do not conflict with it either — the later edit
 * is the one the server flagged.
 */
export function inspectEntry(state: LedgerState, entry: FoldableEntry, serverSeq: number | null = null): Flag[] {
  const out = new FlagList(entry.id);
  switch (entry.type) {
    case 'member.joined':
      inspectJoin(state, entry.data, out);
      break;
    case 'member.updated':
      inspectEdit(state, entry.deviceId, entry.data, serverSeq, out);
      break;
    case 'member.left': {
      const member = state.members.get(entry.data.memberId);
      if (!hasJoined(member)) out.add('member-unknown', { memberId: entry.data.memberId });
      else if (member.departures.length > 0) out.add('member-already-left', { memberId: entry.data.memberId });
      // Only the departure that takes effect asks about open loans; a repeated one is flagged as such.
      else checkOpenLoans(state, entry.data.memberId, out);
      break;
    }
    case 'savings.deposited':
      checkMemberActive(state, entry.data.memberId, entry.date, out);
      break;
    case 'savings.withdrawn':
      inspectWithdrawal(state, entry.data, out);
      break;
    case 'loan.disbursed': {
      if ((state.loans.get(entry.data.loanId)?.disbursals.length ?? 0) > 0) {
        out.add('loan-id-reused', { loanId: entry.data.loanId });
      }
      checkMemberActive(state, entry.data.memberId, entry.date, out);
      break;
    }
    case 'loan.repaid':
      inspectRepayment(state, entry.data, out);
      break;
    case 'cash.received': {
      const memberId = entry.data.memberId;
      if (memberId !== undefined && !hasJoined(state.members.get(memberId))) out.add('member-unknown', { memberId });
      break;
    }
    case 'cash.paid':
    case 'cash.transferred':
      break;
    case 'entry.reversed':
      inspectReversal(state, entry.data.entryId, out);
      return out.flags;
    case 'account.added':
      if (state.chart.has(entry.data.code)) out.add('account-exists', { code: entry.data.code });
      break;
    case 'settings.changed':
      if (!settingIsUsable(entry.data.key, entry.data.value)) out.add('setting-invalid', { key: entry.data.key });
      break;
    case 'year.closed': {
      if (isYearClosed(state, entry.data.year)) out.add('year-already-closed', { year: entry.data.year });
      const expected = shuOfYear(state, entry.data.year);
      if (expected !== entry.data.shu) {
        out.add('year-close-shu-mismatch', { year: entry.data.year, expected, recorded: entry.data.shu });
      }
      return out.flags;
    }
  }
  checkClosedYear(state, entry.date, entry.lines, out);
  return out.flags;
}

function inspectJoin(state: LedgerState, data: EntryData<'member.joined'>, out: FlagList): void {
  if (hasJoined(state.members.get(data.memberId))) out.add('member-id-reused', { memberId: data.memberId });
  const holders = state.index.memberNumbers.get(data.number);
  const other = holders === undefined ? undefined : [...holders].find((id) => id !== data.memberId);
  if (other !== undefined) out.add('member-number-taken', { number: data.number, memberId: other });
}

/**
 * A conflicting edit: another device's edit of the same member that the server ordered after the
 * cursor this device had seen when it made its own. Needs server positions (see cursor.ts).
 */
function inspectEdit(
  state: LedgerState,
  deviceId: string,
  data: EntryData<'member.updated'>,
  serverSeq: number | null,
  out: FlagList,
): void {
  const member = state.members.get(data.memberId);
  if (!hasJoined(member)) out.add('member-unknown', { memberId: data.memberId });
  const seen = decodeCursor(data.seenCursor);
  if (member === undefined || seen === null) return;
  const unseen = member.edits.find(
    (e) => e.deviceId !== deviceId && e.serverSeq !== null && e.serverSeq > seen && (serverSeq === null || e.serverSeq < serverSeq),
  );
  if (unseen !== undefined) {
    out.add('member-edit-conflict', {
      memberId: data.memberId,
      conflictsWith: unseen.entryId,
      fields: Object.keys(data.changes).sort().join(','),
    });
  }
}

/**
 * A member leaving while still owing principal: the departure stands (it happened), but someone must
 * settle the loan, e.g. against the pokok/wajib returned. Scans the loan rows, not history; a
 * departure is rare enough that no member → loans index is kept for it.
 */
function checkOpenLoans(state: LedgerState, memberId: string, out: FlagList): void {
  let open = 0;
  let first: { loanId: string; outstanding: number } | null = null;
  for (const loan of state.loans.values()) {
    if (loan.memberId !== memberId || loan.outstanding <= 0) continue;
    open += 1;
    first ??= { loanId: loan.loanId, outstanding: loan.outstanding };
  }
  if (first !== null) out.add('member-left-with-open-loan', { memberId, loanId: first.loanId, outstanding: first.outstanding, openLoans: open });
}

function inspectWithdrawal(state: LedgerState, data: EntryData<'savings.withdrawn'>, out: FlagList): void {
  const member = state.members.get(data.memberId);
  if (!hasJoined(member)) out.add('member-unknown', { memberId: data.memberId });
  const balance = member?.savings[data.kind] ?? 0;
  if (balance - data.amount < 0) out.add('savings-overdrawn', { kind: data.kind, balance, amount: data.amount });
  if (hasJoined(member) && member.departures.length === 0 && data.kind !== 'sukarela') {
    out.add('savings-locked', { kind: data.kind });
  }
}

function inspectRepayment(state: LedgerState, data: EntryData<'loan.repaid'>, out: FlagList): void {
  const loan = state.loans.get(data.loanId);
  if (loan === undefined || loan.disbursals.length === 0) {
    out.add('loan-unknown', { loanId: data.loanId });
    return;
  }
  if (loan.memberId !== data.memberId) {
    out.add('loan-member-mismatch', { loanId: data.loanId, loanMemberId: loan.memberId, memberId: data.memberId });
  }
  if (data.principal > loan.outstanding) {
    out.add('repayment-exceeds-outstanding', { loanId: data.loanId, outstanding: loan.outstanding, principal: data.principal });
  }
}

/** A reversal that is not a valid target, or whose undoing breaks a rule of its own. */
function inspectReversal(state: LedgerState, targetId: string, out: FlagList): void {
  const target = state.entries.get(targetId);
  if (target === undefined || target.type === 'entry.reversed' || target.reversedBy !== null) {
    out.add('reversal-invalid', {
      entryId: targetId,
      why: target === undefined ? 'unknown' : target.reversedBy !== null ? 'already-reversed' : 'reversal-of-reversal',
    });
    return;
  }
  checkClosedYear(state, target.date, target.lines, out);
  inspectUndo(state, target, out);
}

function inspectUndo(state: LedgerState, target: EntryIndexRow, out: FlagList): void {
  switch (target.type) {
    case 'savings.deposited': {
      const { memberId, kind, amount } = target.data;
      const balance = state.members.get(memberId)?.savings[kind] ?? 0;
      if (balance - amount < 0) out.add('savings-overdrawn', { kind, balance, amount });
      return;
    }
    case 'loan.disbursed': {
      const loan = state.loans.get(target.data.loanId);
      if (loan !== undefined && loan.repayments.length > 0) out.add('loan-has-repayments', { loanId: loan.loanId });
      return;
    }
    case 'member.joined': {
      const member = state.members.get(target.data.memberId);
      const busy =
        member !== undefined &&
        (member.savings.pokok !== 0 ||
          member.savings.wajib !== 0 ||
          member.savings.sukarela !== 0 ||
          member.edits.length > 0 ||
          member.departures.length > 0 ||
          memberHasLoan(state, target.data.memberId));
      if (busy) out.add('member-has-activity', { memberId: target.data.memberId });
      return;
    }
    default:
      return;
  }
}

/** A scan of the loans: only reached when a member.joined is reversed, which is rare. */
function memberHasLoan(state: LedgerState, memberId: string): boolean {
  for (const loan of state.loans.values()) if (loan.memberId === memberId) return true;
  return false;
}

/** Whether the domain can use a setting's value; keys it does not interpret are always usable. */
export function settingIsUsable(key: string, value: unknown): boolean {
  switch (key) {
    case 'collectibility':
      return parseCollectibilityPreset(value) !== undefined;
    case 'shuAllocation':
      return parseShuAllocation(value) !== undefined;
    case 'simpananPokok':
    case 'simpananWajib':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= MAX_RUPIAH;
    default:
      return true;
  }
}
