/**
 * The fold: one entry at a time into the row tables of state.ts, in O(lines + the rows of the one
 * member or loan it names) — never a scan of history. The server folds a cooperative's entries in
 * server order; the phone folds each entry in the transaction that stores it.
 *
 * `applyEntry` MUTATES `state`, rows included (see rows.ts): copy a row to keep it. A full recompute
 * is `foldEntries` = applyEntry from `emptyLedger()`.
 *
 * Reversals (CONTRACT §8: reversed entries count as if neither they nor their reversal existed):
 * the target's effect is taken back out at the target's own date, and the reversal adds nothing
 * itself; only the index remembers it. Folding an entry and its reversal leaves every projection
 * exactly as folding neither.
 */
import type { JournalLine } from '../entry/schema.ts';
import { applyAccountAdded, applySetting, applyYearClosed } from './books.ts';
import { cashMemo } from './cash-memo.ts';
import { flagKey, type Flag } from './flags.ts';
import { inspectEntry, type FoldableEntry } from './inspect.ts';
import { applyDisbursal, applyRepayment } from './loans.ts';
import { applyDeparture, applyEdit, applyJoin, applySavings, bumpMemberPeriods } from './members.ts';
import { addCashMove, postLines, removeCashMove, type Sign } from './posting.ts';
import type { EntryIndexRow, FlagRow } from './rows.ts';
import { emptyLedger, type LedgerState, type Touched } from './state.ts';
import { NO_TRACKING, TouchRecorder, type Tracker } from './tracker.ts';
import { ACCOUNTS } from '../chart.ts';

export type ApplyResult = { flags: Flag[]; touched: Touched };

/** What the folder knows beyond the entry itself. */
export type ApplyContext = {
  /** The entry's position in the server's order: lets the fold see conflicting member edits. */
  serverSeq?: number;
};

const NO_CONTEXT: ApplyContext = Object.freeze({});

export function applyEntry(state: LedgerState, entry: FoldableEntry, ctx: ApplyContext = NO_CONTEXT): ApplyResult {
  const recorder = new TouchRecorder();
  const flags = applyInto(state, entry, ctx, recorder);
  return { flags, touched: recorder.result() };
}

/**
 * `applyEntry` for a folder that keeps its state in memory only (the server): the same fold, without
 * recording which rows it touched — nobody would write them anywhere.
 */
export function applyEntryUntracked(state: LedgerState, entry: FoldableEntry, ctx: ApplyContext = NO_CONTEXT): Flag[] {
  return applyInto(state, entry, ctx, NO_TRACKING);
}

/** A full recompute. `contextOf` supplies each entry's server position when the caller has it. */
export function foldEntries(
  entries: Iterable<FoldableEntry>,
  contextOf?: (entry: FoldableEntry) => ApplyContext,
): LedgerState {
  const state = emptyLedger();
  for (const entry of entries) applyInto(state, entry, contextOf?.(entry) ?? NO_CONTEXT, NO_TRACKING);
  return state;
}

/** The flags an entry would earn if it were saved now; the state is not changed. */
export function previewFlags(state: LedgerState, candidate: FoldableEntry): Flag[] {
  return inspectEntry(state, candidate);
}

function applyInto(state: LedgerState, entry: FoldableEntry, ctx: ApplyContext, t: Tracker): Flag[] {
  if (state.entries.has(entry.id)) throw new Error(`entry ${entry.id} is already in the ledger`);
  const flags = inspectEntry(state, entry, ctx.serverSeq ?? null);
  const row = indexRow(entry, ctx.serverSeq ?? null);
  if (row.type === 'entry.reversed') {
    const target = state.entries.get(row.data.entryId);
    if (flags.some((f) => f.reason === 'reversal-invalid') || target === undefined) {
      // Never reached by validated entries (upstream rejects these); keep the books equal to the lines.
      postLines(state, row.lines, row.date, 1, t);
      addCashMove(state, { entryId: row.entryId, date: row.date, type: row.type, memo: cashMemo(row), lines: row.lines }, t);
    } else {
      applyEffect(state, target, -1, t);
      state.entries.set(target.entryId, { ...target, reversedBy: row.entryId });
      t.touch('entries', target.entryId);
    }
  } else {
    applyEffect(state, row, 1, t);
  }
  state.entries.set(row.entryId, row);
  t.touch('entries', row.entryId);
  for (const flag of flags) {
    const key = flagKey(flag.entryId, flag.reason);
    state.flags.set(key, flagRow(key, flag, row));
    t.touch('flags', key);
  }
  return flags;
}

