/**
 * How a signed entry sits in the `entries` table: the entry itself, verbatim as signed (`entry`), plus
 * copies of the few fields the indexes need and the phone's own bookkeeping about it (sync state,
 * server answer, the local order it was folded in, receipt number).
 *
 * Keeping the signed entry as one untouched property means a backup or a push sends exactly the
 * bytes that were hashed and signed; the index columns beside it are derived and never sent.
 */
import type { Entry, EntryType } from '../domain/entry/schema.ts';
import type { DeviceId, EntryId } from '../domain/ids.ts';

/**
 * - `pending`: recorded on this phone, not yet acknowledged by the server (the outbox).
 * - `acked`: the server has it (accepted, flagged or duplicate), or it was pulled from the server.
 * - `rejected`: the server refused it as structurally wrong; kept forever, shown to the treasurer.
 * - `restored`: came from a backup file and belongs to another device id; this phone cannot push it
 *   (the district office imports such files), so it is neither pending nor known to be acked.
 */
export const SYNC_STATES = ['pending', 'acked', 'rejected', 'restored'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export type ServerStatus = 'accepted' | 'accepted_flagged' | 'duplicate';

export type EntryRow = {
  id: EntryId;
  deviceId: DeviceId;
  seq: number;
  date: string;
  type: EntryType;
  /** 1, 2, 3 … in the order this phone folded entries into its projections; rebuild replays it. */
  order: number;
  sync: SyncState;
  serverSeq?: number;
  serverStatus?: ServerStatus;
  /** Why the server flagged or rejected it (its reason code). */
  reason?: string;
  /** Member, loan and reversed-entry ids this entry concerns: the multi-entry index behind a member's book. */
  refs: string[];
  receiptNo?: string;
  entry: Entry;
};

/**
 * The ids an entry concerns. A reversal also carries the ids of the entry it reverses (so it appears
 * in the same member's book) and that entry's id (so "is this entry reversed?" is one index lookup).
 */
export function refsOf(entry: Entry, reversed?: Entry): string[] {
  const refs = new Set<string>();
  collectOwnRefs(entry, refs);
  if (entry.type === 'entry.reversed') {
    refs.add(entry.data.entryId);
    if (reversed !== undefined) collectOwnRefs(reversed, refs);
  }
  return [...refs];
}

function collectOwnRefs(entry: Entry, refs: Set<string>): void {
  switch (entry.type) {
    case 'member.joined':
    case 'member.updated':
    case 'member.left':
    case 'savings.deposited':
    case 'savings.withdrawn':
      refs.add(entry.data.memberId);
      return;
    case 'loan.disbursed':
    case 'loan.repaid':
      refs.add(entry.data.memberId);
      refs.add(entry.data.loanId);
      return;
    case 'cash.received':
      if (entry.data.memberId !== undefined) refs.add(entry.data.memberId);
      return;
    case 'year.closed':
      for (const m of entry.data.members) refs.add(m.memberId);
      return;
    case 'cash.paid':
    case 'cash.transferred':
    case 'entry.reversed':
    case 'account.added':
    case 'settings.changed':
      return;
  }
}

export function entryRow(entry: Entry, fields: { order: number; sync: SyncState; refs: string[] }): EntryRow {
  return {
    id: entry.id,
    deviceId: entry.deviceId,
    seq: entry.seq,
    date: entry.date,
    type: entry.type,
    order: fields.order,
    sync: fields.sync,
    refs: fields.refs,
    entry,
  };
}