/** Posts (`sign` +1) or takes back (−1) everything an entry does, at the entry's own date. */
function applyEffect(state: LedgerState, row: EntryIndexRow, sign: Sign, t: Tracker): void {
  postLines(state, row.lines, row.date, sign, t);
  if (sign > 0) addCashMove(state, { entryId: row.entryId, date: row.date, type: row.type, memo: cashMemo(row), lines: row.lines }, t);
  else removeCashMove(state, row.date, row.entryId, t);
  switch (row.type) {
    case 'member.joined':
      applyJoin(state, row.entryId, row.data, sign, t);
      return;
    case 'member.updated':
      applyEdit(
        state,
        { entryId: row.entryId, deviceId: row.deviceId, serverSeq: row.serverSeq, changes: { ...row.data.changes } },
        row.data.memberId,
        sign,
        t,
      );
      return;
    case 'member.left':
      applyDeparture(state, row.entryId, row.data, sign, t);
      return;
    case 'savings.deposited':
      applySavings(state, row.date, row.data, 1, sign, t);
      return;
    case 'savings.withdrawn':
      applySavings(state, row.date, row.data, -1, sign, t);
      return;
    case 'loan.disbursed':
      applyDisbursal(state, row.entryId, row.date, row.data, sign, t);
      return;
    case 'loan.repaid':
      applyRepayment(state, row.entryId, row.date, row.data, sign, t);
      return;
    case 'cash.received': {
      const memberId = row.data.memberId;
      if (memberId !== undefined && row.data.account === ACCOUNTS.sales) {
        bumpMemberPeriods(state, memberId, row.date, 'purchases', sign * row.data.amount, t);
      }
      return;
    }
    case 'cash.paid':
    case 'cash.transferred':
    case 'entry.reversed':
      return;
    case 'account.added':
      applyAccountAdded(state, row.entryId, row.data, sign, t);
      return;
    case 'settings.changed':
      applySetting(state, { entryId: row.entryId, date: row.date, serverSeq: row.serverSeq }, row.data, sign, t);
      return;
    case 'year.closed':
      applyYearClosed(state, row.entryId, row.date, row.data, sign, t);
      return;
  }
}

function indexRow(entry: FoldableEntry, serverSeq: number | null): EntryIndexRow {
  // Entries are immutable values: the index shares their lines and data instead of copying them.
  const lines: JournalLine[] = entry.lines;
  const data = entry.type === 'year.closed' ? { year: entry.data.year, shu: entry.data.shu } : entry.data;
  return { entryId: entry.id, type: entry.type, date: entry.date, deviceId: entry.deviceId, serverSeq, lines, data, reversedBy: null } as EntryIndexRow;
}

function flagRow(key: string, flag: Flag, row: EntryIndexRow): FlagRow {
  const data: Readonly<Record<string, unknown>> = row.data;
  const memberId = typeof data['memberId'] === 'string' ? data['memberId'] : null;
  const loanId = typeof data['loanId'] === 'string' ? data['loanId'] : null;
  return {
    key,
    entryId: flag.entryId,
    reason: flag.reason,
    type: row.type,
    date: row.date,
    deviceId: row.deviceId,
    memberId,
    loanId,
    details: flag.details ?? null,
  };
}
